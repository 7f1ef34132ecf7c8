// sitrep claims [--place P] [--kind K] [--doc ID] [--format table|json|jsonl|csv] : the
// stored claims (numbers stated about the war), each with who claims it and who reports it.
//
// Filters (optional, combined with "and"): --place matches an id exactly or,
// case-insensitively, part of the resolved name or the words as written; --kind a claim
// kind (killed, wounded, troops, tanks, ...; see docs/ONTOLOGY.md); --doc a document id or
// a unique prefix of at least 4 characters.
//
// Output (docs/FORMATS.md, "sitrep claims"): table ID, KIND, FIGURE, ITEM, ABOUT,
// CLAIMED BY, REPORTED BY, DATE, PLACE, EVENT; json an array of report::ClaimJson; jsonl
// one ClaimJson per line; csv report::WriteClaimsCsv. Ordered by document, then position.
// Exit 0 (also when nothing matches), 1 on a bad flag, 2 for an unknown --doc.
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "report/records_json.h"

namespace sitrep::cli {

// cmd_events.cc
std::string EffectiveFormat(const std::string& local, const Globals& globals);
void PrintJsonLine(std::ostream& out, const Json& j);
Result<std::string> ResolveDocumentId(Store& store, const std::string& id);
std::string DateCell(const std::string& date);

// A claim's figure for people: "120", "~250", ">=120", ">100", "<=64", "24-99", "?" when
// nothing bounds it.
std::string FigureText(const ClaimRecord& c) {
  const std::string low = report::CsvFigure(c.low), high = report::CsvFigure(c.high);
  std::string s;
  if (!low.empty() && !high.empty()) {
    s = low == high ? low : low + "-" + high;
  } else if (!low.empty()) {
    s = (c.effect == "more_than" ? ">" : ">=") + low;
  } else if (!high.empty()) {
    s = (c.effect == "less_than" ? "<" : "<=") + high;
  } else {
    return "?";
  }
  if (c.approx && low == high) s = "~" + s;
  if (c.kind == "territory_share") s += "%";
  return s;
}

namespace {

std::string Cell(const EntityRef& e, size_t max) {
  return e.empty() ? "-" : Truncate(e.label(), max);
}

void PrintClaimsTable(std::ostream& out, const std::vector<ClaimRecord>& claims) {
  Table t({{"ID"}, {"KIND"}, {"FIGURE", true}, {"ITEM"}, {"ABOUT"}, {"CLAIMED BY"},
           {"REPORTED BY"}, {"DATE"}, {"PLACE"}, {"EVENT"}});
  for (const ClaimRecord& c : claims) {
    t.AddRow({c.id, c.kind, FigureText(c), c.item.empty() ? "-" : Truncate(c.item, 20),
              Cell(c.about, 24), Cell(c.claimed_by, 28),
              c.reported_by.empty() ? "-" : Truncate(c.reported_by, 24), DateCell(c.date),
              Cell(c.place, 20), c.event.empty() ? "-" : c.event});
  }
  t.Print(out);
}

class ClaimsCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub =
        app.add_subcommand("claims", "List numbers stated about the war, with who claims them");
    sub->add_option("--place", q_.place, "place id, or part of its name")->type_name("P");
    sub->add_option("--kind", q_.kind, "claim kind: killed, wounded, troops, tanks, ...")
        ->type_name("K");
    sub->add_option("--doc", doc_, "one document (id or unique prefix)")->type_name("ID");
    sub->add_option("--format", format_, "table (default), json, jsonl or csv")
        ->check(CLI::IsMember({"table", "json", "jsonl", "csv"}))
        ->type_name("FORMAT");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    const std::string format = EffectiveFormat(format_, globals);
    auto store = OpenExistingStore(ResolveDbPath(globals.db));
    if (!store.ok()) return Fail(io, store.status());
    if (!doc_.empty()) {
      auto id = ResolveDocumentId(**store, doc_);
      if (!id.ok()) return Fail(io, id.status());
      q_.document = *id;
    }
    auto claims = (*store)->ListClaims(q_);
    if (!claims.ok()) return Fail(io, claims.status());
    if (format == "json") {
      Json arr = Json::array();
      for (const ClaimRecord& c : *claims) arr.push_back(report::ClaimJson(c));
      PrintJson(io.out, arr);
    } else if (format == "jsonl") {
      for (const ClaimRecord& c : *claims) PrintJsonLine(io.out, report::ClaimJson(c));
    } else if (format == "csv") {
      report::WriteClaimsCsv(io.out, *claims);
    } else {
      PrintClaimsTable(io.out, *claims);
      if (!globals.quiet && claims->empty()) io.err << "claims: none match\n";
    }
    return kExitOk;
  }

 private:
  ClaimQuery q_;
  std::string doc_;
  std::string format_;
};

}  // namespace

std::unique_ptr<Command> MakeClaimsCommand() { return std::make_unique<ClaimsCommand>(); }

}  // namespace sitrep::cli
