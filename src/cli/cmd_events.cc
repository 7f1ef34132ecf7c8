// sitrep events [--place P] [--actor A] [--type T] [--since D] [--until D] [--doc ID]
//               [--status S] [--format table|json|jsonl|csv|acled] : the stored events.
//
// Filters (all optional, combined with "and"): --place and --actor match an id exactly or,
// case-insensitively, part of the resolved name or the words as written (--actor matches
// the agent or the target); --type an ontology id (data/extract/ontology.tsv; an unknown
// one exits 1 listing the known ones); --since/--until an ISO date YYYY, YYYY-MM or
// YYYY-MM-DD (anything else exits 1), compared with the start of each event's date, so
// undated events never pass a date filter; --doc a document id or a unique prefix of at
// least 4 characters; --status one of asserted, reported, denied, planned, attempted,
// conditional, negated, background (repeatable).
//
// Output (docs/FORMATS.md, "sitrep events"): table ID, DATE, TYPE, STATUS, AGENT, TARGET,
// PLACE, SAID BY, TRIGGER; json an array of report::EventJson; jsonl one EventJson per
// line; csv report::WriteEventsCsv; acled report::WriteAcledCsv (events ACLED would not
// code are left out and counted on stderr). Ordered by date (undated last), then id.
// Exit 0 (also when nothing matches), 1 on a bad filter, 2 for an unknown --doc.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "cli/command.h"
#include "cli/output.h"
#include "extract/resources.h"
#include "report/records_json.h"
#include "time/civil.h"

