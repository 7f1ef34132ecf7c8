// Reading inputs: paths -> bytes -> (decompressed, decoded) text -> format -> documents.
#include "ingest/ingest.h"

#include <algorithm>
#include <iostream>

#include "ingest/detect.h"
#include "ingest/html.h"
#include "ingest/jsonl.h"
#include "ingest/outlet.h"
#include "util/compress.h"
#include "util/hash.h"
#include "util/unicode.h"

namespace sitrep::ingest {
namespace {

std::string TooLarge(std::string_view what, uint64_t size, uint64_t limit) {
  return std::string(what) + " of " + std::to_string(size) + " bytes is larger than the limit of " +
         std::to_string(limit) + " bytes";
}

bool IsAsciiBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; });
}

class Reader {
 public:
  Reader(const Options& options, Sink& sink) : options_(options), sink_(sink) {}

  // One input: a file's bytes, stdin, or a test buffer.
  Status ReadInput(const std::string& name, std::string bytes) {
    if (bytes.size() > options_.max_file_bytes) {
      return Reject(name, TooLarge("input", bytes.size(), options_.max_file_bytes));
    }
    std::string inner_name = name;
    for (int layer = 0; layer < 2; ++layer) {  // e.g. .jsonl.zst; a third layer is not plausible
      Compression c = DetectCompression(bytes);
      if (c == Compression::kNone) break;
      Result<std::string> plain = Decompress(bytes, options_.max_file_bytes);
      if (!plain.ok()) return Reject(name, plain.status().message());
      bytes = std::move(*plain);
      inner_name = std::string(StripCompressionExtension(inner_name));
    }
    if (DetectCompression(bytes) != Compression::kNone)
      return Reject(name, "compressed more than twice; decompress it first");
    if (bytes.empty()) return Reject(name, "empty: the input has no bytes");
    if (std::string magic = BinaryMagic(bytes); !magic.empty()) {
      return Reject(name, "binary file (looks like " + magic + ")");
    }
    if (std::string_view bom = Utf16Or32Bom(bytes); !bom.empty()) {
      std::string utf8;
      Status st = DecodeCharset(bytes, bom, &utf8);
      if (!st.ok()) return Reject(name, st.message());
      bytes = std::move(utf8);
    }
    if (std::string why; LooksBinary(bytes, &why)) return Reject(name, "binary file (" + why + ")");
    if (bytes.starts_with(kUtf8Bom)) bytes.erase(0, kUtf8Bom.size());
    switch (DetectFormat(inner_name, bytes)) {
      case InputFormat::kJsonLines: return ReadJsonLines(name, bytes);
      case InputFormat::kHtml: return ReadHtml(name, std::move(bytes));
      case InputFormat::kText: return ReadText(name, std::move(bytes));
    }
    return Status::Ok();
  }

 private:
  uint64_t DocumentLimit() const {
    // Spans are 32-bit offsets.
    return std::min<uint64_t>(options_.max_document_bytes, uint64_t{UINT32_MAX} - 1);
  }

  Status Reject(std::string source, std::string reason) {
    sink_.OnRejected(Rejection{std::move(source), std::move(reason)});
    return Status::Ok();
  }

  Status ReadText(const std::string& name, std::string text) {
    if (text.size() > DocumentLimit()) return Reject(name, TooLarge("document", text.size(), DocumentLimit()));
    Document doc;
    if (std::string why; !IsValidUtf8(text) && LooksLikeLegacyEncoding(text, &why)) {
      // Not UTF-8 with a few damaged bytes but a legacy 8-bit encoding: read it as
      // windows-1252, as browsers do for undeclared pages, and say so in the metadata
      // rather than lose the document.
      std::string decoded;
      if (!DecodeCharset(text, "windows-1252", &decoded).ok()) {
        return Reject(name, "not UTF-8 text (" + why + "); convert it to UTF-8 first, e.g. iconv "
                            "-f WINDOWS-1252 -t UTF-8");
      }
      text = std::move(decoded);
      doc.metadata.emplace_back("charset_guess", "\"windows-1252\"");
    }
    doc.source = name;
    doc.format = InputFormat::kText;
    doc.text = std::move(text);
    return Finish(std::move(doc), "", /*from_html=*/false);
  }

  Status ReadHtml(const std::string& name, std::string html) {
    if (html.size() > DocumentLimit()) return Reject(name, TooLarge("document", html.size(), DocumentLimit()));
    Document doc;
    doc.source = name;
    doc.format = InputFormat::kHtml;
    Status st = FromHtml(std::move(html), /*use_declared_charset=*/true, &doc);
    if (!st.ok()) return Reject(name, st.message());
    return Finish(std::move(doc), "", /*from_html=*/true);
  }

