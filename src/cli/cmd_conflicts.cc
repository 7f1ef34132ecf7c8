// sitrep conflicts : the contradictions fusion found across the stored documents
// (fuse::Conflict): numbers from different sources that cannot both be true, control
// claims that conflict, document dates their content refutes.
//
// --kind numeric|control|date keeps one kind.
// Table: one block per contradiction: "KIND  SUBJECT", its summary, then one line per item
// (what it says, who says it, through which outlet, which document and sentence).
// JSON: an array of report::ConflictJson (docs/FORMATS.md "Conflicts"), in fusion's order.
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "report/fusion_json.h"
#include "report/load.h"

namespace sitrep::cli {

// Shared with `demo` (cmd_demo.cc declares it).
void PrintConflicts(std::ostream& out, const std::vector<fuse::Conflict>& conflicts);

namespace {

class ConflictsCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = app.add_subcommand(
        "conflicts", "Contradictions across documents: numbers, control, document dates");
    sub->add_option("--kind", kind_, "only this kind")
        ->check(CLI::IsMember({"numeric", "control", "date"}))
        ->type_name("KIND");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    auto store = OpenExistingStore(ResolveDbPath(globals.db));
    if (!store.ok()) return Fail(io, store.status());
    auto fusion = report::LoadFusion(**store);
    if (!fusion.ok()) return Fail(io, fusion.status());
    std::vector<fuse::Conflict> chosen;
    for (const fuse::Conflict& c : fusion->conflicts) {
      if (kind_.empty() || c.kind == kind_) chosen.push_back(c);
    }
    if (globals.format == "json") {
      report::Json arr = report::Json::array();
      for (const fuse::Conflict& c : chosen) arr.push_back(report::ConflictJson(c));
      PrintJson(io.out, arr);
    } else {
      PrintConflicts(io.out, chosen);
    }
    return kExitOk;
  }

 private:
  std::string kind_;
};

}  // namespace

void PrintConflicts(std::ostream& out, const std::vector<fuse::Conflict>& conflicts) {
  if (conflicts.empty()) {
    out << "No contradictions found.\n";
    return;
  }
  for (size_t i = 0; i < conflicts.size(); ++i) {
    const fuse::Conflict& c = conflicts[i];
    if (i) out << "\n";
    out << c.kind << "  " << c.subject << "\n";
    if (!c.summary.empty()) out << "  " << c.summary << "\n";
    Table items({{"  SAYS"}, {"WHO"}, {"OUTLET"}, {"DATE"}, {"WHERE"}});
    for (const fuse::Evidence& e : c.items) {
      items.AddRow({"  " + Truncate(e.value.empty() ? e.quote : e.value, 48),
                    Truncate(e.claimed_by.empty() ? "(the outlet)" : e.claimed_by, 28),
                    Truncate(e.outlet.empty() ? "-" : e.outlet, 24), e.date.empty() ? "-" : e.date,
                    fmt::format("{} #{}", Truncate(e.doc, 24), e.sentence)});
    }
    items.Print(out);
  }
  out << conflicts.size() << (conflicts.size() == 1 ? " contradiction" : " contradictions")
      << "\n";
}

std::unique_ptr<Command> MakeConflictsCommand() { return std::make_unique<ConflictsCommand>(); }

}  // namespace sitrep::cli
