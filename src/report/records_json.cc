#include "report/records_json.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "sitrep/document.h"

namespace sitrep::report {
namespace {

Json Str(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json SpanStart(Span s) { return s.empty() ? Json(nullptr) : Json(s.start); }
Json SpanEnd(Span s) { return s.empty() ? Json(nullptr) : Json(s.end); }

std::string Num(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    return fmt::format("{}", static_cast<int64_t>(v));
  }
  return fmt::format("{}", v);
}

std::vector<std::string> SplitBar(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    size_t bar = s.find('|');
    std::string_view part = s.substr(0, bar);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty() && part != "-") out.emplace_back(part);
    if (bar == std::string_view::npos) break;
    s.remove_prefix(bar + 1);
  }
  return out;
}

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// ACLED's codebook: the event type each sub-event type is filed under.
std::string_view AcledParent(std::string_view sub) {
  static const std::map<std::string_view, std::string_view> kParent = {
      {"Armed clash", "Battles"},
      {"Government regains territory", "Battles"},
      {"Non-state actor overtakes territory", "Battles"},
      {"Sexual violence", "Violence against civilians"},
      {"Attack", "Violence against civilians"},
      {"Abduction/forced disappearance", "Violence against civilians"},
      {"Chemical weapon", "Explosions/Remote violence"},
      {"Air/drone strike", "Explosions/Remote violence"},
      {"Suicide bomb", "Explosions/Remote violence"},
      {"Shelling/artillery/missile attack", "Explosions/Remote violence"},
      {"Remote explosive/landmine/IED", "Explosions/Remote violence"},
      {"Grenade", "Explosions/Remote violence"},
      {"Peaceful protest", "Protests"},
      {"Protest with intervention", "Protests"},
      {"Excessive force against protesters", "Protests"},
      {"Violent demonstration", "Riots"},
      {"Mob violence", "Riots"},
      {"Agreement", "Strategic developments"},
      {"Arrests", "Strategic developments"},
      {"Change to group/activity", "Strategic developments"},
      {"Disrupted weapons use", "Strategic developments"},
      {"Headquarters or base established", "Strategic developments"},
      {"Looting/property destruction", "Strategic developments"},
      {"Non-violent transfer of territory", "Strategic developments"},
      {"Other", "Strategic developments"},
  };
  auto it = kParent.find(sub);
  return it == kParent.end() ? std::string_view() : it->second;
}

bool MentionsSuicide(const EventRecord& e) {
  auto has = [](std::string_view s) {
    std::string lower(s);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.find("suicide") != std::string::npos;
  };
  return has(e.trigger) || has(e.quote);
}

// Days since 1970-01-01 of a civil date, and back (Howard Hinnant's algorithms).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}
std::string CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// The Thursday (the middle of Monday..Sunday) of ISO week "YYYY-Www"; empty when `timex`
// is not one.
std::string IsoWeekMiddle(std::string_view timex) {
  if (timex.size() != 8 || timex[4] != '-' || timex[5] != 'W') return "";
  for (size_t i : {0, 1, 2, 3, 6, 7}) {
    if (timex[i] < '0' || timex[i] > '9') return "";
  }
  const int year = std::stoi(std::string(timex.substr(0, 4)));
  const int week = std::stoi(std::string(timex.substr(6, 2)));
  if (week < 1 || week > 53) return "";
  // ISO week 1 holds January 4th; its Thursday is 3 days after its Monday.
  const int64_t jan4 = DaysFromCivil(year, 1, 4);
  const int64_t weekday = ((jan4 + 3) % 7 + 7) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
  return CivilFromDays(jan4 - weekday + 7 * (week - 1) + 3);
}

// "2016-03-27" (day, 1), an ISO week's Thursday (week, 2), "2016-03" as the 15th (month,
// 3); empty otherwise.
std::pair<std::string, int> AcledDate(const EventRecord& e) {
  const std::string& d = e.date;
  if (e.date_precision == DatePrecision::kDay && d.size() >= 10) return {d.substr(0, 10), 1};
  if (std::string week = IsoWeekMiddle(e.timex); !week.empty()) return {week, 2};
  if (e.date_precision == DatePrecision::kMonth && d.size() >= 7) return {d.substr(0, 7) + "-15", 3};
  return {"", 0};
}

}  // namespace

// ---- JSON -------------------------------------------------------------------------

Json FigureJson(double v) {
  if (v < 0 || !std::isfinite(v)) return nullptr;
  if (v == std::floor(v) && v < 1e15) return static_cast<int64_t>(v);
  return v;
}


