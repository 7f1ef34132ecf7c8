// Control and date contradictions from hand-built timelines, stories and date flags
// (numeric contradictions are in claims_cases.txt, run by claims_table_test.cc).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "fuse/parts.h"
#include "fuse/tables.h"

namespace sitrep::fuse {
namespace {

EntityRef Ref(const std::string& id, const std::string& name) {
  EntityRef e;
  e.id = id;
  e.name = name;
  e.text = name;
  return e;
}

Evidence Ev(const std::string& record, const std::string& outlet, const std::string& value = "") {
  Evidence e;
  e.record = record;
  e.doc = record.substr(0, record.find(':'));
  e.outlet = outlet;
  e.value = value;
  e.quote = "sentence of " + record;
  return e;
}

EventRecord Event(const std::string& id, const std::string& type, const std::string& status) {
  EventRecord e;
  e.id = id;
  e.document = id.substr(0, id.find(':'));
  e.type = type;
  e.status = status;
  return e;
}

Story MakeStory(const std::string& id, const std::string& type, const EntityRef& agent, const EntityRef& place,
                const std::string& date, std::vector<Evidence> evidence) {
  Story s;
  s.id = id;
  s.type = type;
  s.status = "asserted";
  s.agent = agent;
  s.place = place;
  s.date = date;
  s.date_precision = date.size() == 10 ? DatePrecision::kDay : DatePrecision::kMonth;
  for (const Evidence& e : evidence) s.events.push_back(e.record);
  std::sort(s.events.begin(), s.events.end());
  s.evidence = std::move(evidence);
  return s;
}

const EntityRef kTown = Ref("GN:1", "Ridgetown");
const EntityRef kIs = Ref("isis", "Islamic State");
const EntityRef kArmy = Ref("forces:XY", "Xylandian armed forces");

TEST(Conflicts, DisputedPeriod) {
  Fusion f;
  Timeline t;
  t.place = kTown;
  Period p;
  p.controller = kIs;
  p.from = "2016-12-10";
  p.until = "2016-12-11";
  p.status = "disputed";
  p.evidence = {Ev("d1:e0", "Wire One", "held by Islamic State"), Ev("d2:e3", "Capital Times", "held by Xylandian armed forces")};
  Period q = p;
  q.status = "asserted";
  q.from = "2016-12-11";
  q.until = "";
  t.periods = {p, q};
  f.timelines.push_back(t);
  auto cs = FindConflicts(Input{}, f);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].kind, "control");
  EXPECT_EQ(cs[0].subject, "control of Ridgetown from 2016-12-10 to 2016-12-11");
  EXPECT_EQ(cs[0].summary,
            "Reports disagree on who held Ridgetown from 2016-12-10 to 2016-12-11: held by Xylandian armed forces "
            "(Capital Times); held by Islamic State (Wire One).");
  ASSERT_EQ(cs[0].items.size(), 2u);
  EXPECT_EQ(cs[0].items[0].outlet, "Capital Times");
  EXPECT_EQ(cs[0].id[0], 'x');
}

TEST(Conflicts, DifferentControllersSameDayFromDifferentDocuments) {
  Input in;
  in.events = {Event("d1:e0", "control_gained", "asserted"), Event("d2:e0", "control_gained", "reported")};
  Fusion f;
  f.stories = {MakeStory("s1", "control_gained", kIs, kTown, "2016-12-11", {Ev("d1:e0", "Wire One")}),
               MakeStory("s2", "control_gained", kArmy, kTown, "2016-12-11", {Ev("d2:e0", "Capital Times")})};
  auto cs = FindConflicts(in, f);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].kind, "control");
  EXPECT_EQ(cs[0].subject, "control of Ridgetown on 2016-12-11");
  EXPECT_EQ(cs[0].summary,
            "Wire One report that Islamic State took Ridgetown on 2016-12-11; Capital Times that Xylandian armed "
            "forces did.");
  ASSERT_EQ(cs[0].items.size(), 2u);
  EXPECT_EQ(cs[0].items[1].value, "taken by Islamic State");
}

TEST(Conflicts, ReversalToldInOneDocumentIsNoConflict) {
  // Pushed in and driven out the same day, told together by one document.
  Input in;
  in.events = {Event("d1:e0", "control_gained", "asserted"), Event("d1:e1", "control_gained", "asserted")};
  Fusion f;
  f.stories = {MakeStory("s1", "control_gained", kIs, kTown, "2016-12-10", {Ev("d1:e0", "Wire One")}),
               MakeStory("s2", "control_gained", kArmy, kTown, "2016-12-10", {Ev("d1:e1", "Wire One")})};
  EXPECT_TRUE(FindConflicts(in, f).empty());
}

