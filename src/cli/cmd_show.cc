// sitrep show ID : one document; ID may be a unique prefix of at least 4 characters.
//
// Table: the fields, the date and its losing candidates, the cleaned text, the dropped
// lines with their reasons and the captions; --sentences adds the sentences with their
// byte offsets. JSON: DocumentJson (output.h); sentence offsets are UTF-8 byte offsets
// into the stored document text (not into the cleaned "text" field).
// Exit 2 when no document has that id, 1 when the prefix is ambiguous.
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "util/unicode.h"

namespace sitrep::cli {
namespace {

void PrintField(std::ostream& out, std::string_view name, std::string_view value) {
  if (!value.empty()) out << fmt::format("{:<10} {}\n", name, value);
}

void PrintDocument(std::ostream& out, const Document& doc, bool sentences) {
  PrintField(out, "id", doc.id);
  PrintField(out, "source", doc.source);
  PrintField(out, "title", doc.title);
  PrintField(out, "url", doc.url);
  PrintField(out, "outlet", doc.outlet);
  PrintField(out, "published", doc.published);
  PrintField(out, "format", InputFormatName(doc.format));
  const DocumentDate& d = doc.date;
  if (d.value.empty()) {
    PrintField(out, "date", "unknown");
  } else {
    PrintField(out, "date",
               fmt::format("{} ({}, from {}, confidence {:.2f})", d.value,
                           DatePrecisionName(d.precision), DateSourceName(d.source), d.confidence));
    PrintField(out, "evidence", d.evidence);
  }
  for (const DateConflict& c : d.conflicts) {
    PrintField(out, "not", fmt::format("{} (from {}: \"{}\"): {}", c.value.empty() ? "-" : c.value,
                                       DateSourceName(c.source), c.evidence, c.why));
  }
  uint64_t dropped = 0, captions = 0;
  for (const Line& l : doc.lines) {
    dropped += l.kind == LineKind::kDropped;
    captions += l.kind == LineKind::kCaption;
  }
  PrintField(out, "counts",
             fmt::format("{} lines, {} dropped, {} captions, {} paragraphs, {} sentences",
                         doc.lines.size(), dropped, captions, doc.paragraphs.size(),
                         doc.sentences.size()));
  if (doc.invalid_utf8 > 0) {
    PrintField(out, "repaired", fmt::format("{} invalid UTF-8 sequences", doc.invalid_utf8));
  }
  out << "\n" << doc.CleanText() << "\n";
  if (dropped > 0) {
    out << "\nDropped lines:\n";
    for (size_t i = 0; i < doc.lines.size(); ++i) {
      const Line& l = doc.lines[i];
      if (l.kind != LineKind::kDropped) continue;
      out << fmt::format("  {:>4}  [{}] {}\n", i, l.reason, Truncate(doc.view(l.span), 100));
    }
  }
  if (captions > 0) {
    out << "\nCaptions:\n";
    for (const Line& l : doc.lines) {
      if (l.kind == LineKind::kCaption) out << "  " << doc.view(l.span) << "\n";
    }
  }
  if (sentences) {
    out << "\nSentences (byte offsets into the stored text):\n";
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& s = doc.sentences[i];
      out << fmt::format("  {:>4}  {:>6}-{:<6} {}\n", i, s.span.start, s.span.end,
                         doc.view(s.span));
    }
  }
}

class ShowCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = app.add_subcommand("show", "Show one document: text, dropped lines, date");
    sub->add_option("id", id_, "document id, or a unique prefix of at least 4 characters")
        ->required()
        ->type_name("ID");
    sub->add_flag("--sentences", sentences_, "also list the sentences with byte offsets");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    auto store = OpenExistingStore(ResolveDbPath(globals.db));
    if (!store.ok()) return Fail(io, store.status());
    auto doc = (*store)->GetDocument(id_);
    if (!doc.ok()) return Fail(io, doc.status());
    if (globals.format == "json") {
      PrintJson(io.out, DocumentJson(*doc));
    } else {
      PrintDocument(io.out, *doc, sentences_);
    }
    return kExitOk;
  }

 private:
  std::string id_;
  bool sentences_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeShowCommand() { return std::make_unique<ShowCommand>(); }

}  // namespace sitrep::cli
