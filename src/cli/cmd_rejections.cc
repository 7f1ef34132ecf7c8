// sitrep rejections : inputs that could not become documents, newest run first.
//
// Table: SOURCE, REASON. JSON: an array of {source, reason}.
#include "cli/command.h"
#include "cli/output.h"

namespace sitrep::cli {
namespace {

class RejectionsCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    return app.add_subcommand("rejections", "List rejected inputs and why, newest run first");
  }

  int Run(const Globals& globals, Io& io) override {
    auto store = OpenExistingStore(ResolveDbPath(globals.db));
    if (!store.ok()) return Fail(io, store.status());
    auto rejections = (*store)->ListRejections();
    if (!rejections.ok()) return Fail(io, rejections.status());
    if (globals.format == "json") {
      Json arr = Json::array();
      for (const Rejection& r : *rejections) {
        arr.push_back({{"source", r.source}, {"reason", r.reason}});
      }
      PrintJson(io.out, arr);
      return kExitOk;
    }
    Table table({{"SOURCE"}, {"REASON"}});
    for (const Rejection& r : *rejections) table.AddRow({r.source, r.reason});
    table.Print(io.out);
    io.out << rejections->size() << (rejections->size() == 1 ? " rejection" : " rejections")
           << "\n";
    return kExitOk;
  }
};

}  // namespace

std::unique_ptr<Command> MakeRejectionsCommand() { return std::make_unique<RejectionsCommand>(); }

}  // namespace sitrep::cli