TEST(Conflicts, ExpectedOrOtherDaysAreNoConflict) {
  Input in;
  Fusion f;
  Story planned = MakeStory("s1", "control_gained", kArmy, kTown, "2016-12-11", {Ev("d1:e0", "Wire One")});
  planned.status = "planned";
  f.stories = {planned, MakeStory("s2", "control_gained", kIs, kTown, "2016-12-11", {Ev("d2:e0", "Two")}),
               MakeStory("s3", "control_gained", kArmy, kTown, "2016-12-12", {Ev("d3:e0", "Three")}),
               MakeStory("s4", "control_gained", kArmy, kTown, "2016-12", {Ev("d4:e0", "Four")})};
  EXPECT_TRUE(FindConflicts(in, f).empty());
}

TEST(Conflicts, AlreadyInADisputedPeriod) {
  Input in;
  Fusion f;
  f.stories = {MakeStory("s1", "control_gained", kIs, kTown, "2016-12-11", {Ev("d1:e0", "Wire One")}),
               MakeStory("s2", "control_gained", kArmy, kTown, "2016-12-11", {Ev("d2:e0", "Capital Times")})};
  Timeline t;
  t.place = kTown;
  Period p;
  p.controller = kIs;
  p.from = "2016-12-11";
  p.status = "disputed";
  p.evidence = {Ev("d1:e0", "Wire One"), Ev("d2:e0", "Capital Times")};
  t.periods = {p};
  f.timelines = {t};
  auto cs = FindConflicts(in, f);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].subject, "control of Ridgetown from 2016-12-11");
  EXPECT_EQ(cs[0].items[0].value, "held by Islamic State");  // filled in from the period
}

TEST(Conflicts, AssertedAndDenied) {
  Input in;
  in.events = {Event("d1:e0", "control_lost", "asserted"), Event("d2:e0", "control_lost", "denied")};
  Fusion f;
  f.stories = {MakeStory("s1", "control_lost", kArmy, kTown, "2016-12-11",
                         {Ev("d1:e0", "Wire One"), Ev("d2:e0", "State Radio")})};
  f.stories[0].evidence[1].claimed_by = "the army command";
  auto cs = FindConflicts(in, f);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].kind, "control");
  EXPECT_EQ(cs[0].summary,
            "Wire One reports that Xylandian armed forces lost Ridgetown on 2016-12-11; the army command (in State "
            "Radio) denies it.");
}

TEST(Conflicts, DateFlag) {
  Input in;
  DocInfo d;
  d.id = "d7";
  d.outlet = "Evening Post";
  d.title = "Town retaken";
  in.docs = {d};
  Fusion f;
  DateFlag flag;
  flag.doc = "d7";
  flag.stated = "2016-03-01";
  flag.implied = "2016-12-11";
  flag.why = "it reports the December capture as past";
  flag.evidence = {Ev("d7:e2", "Evening Post", "2016-12-11")};
  f.date_flags = {flag};
  auto cs = FindConflicts(in, f);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].kind, "date");
  EXPECT_EQ(cs[0].subject, "date of \"Town retaken\"");
  EXPECT_EQ(cs[0].summary,
            "Evening Post dates \"Town retaken\" 2016-03-01, but the events it reports point to 2016-12-11: it "
            "reports the December capture as past.");
  ASSERT_EQ(cs[0].items.size(), 2u);
}

TEST(Conflicts, IdsAndOrderIndependent) {
  Input in;
  in.events = {Event("d1:e0", "control_gained", "asserted"), Event("d2:e0", "control_gained", "reported"),
               Event("d3:e0", "control_lost", "asserted"), Event("d4:e0", "control_lost", "denied")};
  Fusion f;
  f.stories = {MakeStory("s1", "control_gained", kIs, kTown, "2016-12-11", {Ev("d1:e0", "Wire One")}),
               MakeStory("s2", "control_gained", kArmy, kTown, "2016-12-11", {Ev("d2:e0", "Capital Times")}),
               MakeStory("s3", "control_lost", kArmy, kTown, "2016-12-11",
                         {Ev("d3:e0", "Wire One"), Ev("d4:e0", "State Radio")})};
  DateFlag flag;
  flag.doc = "d9";
  flag.stated = "2016";
  flag.implied = "2017";
  f.date_flags = {flag};
  auto want = FindConflicts(in, f);
  ASSERT_EQ(want.size(), 3u);
  std::mt19937 rng(7);
  for (int round = 0; round < 10; ++round) {
    Fusion g = f;
    Input j = in;
    std::shuffle(g.stories.begin(), g.stories.end(), rng);
    std::shuffle(j.events.begin(), j.events.end(), rng);
    for (Story& s : g.stories) std::shuffle(s.evidence.begin(), s.evidence.end(), rng);
    auto got = FindConflicts(j, g);
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].id, want[i].id);
      EXPECT_EQ(got[i].summary, want[i].summary);
    }
  }
  std::vector<std::string> ids;
  for (const Conflict& c : want) ids.push_back(c.id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace
}  // namespace sitrep::fuse