  // Fills `doc` (text, lines, raw, invalid_utf8, and metadata fields still empty) from an
  // HTML page. Fails with BadInput when the page cannot be read.
  static Status FromHtml(std::string html, bool use_declared_charset, Document* doc) {
    if (!IsValidUtf8(html)) {
      std::string charset = use_declared_charset ? DeclaredHtmlCharset(html) : "";
      if (!charset.empty() && !IsUtf8Label(charset)) {
        std::string decoded;
        if (DecodeCharset(html, charset, &decoded).ok()) html = std::move(decoded);
      }
      if (std::string why; !IsValidUtf8(html) && charset.empty() && LooksLikeLegacyEncoding(html, &why)) {
        // Undeclared and clearly not UTF-8: the HTML standard's fallback for such pages is
        // windows-1252; follow it and record the guess.
        std::string decoded;
        if (!DecodeCharset(html, "windows-1252", &decoded).ok()) {
          return Status::BadInput("not UTF-8 (" + why + ") and the page declares no charset; "
                                  "convert it to UTF-8 first or add <meta charset=...>");
        }
        html = std::move(decoded);
        doc->metadata.emplace_back("charset_guess", "\"windows-1252\"");
      }
      doc->invalid_utf8 += RepairUtf8(&html);
    }
    Result<HtmlPage> page = ExtractHtml(html);
    if (!page.ok()) return page.status();
    doc->text = std::move(page->text);
    doc->lines = std::move(page->lines);
    if (doc->title.empty()) doc->title = std::move(page->title);
    if (doc->url.empty()) doc->url = std::move(page->url);
    if (doc->published.empty()) doc->published = std::move(page->published);
    if (doc->outlet.empty()) doc->outlet = std::move(page->outlet);
    for (auto& kv : page->metadata) doc->metadata.push_back(std::move(kv));
    doc->raw = std::move(html);
    return Status::Ok();
  }

  Status ReadJsonLines(const std::string& name, const std::string& bytes) {
    size_t pos = 0;
    uint64_t line_no = 0;
    JsonRecord rec;
    while (pos < bytes.size()) {
      size_t end = bytes.find('\n', pos);
      if (end == std::string::npos) end = bytes.size();
      std::string_view line(bytes.data() + pos, end - pos);
      pos = end + 1;
      ++line_no;
      if (line.ends_with('\r')) line.remove_suffix(1);
      if (IsAsciiBlank(line)) continue;
      const std::string source = name + ":" + std::to_string(line_no);
      const std::string where = "line " + std::to_string(line_no) + ": ";
      if (line.size() > DocumentLimit()) {
        Reject(source, where + TooLarge("record", line.size(), DocumentLimit())).IgnoreError();
        continue;
      }
      if (Status st = json_.Parse(line, &rec); !st.ok()) {
        Reject(source, where + st.message()).IgnoreError();
        continue;
      }
      Document doc;
      doc.source = source;
      doc.format = InputFormat::kJsonLines;
      doc.id = std::move(rec.id);
      doc.url = std::move(rec.url);
      doc.title = std::move(rec.title);
      doc.published = std::move(rec.published);
      doc.outlet = std::move(rec.outlet);
      doc.metadata = std::move(rec.metadata);
      doc.invalid_utf8 = rec.invalid_utf8;
      if (rec.has_text && (!IsBlank(rec.text) || !rec.has_html)) {
        doc.text = std::move(rec.text);
        if (rec.has_html) doc.raw = std::move(rec.html);
        SITREP_RETURN_IF_ERROR(Finish(std::move(doc), where, /*from_html=*/false));
      } else if (rec.has_html) {
        // The record is UTF-8 already (JSON); a <meta charset> inside it is stale.
        if (Status st = FromHtml(std::move(rec.html), /*use_declared_charset=*/false, &doc); !st.ok()) {
          Reject(source, where + st.message()).IgnoreError();
          continue;
        }
        SITREP_RETURN_IF_ERROR(Finish(std::move(doc), where, /*from_html=*/true));
      } else {
        Reject(source, where + "the record has no \"text\" or \"html\" string field").IgnoreError();
      }
    }
    return Status::Ok();
  }

