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
//
// --grouped: the claims table of fusion instead (fuse::ClaimGroup): numbers grouped by
// subject across documents, each source's value with who claims it and which outlet
// reported it, and the combined low / best / high. Table: one block per group; json an
// array of report::ClaimGroupJson. --place and --kind filter groups; --doc keeps groups
// with a value from that document.
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "report/fusion_json.h"
#include "report/load.h"
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

std::string Bound(double v) { return v < 0 ? "?" : fmt::format("{:g}", v); }

bool Contains(const std::string& hay, const std::string& needle) {
  auto lower = [](std::string x) {
    for (char& c : x) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return x;
  };
  return lower(hay).find(lower(needle)) != std::string::npos;
}

void PrintClaimGroups(std::ostream& out, const std::vector<const fuse::ClaimGroup*>& groups) {
  if (groups.empty()) {
    out << "No claim groups.\n";
    return;
  }
  for (size_t i = 0; i < groups.size(); ++i) {
    const fuse::ClaimGroup& g = *groups[i];
    if (i) out << "\n";
    out << g.subject << "  (" << g.kind << ")  combined low " << Bound(g.low) << ", best " << Bound(g.best)
        << ", high " << Bound(g.high) << "\n";
    Table t({{"  SAYS"}, {"LOW", true}, {"HIGH", true}, {"CLAIMED BY"}, {"OUTLET"}, {"WHERE"}});
    for (const fuse::ClaimValue& v : g.values) {
      t.AddRow({"  " + Truncate(v.text, 40), Bound(v.low), Bound(v.high),
                Truncate(v.claimed_by.empty() ? "(the outlet)" : v.claimed_by, 28),
                Truncate(v.outlet.empty() ? "-" : v.outlet, 24),
                fmt::format("{} #{}", Truncate(v.doc, 24), v.evidence.sentence)});
    }
    t.Print(out);
  }
  out << groups.size() << (groups.size() == 1 ? " group" : " groups") << "\n";
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
    sub->add_flag("--grouped", grouped_,
                  "the claims table across documents: numbers grouped by subject with each source and "
                  "a combined low/best/high");
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
    if (grouped_) return RunGrouped(**store, format, io);
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
  int RunGrouped(Store& store, const std::string& format, Io& io) {
    auto fusion = report::LoadFusion(store);
    if (!fusion.ok()) return Fail(io, fusion.status());
    std::vector<const fuse::ClaimGroup*> chosen;
    for (const fuse::ClaimGroup& g : fusion->claim_groups) {
      if (!q_.kind.empty() && g.kind != q_.kind) continue;
      if (!q_.place.empty() && g.place.id != q_.place && !Contains(g.place.label(), q_.place)) continue;
      if (!q_.document.empty()) {
        bool has = false;
        for (const fuse::ClaimValue& v : g.values) has |= v.doc == q_.document;
        if (!has) continue;
      }
      chosen.push_back(&g);
    }
    if (format == "json" || format == "jsonl") {
      Json arr = Json::array();
      for (const fuse::ClaimGroup* g : chosen) {
        if (format == "jsonl") {
          PrintJsonLine(io.out, report::ClaimGroupJson(*g));
        } else {
          arr.push_back(report::ClaimGroupJson(*g));
        }
      }
      if (format == "json") PrintJson(io.out, arr);
    } else {
      PrintClaimGroups(io.out, chosen);
    }
    return kExitOk;
  }

  ClaimQuery q_;
  std::string doc_;
  std::string format_;
  bool grouped_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeClaimsCommand() { return std::make_unique<ClaimsCommand>(); }

}  // namespace sitrep::cli