namespace sitrep::cli {

// ---- shared by cmd_events, cmd_claims, cmd_explain and cmd_extract ---------------

// InvalidArgument naming `flag` unless `value` is YYYY, YYYY-MM or YYYY-MM-DD with a
// valid month and day.
Status CheckQueryDate(std::string_view flag, const std::string& value) {
  auto digits = [&](size_t from, size_t n) {
    if (value.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (value[i] < '0' || value[i] > '9') return false;
    }
    return true;
  };
  auto bad = [&] {
    return Status::InvalidArgument(fmt::format(
        "{} '{}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2016-03-27)", flag, value));
  };
  const size_t n = value.size();
  if (!(n == 4 || n == 7 || n == 10) || !digits(0, 4)) return bad();
  int year = std::stoi(value.substr(0, 4));
  if (n >= 7) {
    if (value[4] != '-' || !digits(5, 2)) return bad();
    int month = std::stoi(value.substr(5, 2));
    if (month < 1 || month > 12) return bad();
    if (n == 10) {
      if (value[7] != '-' || !digits(8, 2)) return bad();
      int day = std::stoi(value.substr(8, 2));
      if (!time::IsValidDate(year, month, day)) return bad();
    }
  }
  return Status::Ok();
}

// The output format: the command's own --format when given, else the global one.
std::string EffectiveFormat(const std::string& local, const Globals& globals) {
  return local.empty() ? globals.format : local;
}

// One compact JSON value and a newline (JSON Lines); invalid UTF-8 replaced.
void PrintJsonLine(std::ostream& out, const Json& j) {
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

// The full id of the stored document `id` names (exact, or a unique prefix).
Result<std::string> ResolveDocumentId(Store& store, const std::string& id) {
  auto doc = store.GetDocument(id);
  if (!doc.ok()) return doc.status();
  return doc->id;
}

// The ACLED mapping from data/extract/ontology.tsv, with the state actors the stored
// mentions name.
Result<report::AcledMapping> AcledMappingFor(Store* store) {
  auto res = extract::Resources::Default();
  if (!res.ok()) return res.status();
  report::AcledMapping m;
  for (const extract::EventType& t : (*res)->event_types()) {
    m.Add(t.id, t.acled_event_type, t.acled_sub_event_type);
  }
  if (store != nullptr) {
    auto mentions = store->ListMentions("");
    if (!mentions.ok()) return mentions.status();
    report::AddStateActors(*mentions, m);
  }
  return m;
}

// InvalidArgument listing the known types unless `type` is an ontology id.
Status CheckEventType(const std::string& type) {
  auto res = extract::Resources::Default();
  if (!res.ok()) return res.status();
  if ((*res)->FindEventType(type) >= 0) return Status::Ok();
  std::string known;
  for (const extract::EventType& t : (*res)->event_types()) {
    known += known.empty() ? "" : ", ";
    known += t.id;
  }
  return Status::InvalidArgument(
      fmt::format("--type '{}' is not an event type; known types: {}", type, known));
}

// "2016-03-27", "2016-03", "-" when undated.
std::string DateCell(const std::string& date) { return date.empty() ? "-" : date; }

namespace {

const std::vector<std::string> kStatuses = {"asserted",  "reported",    "denied",  "planned",
                                            "attempted", "conditional", "negated", "background"};

std::string Cell(const EntityRef& e, size_t max) {
  return e.empty() ? "-" : Truncate(e.label(), max);
}

void PrintEventsTable(std::ostream& out, const std::vector<EventRecord>& events) {
  Table t({{"ID"}, {"DATE"}, {"TYPE"}, {"STATUS"}, {"AGENT"}, {"TARGET"}, {"PLACE"},
           {"SAID BY"}, {"TRIGGER"}});
  for (const EventRecord& e : events) {
    std::string said = !e.claimed_by.empty() ? e.claimed_by.label() : e.reported_by;
    t.AddRow({e.id, DateCell(e.date), e.type, e.status, Cell(e.agent, 28),
              e.target.kind == "place" && e.target.id == e.place.id ? "-" : Cell(e.target, 24),
              Cell(e.place, 24), said.empty() ? "-" : Truncate(said, 24), Truncate(e.trigger, 24)});
  }
  t.Print(out);
}

class EventsCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = app.add_subcommand("events", "List extracted events with their evidence");
    sub->add_option("--place", q_.place, "place id, or part of its name")->type_name("P");
    sub->add_option("--actor", q_.actor, "agent or target: id, or part of its name")
        ->type_name("A");
    sub->add_option("--type", q_.type, "event type (data/extract/ontology.tsv)")->type_name("T");
    sub->add_option("--since", q_.since, "events dated on or after D (YYYY[-MM[-DD]])")
        ->type_name("D");
    sub->add_option("--until", q_.until, "events dated on or before D (YYYY[-MM[-DD]])")
        ->type_name("D");
    sub->add_option("--doc", doc_, "one document (id or unique prefix)")->type_name("ID");
    sub->add_option("--status", status_, "asserted, reported, denied, planned, attempted, "
                                          "conditional, negated or background (repeatable)")
        ->check(CLI::IsMember(kStatuses))
        ->type_name("S");
    sub->add_option("--format", format_, "table (default), json, jsonl, csv or acled")
        ->check(CLI::IsMember({"table", "json", "jsonl", "csv", "acled"}))
        ->type_name("FORMAT");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    if (!q_.since.empty()) {
      if (Status st = CheckQueryDate("--since", q_.since); !st.ok()) return Fail(io, st);
    }
    if (!q_.until.empty()) {
      if (Status st = CheckQueryDate("--until", q_.until); !st.ok()) return Fail(io, st);
    }
    if (!q_.since.empty() && !q_.until.empty() && q_.until < q_.since.substr(0, q_.until.size())) {
      return Fail(io, Status::InvalidArgument(fmt::format(
                          "--until {} is before --since {}", q_.until, q_.since)));
    }
    if (!q_.type.empty()) {
      if (Status st = CheckEventType(q_.type); !st.ok()) return Fail(io, st);
    }
    const std::string format = EffectiveFormat(format_, globals);
    auto store = OpenExistingStore(ResolveDbPath(globals.db));
    if (!store.ok()) return Fail(io, store.status());
    if (!doc_.empty()) {
      auto id = ResolveDocumentId(**store, doc_);
      if (!id.ok()) return Fail(io, id.status());
      q_.document = *id;
    }
    auto events = (*store)->ListEvents(q_);
    if (!events.ok()) return Fail(io, events.status());
    if (!status_.empty()) {
      std::set<std::string> keep(status_.begin(), status_.end());
      std::erase_if(*events, [&](const EventRecord& e) { return keep.count(e.status) == 0; });
    }

    if (format == "json") {
      Json arr = Json::array();
      for (const EventRecord& e : *events) arr.push_back(report::EventJson(e));
      PrintJson(io.out, arr);
    } else if (format == "jsonl") {
      for (const EventRecord& e : *events) PrintJsonLine(io.out, report::EventJson(e));
    } else if (format == "csv") {
      report::WriteEventsCsv(io.out, *events);
    } else if (format == "acled") {
      auto mapping = AcledMappingFor(store->get());
      if (!mapping.ok()) return Fail(io, mapping.status());
      ClaimQuery cq;
      cq.document = q_.document;
      auto claims = (*store)->ListClaims(cq);
      if (!claims.ok()) return Fail(io, claims.status());
      report::AcledSummary sum = report::WriteAcledCsv(io.out, *events, *claims, *mapping);
      if (!globals.quiet && sum.written < events->size()) {
        io.err << fmt::format(
            "events: {} written as ACLED rows; left out {} not dated to a month or day, {} "
            "that did not happen (planned, conditional, negated, denied), {} of a type "
            "without an ACLED mapping\n",
            sum.written, sum.undated, sum.not_occurred, sum.untyped);
      }
    } else {
      PrintEventsTable(io.out, *events);
      if (!globals.quiet && events->empty()) io.err << "events: none match\n";
    }
    return kExitOk;
  }

 private:
  EventQuery q_;
  std::string doc_;
  std::vector<std::string> status_;
  std::string format_;
};

}  // namespace

std::unique_ptr<Command> MakeEventsCommand() { return std::make_unique<EventsCommand>(); }

}  // namespace sitrep::cli
