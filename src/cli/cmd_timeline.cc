// sitrep timeline [PLACE] : who held a place from when to when, fused across every stored
// document (fuse::Timeline), with the expected changes of control apart (never as facts).
//
// PLACE is a place id ("GN:170899") or name, matched case- and accent-insensitively
// ("saraqib" finds "Sarāqib") against the id, the resolved name and every spelling the
// documents use for that place (its mentions: "Palmyra" finds "Tadmur"). No match: a message naming the closest
// places that have a timeline, exit 1. A name shared by several places: a message listing
// their ids, exit 1. Without PLACE: every timeline (table: one after the other; JSON: an
// array).
//
// Table: a heading (name, id, country, position), then FROM, UNTIL, HELD BY, STATUS,
// REPORTS (how many pieces of evidence, from which outlets); then "Expected" rows. With
// --evidence, each period's quotes follow the table.
// JSON: report::TimelineJson (docs/FORMATS.md "Timeline"): {place, periods, expected}.
#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <set>

#include "cli/command.h"
#include "cli/output.h"
#include "report/fusion_json.h"
#include "report/load.h"
#include "text/fold.h"

namespace sitrep::cli {

// Shared with `demo` (cmd_demo.cc declares them).
void PrintTimelineTable(std::ostream& out, const fuse::Timeline& t, bool evidence);

namespace {

std::string Outlets(const std::vector<fuse::Evidence>& evidence) {
  std::set<std::string> outlets;
  for (const fuse::Evidence& e : evidence) outlets.insert(e.outlet.empty() ? e.doc : e.outlet);
  std::string s;
  for (const std::string& o : outlets) s += (s.empty() ? "" : ", ") + o;
  return s;
}

std::string Reports(const std::vector<fuse::Evidence>& evidence) {
  return fmt::format("{}: {}", evidence.size(), Truncate(Outlets(evidence), 56));
}

std::string PlaceHeading(const EntityRef& p) {
  std::string s = p.label().empty() ? "(unnamed place)" : p.label();
  std::vector<std::string> facts;
  if (!p.id.empty()) facts.push_back(p.id);
  if (!p.country.empty()) facts.push_back(p.country);
  if (p.has_position) facts.push_back(fmt::format("{:.4f}, {:.4f}", p.lat, p.lon));
  if (!facts.empty()) {
    s += "  (";
    for (size_t i = 0; i < facts.size(); ++i) s += (i ? ", " : "") + facts[i];
    s += ")";
  }
  return s;
}

void PrintQuotes(std::ostream& out, const std::vector<fuse::Evidence>& evidence) {
  for (const fuse::Evidence& e : evidence) {
    out << "    " << (e.outlet.empty() ? e.doc : e.outlet) << " [" << e.doc << " #"
        << e.sentence << "]: " << Truncate(e.quote, 160) << "\n";
  }
}

// Levenshtein distance over bytes of folded names; fine for a hint.
size_t Distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

// Folded (FoldForMatch) and stripped of combining marks, so "Sarāqib" and "SARAQIB" meet.
std::string Loose(std::string_view s) {
  const std::string folded = text::FoldForMatch(s);
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
  if (U_FAILURE(ec)) return folded;
  icu::UnicodeString u = nfd->normalize(icu::UnicodeString::fromUTF8(folded), ec);
  if (U_FAILURE(ec)) return folded;
  icu::UnicodeString bare;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  bare.toUTF8String(out);
  return out;
}

// Every loose name each timeline's place goes by (same order as `ts`): its id, its
// resolved name, the words as written, and the words of every mention resolved to it.
std::vector<std::set<std::string>> PlaceNames(const fuse::Input& in,
                                              const std::vector<fuse::Timeline>& ts) {
  std::vector<std::set<std::string>> names(ts.size());
  std::map<std::string, std::vector<size_t>> by_id;
  for (size_t i = 0; i < ts.size(); ++i) {
    const EntityRef& p = ts[i].place;
    for (const std::string* s : {&p.id, &p.name, &p.text}) {
      if (!s->empty()) names[i].insert(Loose(*s));
    }
    if (!p.id.empty()) by_id[p.id].push_back(i);
  }
  for (const MentionRecord& m : in.mentions) {
    if (m.entity.id.empty() || m.entity.text.empty()) continue;
    auto it = by_id.find(m.entity.id);
    if (it == by_id.end()) continue;
    for (size_t i : it->second) names[i].insert(Loose(m.entity.text));
  }
  return names;
}

// "Palmyra (GN:170899)" for each place with a timeline, closest names to `folded` first
// (those within a few edits or sharing a substring); all of them when none is close.
std::string ClosePlaces(const std::vector<fuse::Timeline>& timelines, const std::string& folded) {
  std::vector<std::pair<size_t, std::string>> scored;
  for (const fuse::Timeline& t : timelines) {
    const std::string name = Loose(t.place.label());
    size_t d = Distance(name, folded);
    if (name.find(folded) != std::string::npos || folded.find(name) != std::string::npos) d = 0;
    const std::string shown =
        t.place.id.empty() ? t.place.label() : t.place.label() + " (" + t.place.id + ")";
    scored.emplace_back(d, shown);
  }
  std::sort(scored.begin(), scored.end());
  const size_t limit = std::max<size_t>(2, folded.size() / 3);
  std::string close, all;
  size_t n_close = 0;
  for (const auto& [d, shown] : scored) {
    if (d <= limit && n_close < 8) close += (n_close++ ? ", " : "") + shown;
  }
  if (!close.empty()) return "did you mean " + close + "?";
  for (size_t i = 0; i < scored.size() && i < 12; ++i) all += (i ? ", " : "") + scored[i].second;
  return "places with a timeline: " + all + (scored.size() > 12 ? ", ..." : "");
}

class TimelineCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = app.add_subcommand(
        "timeline", "Who held a place from when to when, across all stored documents");
    sub->add_option("place", place_, "place id or name (case-insensitive); all places if omitted")
        ->type_name("PLACE");
    sub->add_flag("--evidence", evidence_, "table: list each period's evidence sentences");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    auto store = OpenExistingStore(ResolveDbPath(globals.db));
    if (!store.ok()) return Fail(io, store.status());
    auto in = report::LoadFuseInput(**store);
    if (!in.ok()) return Fail(io, in.status());
    const fuse::Fusion fusion = fuse::Fuse(*in);
    const std::vector<fuse::Timeline>& timelines = fusion.timelines;