void AddDateFields(const DocumentDate& date, Json& j) {
  j["date"] = Str(date.value);
  j["date_precision"] = DatePrecisionName(date.precision);
  j["date_source"] = DateSourceName(date.source);
  j["date_confidence"] = date.confidence;
  j["date_evidence"] = Str(date.evidence);
  Json conflicts = Json::array();
  for (const DateConflict& c : date.conflicts) {
    conflicts.push_back({{"value", c.value},
                         {"source", DateSourceName(c.source)},
                         {"evidence", c.evidence},
                         {"why", c.why}});
  }
  j["date_conflicts"] = std::move(conflicts);
}

Json EntityJson(const EntityRef& e) {
  if (e.empty()) return nullptr;
  Json j;
  j["text"] = Str(e.text);
  j["id"] = Str(e.id);
  j["name"] = Str(e.name);
  j["kind"] = Str(e.kind);
  j["country"] = Str(e.country);
  j["lat"] = e.has_position ? Json(e.lat) : Json(nullptr);
  j["lon"] = e.has_position ? Json(e.lon) : Json(nullptr);
  j["precision"] = e.precision > 0 ? Json(e.precision) : Json(nullptr);
  j["how"] = Str(e.how);
  j["start"] = SpanStart(e.span);
  j["end"] = SpanEnd(e.span);
  return j;
}

Json MentionJson(const MentionRecord& m) {
  Json j;
  j["id"] = m.id;
  j["doc"] = m.document;
  j["sentence"] = m.sentence == UINT32_MAX ? Json(nullptr) : Json(m.sentence);
  j["kind"] = Str(m.entity.kind);
  j["type"] = Str(m.type);
  j["entity"] = EntityJson(m.entity);
  j["refers_to"] = m.refers_to >= 0 ? Json(m.refers_to) : Json(nullptr);
  return j;
}

Json EventJson(const EventRecord& e) {
  Json j;
  j["id"] = e.id;
  j["type"] = e.type;
  j["status"] = e.status;
  j["agent"] = EntityJson(e.agent);
  j["target"] = EntityJson(e.target);
  j["place"] = EntityJson(e.place);
  j["date"] = Str(e.date);
  j["date_precision"] = DatePrecisionName(e.date_precision);
  j["doc"] = e.document;
  j["sentence"] = e.sentence;
  j["start"] = e.span.start;
  j["end"] = e.span.end;
  j["rule"] = Str(e.rule);
  j["trigger"] = e.trigger;
  j["frame"] = Str(e.frame);
  j["instrument"] = Str(e.instrument);
  j["timex"] = Str(e.timex);
  j["time_start"] = SpanStart(e.time_span);
  j["time_end"] = SpanEnd(e.time_span);
  j["time_source"] = e.time_source.empty() ? Json("none") : Json(e.time_source);
  j["claimed_by"] = EntityJson(e.claimed_by);
  j["reported_by"] = Str(e.reported_by);
  j["line_kind"] = LineKindName(e.line_kind);
  j["quote"] = e.quote;
  return j;
}

Json ClaimJson(const ClaimRecord& c) {
  Json j;
  j["id"] = c.id;
  j["kind"] = c.kind;
  j["low"] = FigureJson(c.low);
  j["high"] = FigureJson(c.high);
  j["approx"] = c.approx;
  j["vague"] = c.vague;
  j["acled"] = FigureJson(c.acled);
  j["item"] = Str(c.item);
  j["calibre"] = Str(c.calibre);
  j["about"] = EntityJson(c.about);
  j["claimed_by"] = EntityJson(c.claimed_by);
  j["reported_by"] = Str(c.reported_by);
  j["place"] = EntityJson(c.place);
  j["date"] = Str(c.date);
  j["date_precision"] = DatePrecisionName(c.date_precision);
  j["event"] = Str(c.event);
  j["doc"] = c.document;
  j["sentence"] = c.sentence;
  j["start"] = c.span.start;
  j["end"] = c.span.end;
  j["number_start"] = SpanStart(c.number);
  j["number_end"] = SpanEnd(c.number);
  j["modifier"] = Str(c.modifier);
  j["effect"] = Str(c.effect);
  j["rule"] = Str(c.rule);
  j["line_kind"] = LineKindName(c.line_kind);
  j["quote"] = c.quote;
  return j;
}

// ---- CSV --------------------------------------------------------------------------

std::string CsvField(std::string_view s) {
  bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return std::string(s);
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

void WriteCsvRow(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    out << CsvField(fields[i]);
  }
  out << "\r\n";
}

