// sitrep docs : one row per stored document.
//
// Table: ID, DATE, SENTS, DROPPED, TITLE, SOURCE (long titles and sources are cut).
// JSON: an array of DocumentSummaryJson objects (output.h), ordered by source then id.
#include "cli/command.h"
#include "cli/output.h"

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
    if (globals.format == "json") {
      Json arr = Json::array();
      for (const DocumentSummary& d : *docs) arr.push_back(DocumentSummaryJson(d));
      PrintJson(io.out, arr);
    } else {
      PrintDocumentsTable(io.out, *docs);
    }
    return kExitOk;
  }
};

}  // namespace

std::unique_ptr<Command> MakeDocsCommand() { return std::make_unique<DocsCommand>(); }

}  // namespace sitrep::cli
