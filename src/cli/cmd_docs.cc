// sitrep docs : one row per stored document, and how the undated ones were dated.
//
// Table: ID, DATE, SENTS, DROPPED, TITLE, SOURCE (long titles and sources are cut); then,
// when there are any, "Dated from other documents": each document whose date source is
// cross-document with its date, confidence, the stored evidence sentence and the chain
// (the stories and dated documents it rests on, from fusion); then "Dates contradicted by
// content": documents whose stated date the events they report refute.
// JSON: an array of DocumentSummaryJson objects (output.h), ordered by source then id,
// each with two more fields: date_chain (an array of report::EvidenceJson: the documents
// and stories a cross-document date rests on; empty otherwise) and date_flag ({stated,
// implied, why, evidence} when fusion finds the stated date refuted, else null).
#include <fmt/format.h>

#include <map>

#include "cli/command.h"
#include "cli/output.h"
#include "report/fusion_json.h"
#include "report/load.h"

namespace sitrep::cli {
namespace {

class DocsCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    return app.add_subcommand("docs", "List stored documents with their dates");
  }

  int Run(const Globals& globals, Io& io) override {
    auto store = OpenExistingStore(ResolveDbPath(globals.db));
    if (!store.ok()) return Fail(io, store.status());
    auto docs = (*store)->ListDocuments();
    if (!docs.ok()) return Fail(io, docs.status());
    auto fusion = report::LoadFusion(**store);
    if (!fusion.ok()) return Fail(io, fusion.status());
    std::map<std::string, const fuse::DocDate*> chains;
    for (const fuse::DocDate& d : fusion->doc_dates) chains[d.doc] = &d;
    std::map<std::string, const fuse::DateFlag*> flags;
    for (const fuse::DateFlag& f : fusion->date_flags) flags[f.doc] = &f;

    if (globals.format == "json") {
      Json arr = Json::array();
      for (const DocumentSummary& d : *docs) {
        Json j = DocumentSummaryJson(d);
        Json chain = Json::array();
        auto c = chains.find(d.id);
        if (d.date.source == DateSource::kCrossDocument && c != chains.end()) {
          for (const fuse::Evidence& e : c->second->chain) chain.push_back(report::EvidenceJson(e));
        }
        j["date_chain"] = std::move(chain);
        auto f = flags.find(d.id);
        Json flag = nullptr;
        if (f != flags.end()) {
          flag = report::DateFlagJson(*f->second);
          flag.erase("doc");
        }
        j["date_flag"] = std::move(flag);
        arr.push_back(std::move(j));
      }
      PrintJson(io.out, arr);
      return kExitOk;
    }
    PrintDocumentsTable(io.out, *docs);
    bool heading = false;
    for (const DocumentSummary& d : *docs) {
      if (d.date.source != DateSource::kCrossDocument) continue;
      if (!heading) io.out << "\nDated from other documents (date_source cross-document):\n";
      heading = true;
      io.out << "  " << d.id << "  " << d.date.value << " ("
             << DatePrecisionName(d.date.precision) << ", confidence "
             << fmt::format("{:.2f}", d.date.confidence) << ")\n";
      if (!d.date.evidence.empty()) io.out << "    " << Truncate(d.date.evidence, 300) << "\n";
      auto c = chains.find(d.id);
      if (c == chains.end()) continue;
      for (const fuse::Evidence& e : c->second->chain) {
        io.out << "    - " << (e.date.empty() ? "?" : e.date) << "  " << e.value << "  ["
               << (e.outlet.empty() ? e.doc : e.outlet + ", " + e.doc) << " #" << e.sentence
               << "]\n";
        if (!e.quote.empty()) io.out << "      \"" << Truncate(e.quote, 140) << "\"\n";
      }
    }
    if (!fusion->date_flags.empty()) io.out << "\nDates contradicted by content:\n";
    for (const fuse::DateFlag& f : fusion->date_flags) {
      io.out << "  " << f.doc << "  stated " << (f.stated.empty() ? "-" : f.stated)
             << ", events imply " << (f.implied.empty() ? "-" : f.implied) << ": " << f.why
             << "\n";
    }
    return kExitOk;
  }
};

}  // namespace

std::unique_ptr<Command> MakeDocsCommand() { return std::make_unique<DocsCommand>(); }

}  // namespace sitrep::cli