  // Normalises the text of `doc` (unless it came from HTML, which is built normalised),
  // rejects it when empty or too large, gives it an id and hands it to the sink.
  // `where` prefixes rejection reasons ("line 7: ").
  Status Finish(Document doc, std::string_view where, bool from_html) {
    if (!from_html) {
      doc.invalid_utf8 += RepairUtf8(&doc.text);
      std::string before = doc.text;
      NormalizeNewlines(&doc.text);
      if (Status st = NormalizeNfc(&doc.text); !st.ok()) {
        return Reject(doc.source, std::string(where) + st.message());
      }
      if (doc.raw.empty() && doc.text != before) doc.raw = std::move(before);
    }
    if (IsBlank(doc.text)) {
      return Reject(doc.source, std::string(where) + (from_html ? "empty: the page has no visible text"
                                                                 : "empty: no text, or only white space"));
    }
    if (doc.text.size() > DocumentLimit()) {
      return Reject(doc.source, std::string(where) + TooLarge("document", doc.text.size(), DocumentLimit()));
    }
    if (IsBlank(doc.outlet)) {
      // Scraped text and bare wire copy: the page's own masthead, copyright line or
      // dateline names the outlet (outlet.h); say where it came from.
      OutletGuess guess = InferOutlet(doc.text);
      if (!guess.name.empty()) {
        doc.outlet = std::move(guess.name);
        doc.metadata.emplace_back("outlet_from", JsonQuote(guess.how + ": " + guess.line));
      }
    }
    for (std::string* field : {&doc.title, &doc.outlet}) {
      if (!IsValidUtf8(*field)) doc.invalid_utf8 += RepairUtf8(field);
      NormalizeNfc(field).IgnoreError();  // valid by now
    }
    for (std::string* f : {&doc.url, &doc.published}) doc.invalid_utf8 += IsValidUtf8(*f) ? 0 : RepairUtf8(f);
    for (auto& kv : doc.metadata) doc.invalid_utf8 += IsValidUtf8(kv.second) ? 0 : RepairUtf8(&kv.second);
    if (doc.id.empty()) {
      doc.id = 'h';  // (not "h" + ...: GCC 12 raises a false -Wrestrict there)
      doc.id += ContentId(doc.text);
    }
    return sink_.OnDocument(std::move(doc));
  }

  const Options& options_;
  Sink& sink_;
  JsonLinesParser json_;
};

// Reads all of standard input, up to `max_bytes` (+1 to detect overflow).
Result<std::string> ReadStdin(uint64_t max_bytes) {
  std::string out;
  char buf[1 << 16];
  while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
    out.append(buf, static_cast<size_t>(std::cin.gcount()));
    if (out.size() > max_bytes) return Status::BadInput(TooLarge("standard input", out.size(), max_bytes) + " (or more)");
  }
  if (std::cin.bad()) return Status::IoError("cannot read standard input");
  return out;
}

}  // namespace

Status ReadPaths(const std::vector<std::string>& paths, const Options& options, Sink& sink) {
  struct Item {
    std::string path;
    uint64_t size = 0;
    std::string error;  // when listing failed
  };
  std::vector<Item> items;
  uint64_t total = 0;
  bool total_known = true;
  for (const std::string& path : paths) {
    if (path == "-") {
      total_known = false;
      items.push_back({path, 0, ""});
      continue;
    }
    FileInfo info = options.fs->Stat(path);
    if (info.exists && info.is_directory) {
      Result<std::vector<std::string>> files = options.fs->ListFilesRecursive(path);
      if (!files.ok()) {
        items.push_back({path, 0, files.status().message()});
        continue;
      }
      for (std::string& f : *files) {
        uint64_t size = options.fs->Stat(f).size;
        total += size;
        items.push_back({std::move(f), size, ""});
      }
      continue;
    }
    total += info.size;
    items.push_back({path, info.size, ""});
  }

  Reader reader(options, sink);
  uint64_t done = 0;
  for (Item& item : items) {
    if (!item.error.empty()) {
      sink.OnRejected({item.path, item.error});
    } else {
      Result<std::string> bytes = item.path == "-" ? ReadStdin(options.max_file_bytes)
                                                   : options.fs->ReadFile(item.path, options.max_file_bytes);
      if (!bytes.ok()) {
        sink.OnRejected({item.path, bytes.status().message()});
      } else {
        if (item.path == "-") item.size = bytes->size();
        SITREP_RETURN_IF_ERROR(reader.ReadInput(item.path, std::move(*bytes)));
      }
    }
    done += item.size;
    sink.OnProgress(done, total_known ? total : 0);
  }
  return Status::Ok();
}

Status ReadBuffer(const std::string& name, std::string bytes, const Options& options, Sink& sink) {
  Reader reader(options, sink);
  return reader.ReadInput(name, std::move(bytes));
}

}  // namespace sitrep::ingest