namespace sitrep::fuse {
namespace {

TEST(Conflicts, ArmyAndGovernmentAreOneController) {
  Input in;
  Fusion f;
  f.stories = {MakeStory("s1", "control_gained", Ref("forces:XY", "army"), kTown, "2016-12-11", {Ev("d1:e0", "One")}),
               MakeStory("s2", "control_gained", Ref("gov:XY", "government"), kTown, "2016-12-11", {Ev("d2:e0", "Two")})};
  EXPECT_TRUE(FindConflicts(in, f).empty());
  f.stories[1].agent = EntityRef{};
  f.stories[1].agent.text = "the group";  // unresolved: no disagreement can be stated
  EXPECT_TRUE(FindConflicts(in, f).empty());
}

}  // namespace
}  // namespace sitrep::fuse

namespace sitrep::fuse {
namespace {

// Random groups with few distinct figures and sources (many ties): the fast comparison of
// values must give what comparing every pair gives.
TEST(Conflicts, FastEqualsSlow) {
  std::mt19937 rng(3);
  for (int round = 0; round < 300; ++round) {
    Input in;
    Fusion f;
    int groups = 1 + static_cast<int>(rng() % 4);
    for (int gi = 0; gi < groups; ++gi) {
      ClaimGroup g;
      g.subject = "group " + std::to_string(gi);
      g.about = Ref("isis", "Islamic State");
      int n = 1 + static_cast<int>(rng() % 9);
      for (int k = 0; k < n; ++k) {
        ClaimRecord c;
        c.id = "d" + std::to_string(rng() % 5) + ":c" + std::to_string(gi * 100 + k);
        c.document = c.id.substr(0, c.id.find(':'));
        const double figures[] = {0, 5, 10, 30, 100, 400, 3000};
        c.low = rng() % 4 == 0 ? -1 : figures[rng() % 7];
        c.high = rng() % 3 == 0 ? -1 : std::max(c.low, figures[rng() % 7]);
        c.approx = rng() % 2;
        in.claims.push_back(c);
        ClaimValue v;
        v.claim = c.id;
        v.low = c.low;
        v.high = c.high;
        v.outlet = "outlet" + std::to_string(rng() % 3);
        v.claimed_by = rng() % 2 ? "" : "source" + std::to_string(rng() % 3);
        v.text = "value " + c.id;
        v.evidence.record = c.id;
        v.evidence.doc = c.document;
        v.evidence.outlet = v.outlet;
        v.evidence.claimed_by = v.claimed_by;
        g.values.push_back(v);
      }
      f.claim_groups.push_back(g);
    }
    auto fast = FindConflicts(in, f);
    auto slow = FindConflictsSlow(in, f);
    ASSERT_EQ(fast.size(), slow.size()) << "round " << round;
    for (size_t i = 0; i < fast.size(); ++i) {
      EXPECT_EQ(fast[i].id, slow[i].id) << "round " << round;
      EXPECT_EQ(fast[i].summary, slow[i].summary) << "round " << round;
    }
  }
}

}  // namespace
}  // namespace sitrep::fuse

namespace sitrep::fuse {
namespace {

TEST(Conflicts, UnknownOutletsInSummaries) {
  Input in;
  Fusion f;
  ClaimGroup g;
  g.subject = "Islamic State fighters";
  g.about = Ref("isis", "Islamic State");
  auto add = [&](const std::string& id, double lo, double hi, const std::string& by, const std::string& outlet) {
    ClaimValue v;
    v.claim = id;
    v.low = lo;
    v.high = hi;
    v.claimed_by = by;
    v.outlet = outlet;
    v.text = id == "a:c0" ? "more than 3,000 fighters" : "a few dozen militants";
    v.evidence.record = id;
    v.evidence.claimed_by = by;
    v.evidence.outlet = outlet;
    g.values.push_back(v);
  };
  add("a:c0", 3000, -1, "", "(unknown outlet: a.txt)");
  add("b:c0", 24, 60, "an activist", "(unknown outlet)");
  f.claim_groups = {g};
  auto cs = FindConflicts(in, f);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].summary,
            "Islamic State fighters: more than 3,000 fighters according to a.txt; a few dozen militants according "
            "to an activist.");
}

}  // namespace
}  // namespace sitrep::fuse
