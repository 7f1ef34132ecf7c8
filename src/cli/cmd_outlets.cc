// sitrep outlets : how each outlet names the parties and the kinds of event
// (fuse::OutletProfile), side by side. Descriptive only: counts of the words as written.
//
// Table: first the outlets with their document counts; then, for each party and then each
// event type, one table with a column per outlet that wrote about it, its words in order of
// use, "term (count)". JSON: an array of report::OutletJson (docs/FORMATS.md "Outlets").
#include <fmt/format.h>

#include <map>

#include "cli/command.h"
#include "cli/output.h"
#include "report/fusion_json.h"
#include "report/load.h"

namespace sitrep::cli {
namespace {

struct Key {
  std::string category, key;
  auto operator<=>(const Key&) const = default;
};

// One party or event type: its label and, per outlet (in profile order), its terms.
struct Side {
  std::string label;
  std::vector<std::pair<std::string, std::vector<const fuse::OutletTerm*>>> outlets;
};

void PrintSideBySide(std::ostream& out, const std::vector<fuse::OutletProfile>& profiles) {
  Table summary({{"OUTLET"}, {"DOCS", true}, {"PARTY TERMS", true}, {"EVENT TERMS", true}});
  std::map<Key, Side> sides;
  for (const fuse::OutletProfile& p : profiles) {
    size_t party = 0, event = 0;
    for (const fuse::OutletTerm& t : p.terms) {
      (t.category == "party" ? party : event) += 1;
      Side& side = sides[{t.category, t.key}];
      if (side.label.empty()) side.label = t.label.empty() ? t.key : t.label;
      if (side.outlets.empty() || side.outlets.back().first != p.outlet) {
        side.outlets.emplace_back(p.outlet, std::vector<const fuse::OutletTerm*>{});
      }
      side.outlets.back().second.push_back(&t);
    }
    summary.AddRow({p.outlet.empty() ? "(no outlet)" : p.outlet, std::to_string(p.documents),
                    std::to_string(party), std::to_string(event)});
  }
  summary.Print(out);
  // std::map orders "event" before "party"; parties read first.
  for (const char* category : {"party", "event"}) {
    for (const auto& [key, side] : sides) {
      if (key.category != category) continue;
      out << "\n" << (key.category == "party" ? "Party: " : "Event: ") << side.label;
      if (side.label != key.key) out << " (" << key.key << ")";
      out << "\n";
      std::vector<Table::Column> columns;
      size_t rows = 0;
      for (const auto& [outlet, terms] : side.outlets) {
        columns.push_back({Truncate(outlet.empty() ? "(no outlet)" : outlet, 28)});
        rows = std::max(rows, terms.size());
      }
      Table table(std::move(columns));
      for (size_t r = 0; r < rows; ++r) {
        std::vector<std::string> cells;
        for (const auto& [outlet, terms] : side.outlets) {
          cells.push_back(r < terms.size()
                              ? fmt::format("{} ({})", Truncate(terms[r]->term, 24), terms[r]->count)
                              : "");
        }
        table.AddRow(std::move(cells));
      }
      table.Print(out);
    }
  }
}

class OutletsCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    return app.add_subcommand(
        "outlets", "How each outlet names the parties and the kinds of event, side by side");
  }

  int Run(const Globals& globals, Io& io) override {
    auto store = OpenExistingStore(ResolveDbPath(globals.db));
    if (!store.ok()) return Fail(io, store.status());
    auto fusion = report::LoadFusion(**store);
    if (!fusion.ok()) return Fail(io, fusion.status());
    if (globals.format == "json") {
      report::Json arr = report::Json::array();
      for (const fuse::OutletProfile& o : fusion->outlets) arr.push_back(report::OutletJson(o));
      PrintJson(io.out, arr);
    } else if (fusion->outlets.empty()) {
      io.out << "No outlets (no documents stored).\n";
    } else {
      PrintSideBySide(io.out, fusion->outlets);
    }
    return kExitOk;
  }
};

}  // namespace

std::unique_ptr<Command> MakeOutletsCommand() { return std::make_unique<OutletsCommand>(); }

}  // namespace sitrep::cli