    std::vector<const fuse::Timeline*> chosen;
    if (place_.empty()) {
      for (const fuse::Timeline& t : timelines) chosen.push_back(&t);
    } else {
      const std::string folded = Loose(place_);
      const auto names = PlaceNames(*in, timelines);
      for (size_t i = 0; i < timelines.size(); ++i) {
        if (names[i].count(folded)) chosen.push_back(&timelines[i]);
      }
      if (chosen.empty()) {
        io.err << "sitrep: no control timeline for '" << place_ << "'; "
               << (timelines.empty() ? "no place has one yet (no control events stored)"
                                     : ClosePlaces(timelines, folded))
               << "\n";
        return kExitUsage;
      }
      if (chosen.size() > 1) {
        io.err << "sitrep: '" << place_ << "' names " << chosen.size()
               << " places; give one of their ids:";
        for (const fuse::Timeline* t : chosen) io.err << " " << PlaceHeading(t->place) << ";";
        io.err << "\n";
        return kExitUsage;
      }
    }

    if (globals.format == "json") {
      if (!place_.empty()) {
        PrintJson(io.out, report::TimelineJson(*chosen.front()));
      } else {
        report::Json arr = report::Json::array();
        for (const fuse::Timeline* t : chosen) arr.push_back(report::TimelineJson(*t));
        PrintJson(io.out, arr);
      }
      return kExitOk;
    }
    if (chosen.empty()) io.out << "No control timelines (no control events stored).\n";
    for (size_t i = 0; i < chosen.size(); ++i) {
      if (i) io.out << "\n";
      PrintTimelineTable(io.out, *chosen[i], evidence_);
    }
    return kExitOk;
  }

 private:
  std::string place_;
  bool evidence_ = false;
};

}  // namespace

void PrintTimelineTable(std::ostream& out, const fuse::Timeline& t, bool evidence) {
  out << PlaceHeading(t.place) << "\n";
  Table table({{"FROM"}, {"UNTIL"}, {"HELD BY"}, {"STATUS"}, {"REPORTS"}});
  for (const fuse::Period& p : t.periods) {
    std::string status = p.status + (p.implied ? " (implied)" : "");
    table.AddRow({p.from.empty() ? "?" : p.from, p.until.empty() ? "..." : p.until,
                  Truncate(p.controller.label().empty() ? "(unknown)" : p.controller.label(), 32),
                  status, Reports(p.evidence)});
  }
  if (t.periods.empty()) {
    out << "  no periods of control\n";
  } else {
    table.Print(out);
  }
  if (!t.expected.empty()) {
    out << "Expected (stated as expected or planned; not facts):\n";
    Table expected({{"AFTER"}, {"BY"}, {"REPORTS"}});
    for (const fuse::Expected& x : t.expected) {
      expected.AddRow({x.after.empty() ? "?" : x.after,
                       Truncate(x.controller.label().empty() ? "(unknown)" : x.controller.label(), 32),
                       Reports(x.evidence)});
    }
    expected.Print(out);
  }
  if (evidence) {
    for (const fuse::Period& p : t.periods) {
      out << "  " << (p.from.empty() ? "?" : p.from) << " " << p.controller.label() << ":\n";
      PrintQuotes(out, p.evidence);
    }
    for (const fuse::Expected& x : t.expected) {
      out << "  expected after " << x.after << " " << x.controller.label() << ":\n";
      PrintQuotes(out, x.evidence);
    }
  }
}

std::unique_ptr<Command> MakeTimelineCommand() { return std::make_unique<TimelineCommand>(); }

}  // namespace sitrep::cli