std::string CsvFigure(double v) {
  if (v < 0 || !std::isfinite(v)) return "";
  return Num(v);
}

namespace {
std::string Coord(const EntityRef& e, bool lat) {
  if (!e.has_position) return "";
  return fmt::format("{}", lat ? e.lat : e.lon);
}
}  // namespace

const std::vector<std::string>& EventsCsvColumns() {
  static const std::vector<std::string> kColumns = {
      "id",       "type",       "status",   "agent",          "agent_id", "target",
      "target_id", "place",     "place_id", "latitude",       "longitude", "date",
      "date_precision", "doc",  "sentence", "start",          "end",      "rule",
      "trigger",  "instrument", "time_source", "claimed_by",  "reported_by", "quote"};
  return kColumns;
}

void WriteEventsCsv(std::ostream& out, const std::vector<EventRecord>& events) {
  WriteCsvRow(out, EventsCsvColumns());
  for (const EventRecord& e : events) {
    WriteCsvRow(out, {e.id, e.type, e.status, e.agent.label(), e.agent.id, e.target.label(),
                      e.target.id, e.place.label(), e.place.id, Coord(e.place, true),
                      Coord(e.place, false), e.date,
                      std::string(DatePrecisionName(e.date_precision)), e.document,
                      std::to_string(e.sentence), std::to_string(e.span.start),
                      std::to_string(e.span.end), e.rule, e.trigger, e.instrument,
                      e.time_source.empty() ? "none" : e.time_source, e.claimed_by.label(),
                      e.reported_by, e.quote});
  }
}

const std::vector<std::string>& ClaimsCsvColumns() {
  static const std::vector<std::string> kColumns = {
      "id",       "kind",      "low",         "high",      "approx",   "acled",
      "modifier", "item",      "about",       "about_id",  "claimed_by", "claimed_by_id",
      "reported_by", "place",  "place_id",    "latitude",  "longitude", "date",
      "date_precision", "event", "doc",       "sentence",  "start",    "end",
      "rule",     "quote"};
  return kColumns;
}

void WriteClaimsCsv(std::ostream& out, const std::vector<ClaimRecord>& claims) {
  WriteCsvRow(out, ClaimsCsvColumns());
  for (const ClaimRecord& c : claims) {
    WriteCsvRow(out, {c.id, c.kind, CsvFigure(c.low), CsvFigure(c.high),
                      c.approx ? "true" : "false", CsvFigure(c.acled), c.modifier, c.item,
                      c.about.label(), c.about.id, c.claimed_by.label(), c.claimed_by.id,
                      c.reported_by, c.place.label(), c.place.id, Coord(c.place, true),
                      Coord(c.place, false), c.date,
                      std::string(DatePrecisionName(c.date_precision)), c.event, c.document,
                      std::to_string(c.sentence), std::to_string(c.span.start),
                      std::to_string(c.span.end), c.rule, c.quote});
  }
}

// ---- ACLED ------------------------------------------------------------------------

void AcledMapping::Add(std::string_view type_id, std::string_view event_types,
                       std::string_view sub_event_types) {
  AcledType& t = types[std::string(type_id)];
  t.event_types = SplitBar(event_types);
  t.sub_event_types = SplitBar(sub_event_types);
}

bool AcledMapping::IsState(const EntityRef& e) const {
  if (e.id.empty()) return false;
  if (state_actors.count(e.id) > 0) return true;
  return e.id.starts_with("forces:") || e.id.starts_with("gov:");
}

void AddStateActors(const std::vector<MentionRecord>& mentions, AcledMapping& m) {
  for (const MentionRecord& r : mentions) {
    if (r.entity.id.empty()) continue;
    if (r.type == "state armed forces" || r.type == "government") {
      m.state_actors.insert(r.entity.id);
    }
  }
}

const std::vector<std::string>& AcledColumns() {
  static const std::vector<std::string> kColumns = {
      "event_date", "event_type", "sub_event_type", "actor1",         "actor2",
      "location",   "latitude",   "longitude",      "geo_precision",  "time_precision",
      "source",     "notes",      "fatalities"};
  return kColumns;
}

