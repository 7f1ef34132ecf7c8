#include "cli/output.h"

#include <sys/stat.h>

#include <fmt/format.h>

#include "util/unicode.h"

namespace sitrep::cli {
namespace {

Json NullIfEmpty(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// Metadata values are JSON text; one that does not parse is shown as a string.
Json ParseValue(const std::string& text) {
  Json v = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return v.is_discarded() ? Json(text) : v;
}

}  // namespace

int ExitCodeFor(const Status& st) {
  switch (st.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument: return kExitUsage;
    case StatusCode::kBadInput:
    case StatusCode::kNotFound: return kExitBadInput;
    case StatusCode::kIoError:
    case StatusCode::kInternal: return kExitInternal;
  }
  return kExitInternal;
}

int Fail(Io& io, const Status& st) {
  io.err << "sitrep: " << st.message() << "\n";
  return ExitCodeFor(st);
}

Result<std::unique_ptr<Store>> OpenExistingStore(const std::string& path) {
  struct stat st;
  if (path != ":memory:" && ::stat(path.c_str(), &st) != 0) {
    return Status::NotFound("no database at " + path +
                            "; run 'sitrep ingest PATH...' first, or pass --db FILE");
  }
  return OpenStore(path, SystemClock());
}

void PrintJson(std::ostream& out, const Json& j) {
  out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

Json DocumentSummaryJson(const DocumentSummary& d) {
  Json j;
  j["id"] = d.id;
  j["source"] = d.source;
  j["url"] = NullIfEmpty(d.url);
  j["title"] = d.title;
  j["outlet"] = NullIfEmpty(d.outlet);
  j["published"] = NullIfEmpty(d.published);
  j["format"] = InputFormatName(d.format);
  j["chars"] = d.chars;
  j["sentences"] = d.sentences;
  j["dropped_lines"] = d.dropped_lines;
  j["invalid_utf8"] = d.invalid_utf8;
  AddDateFields(d.date, j);
  return j;
}

Json DocumentJson(const Document& doc) {
  const std::string clean = doc.CleanText();
  Json j;
  j["id"] = doc.id;
  j["source"] = doc.source;
  j["url"] = NullIfEmpty(doc.url);
  j["title"] = doc.title;
  j["outlet"] = NullIfEmpty(doc.outlet);
  j["published"] = NullIfEmpty(doc.published);
  j["format"] = InputFormatName(doc.format);
  j["chars"] = CountCodePoints(clean);
  uint64_t dropped_count = 0;
  for (const Line& l : doc.lines) dropped_count += l.kind == LineKind::kDropped;
  j["dropped_lines"] = dropped_count;
  j["invalid_utf8"] = doc.invalid_utf8;
  AddDateFields(doc.date, j);
  Json metadata = Json::object();
  for (const auto& [name, value] : doc.metadata) metadata[name] = ParseValue(value);
  j["metadata"] = std::move(metadata);
  j["text"] = clean;
  Json dropped = Json::array();
  Json captions = Json::array();
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const Line& l = doc.lines[i];
    if (l.kind == LineKind::kDropped) {
      dropped.push_back({{"index", i}, {"line", doc.view(l.span)}, {"reason", l.reason}});
    } else if (l.kind == LineKind::kCaption) {
      captions.push_back(doc.view(l.span));
    }
  }
  j["dropped"] = std::move(dropped);
  j["captions"] = std::move(captions);
  Json sentences = Json::array();
  for (const Sentence& s : doc.sentences) {
    sentences.push_back({{"start", s.span.start},
                         {"end", s.span.end},
                         {"kind", LineKindName(s.kind)},
                         {"text", doc.view(s.span)}});
  }
  j["sentences"] = std::move(sentences);
  return j;
}

Json IngestSummaryJson(const IngestSummary& s, const std::vector<StageTiming>& timings) {
  Json j;
  j["seen"] = s.seen;
  j["stored"] = s.stored;
  j["duplicates"] = s.duplicates;
  j["rejected"] = s.rejected;
  j["bytes"] = s.bytes;
  j["seconds"] = s.seconds;
  Json rejections = Json::array();
  for (const Rejection& r : s.rejections) {
    rejections.push_back({{"source", r.source}, {"reason", r.reason}});
  }
  j["rejections"] = std::move(rejections);
  j["duplicate_ids"] = s.duplicate_ids;
  Json t = Json::array();
  for (const StageTiming& st : timings) {
    t.push_back({{"stage", st.name}, {"documents", st.documents}, {"seconds", st.seconds}});
  }
  j["timings"] = std::move(t);
  return j;
}

std::string AccountingLine(const IngestSummary& s) {
  return fmt::format("ingest: seen {} = stored {} + duplicates {} + rejected {} ({} in {:.2f} s)",
                     s.seen, s.stored, s.duplicates, s.rejected, HumanBytes(s.bytes), s.seconds);
}

std::string HumanBytes(uint64_t bytes) {
  if (bytes < 1000) return fmt::format("{} B", bytes);
  const char* units[] = {"KB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes) / 1000;
  size_t u = 0;
  while (v >= 1000 && u + 1 < std::size(units)) {
    v /= 1000;
    ++u;
  }
  return fmt::format("{:.1f} {}", v, units[u]);
}

std::string Truncate(std::string_view s, size_t max) {
  if (CountCodePoints(s) <= max) return std::string(s);
  if (max == 0) return "";
  size_t points = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (points == max - 1) break;
      ++points;
    }
  }
  return std::string(s.substr(0, i)) + "\xE2\x80\xA6";  // U+2026
}

void Table::Print(std::ostream& out) const {
  std::vector<size_t> width(columns_.size());
  for (size_t c = 0; c < columns_.size(); ++c) width[c] = CountCodePoints(columns_[c].header);
  for (const auto& row : rows_) {
    for (size_t c = 0; c < row.size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], CountCodePoints(row[c]));
    }
  }
  auto print_row = [&](auto cell_of) {
    std::string line;
    for (size_t c = 0; c < columns_.size(); ++c) {
      const std::string& cell = cell_of(c);
      const size_t pad = width[c] - std::min(width[c], CountCodePoints(cell));
      if (c > 0) line += "  ";
      if (columns_[c].right) line.append(pad, ' ');
      line += cell;
      if (!columns_[c].right && c + 1 < columns_.size()) line.append(pad, ' ');
    }
    out << line << "\n";
  };
  print_row([&](size_t c) -> const std::string& { return columns_[c].header; });
  static const std::string kEmpty;
  for (const auto& row : rows_) {
    print_row([&](size_t c) -> const std::string& { return c < row.size() ? row[c] : kEmpty; });
  }
}

void PrintDocumentsTable(std::ostream& out, const std::vector<DocumentSummary>& docs) {
  Table table({{"ID"}, {"DATE"}, {"SENTS", true}, {"DROPPED", true}, {"TITLE"}, {"SOURCE"}});
  for (const DocumentSummary& d : docs) {
    std::string source = d.source;
    if (CountCodePoints(source) > 40) {  // keep the end of a long path: the file name
      source = "\xE2\x80\xA6" + source.substr(source.size() - 39);
      while (source.size() > 3 && (static_cast<unsigned char>(source[3]) & 0xC0) == 0x80) {
        source.erase(3, 1);
      }
    }
    table.AddRow({Truncate(d.id, 20), d.date.value.empty() ? "-" : d.date.value,
                  std::to_string(d.sentences), std::to_string(d.dropped_lines),
                  d.title.empty() ? "(untitled)" : Truncate(d.title, 48), source});
  }
  table.Print(out);
  out << docs.size() << (docs.size() == 1 ? " document" : " documents") << "\n";
}

}  // namespace sitrep::cli