std::pair<std::string, std::string> AcledTypeOf(const EventRecord& e, const AcledMapping& m) {
  auto it = m.types.find(e.type);
  if (it == m.types.end()) return {"", ""};
  const AcledType& t = it->second;
  std::string sub;
  const auto& subs = t.sub_event_types;
  constexpr std::string_view kGov = "Government regains territory";
  constexpr std::string_view kNsag = "Non-state actor overtakes territory";
  if (Contains(subs, kGov) && Contains(subs, kNsag)) {
    bool gainer_state;
    if (e.type == "control_lost") {
      // The agent loses; the gainer is the other side (the target when it is an actor).
      if (!e.target.empty() && e.target.kind != "place") {
        gainer_state = m.IsState(e.target);
      } else {
        gainer_state = !m.IsState(e.agent) && !e.agent.empty();
      }
    } else {
      gainer_state = m.IsState(e.agent);
    }
    sub = gainer_state ? kGov : kNsag;
  } else if (Contains(subs, "Suicide bomb") && subs.size() > 1) {
    sub = MentionsSuicide(e) ? "Suicide bomb" : (subs[0] == "Suicide bomb" ? subs[1] : subs[0]);
  } else if (Contains(subs, "Armed clash") && Contains(subs, "Attack")) {
    bool target_armed = !e.target.empty() && e.target.kind == "actor";
    sub = target_armed ? "Armed clash" : "Attack";
  } else if (!subs.empty()) {
    sub = subs[0];
  }
  std::string event;
  std::string_view parent = AcledParent(sub);
  if (!parent.empty()) {
    for (const std::string& ev : t.event_types) {
      // The ontology may spell "Strategic Developments" with a capital D.
      if (ev.size() == parent.size() &&
          std::equal(ev.begin(), ev.end(), parent.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) ==
                   std::tolower(static_cast<unsigned char>(b));
          })) {
        event = ev;
      }
    }
  }
  if (event.empty() && !t.event_types.empty()) event = t.event_types[0];
  return {event, sub};
}

namespace {
// Fatalities from the killed claims of one event (see AcledFatalities).
int64_t SumFatalities(const std::vector<const ClaimRecord*>& killed) {
  std::map<std::string, double> by_party;
  for (const ClaimRecord* c : killed) {
    double v = c->acled >= 0 ? c->acled : c->low;
    if (v < 0) continue;
    auto [it, inserted] = by_party.emplace(c->about.label(), v);
    if (!inserted) it->second = std::min(it->second, v);
  }
  double total = 0;
  for (const auto& [party, v] : by_party) total += v;
  return static_cast<int64_t>(std::llround(total));
}
}  // namespace

int64_t AcledFatalities(std::string_view event_id, const std::vector<ClaimRecord>& claims) {
  if (event_id.empty()) return 0;
  std::vector<const ClaimRecord*> killed;
  for (const ClaimRecord& c : claims) {
    if (c.event == event_id && c.kind == "killed") killed.push_back(&c);
  }
  return SumFatalities(killed);
}

AcledSummary WriteAcledCsv(std::ostream& out, const std::vector<EventRecord>& events,
                           const std::vector<ClaimRecord>& claims, const AcledMapping& m) {
  AcledSummary sum;
  std::map<std::string_view, std::vector<const ClaimRecord*>> killed;
  for (const ClaimRecord& c : claims) {
    if (!c.event.empty() && c.kind == "killed") killed[c.event].push_back(&c);
  }
  WriteCsvRow(out, AcledColumns());
  for (const EventRecord& e : events) {
    if (e.status == "planned" || e.status == "conditional" || e.status == "negated" ||
        e.status == "denied") {
      ++sum.not_occurred;
      continue;
    }
    auto [date, time_precision] = AcledDate(e);
    if (date.empty()) {
      ++sum.undated;
      continue;
    }
    auto [event_type, sub_event_type] = AcledTypeOf(e, m);
    if (event_type.empty()) {
      ++sum.untyped;
      continue;
    }
    std::string actor2 = e.target.kind == "place" ? "" : e.target.label();
    std::string source = e.reported_by;
    if (!e.claimed_by.empty()) {
      if (!source.empty()) source += "; ";
      source += e.claimed_by.label();
    }
    auto k = killed.find(e.id);
    int64_t fatalities = k == killed.end() ? 0 : SumFatalities(k->second);
    std::string notes = e.quote;
    notes += fmt::format("{}[sitrep {}, {}]", notes.empty() ? "" : " ", e.id, e.status);
    WriteCsvRow(out, {date, event_type, sub_event_type, e.agent.label(), actor2,
                      e.place.label(), Coord(e.place, true), Coord(e.place, false),
                      e.place.precision > 0 ? std::to_string(e.place.precision) : "",
                      std::to_string(time_precision), source, notes,
                      std::to_string(fatalities)});
    ++sum.written;
  }
  return sum;
}

}  // namespace sitrep::report
