// Claims table and numeric contradictions: the cases of tests/data/fuse/claims_cases.txt,
// the same cases shuffled, and the helpers of tables.h.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>

#include "fuse/parts.h"
#include "fuse/table_cases.h"
#include "fuse/tables.h"

namespace sitrep::fuse {
namespace {

using table_cases::Case;
using table_cases::Expect;
using table_cases::Split;

std::string Num(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

struct Result {
  std::vector<ClaimGroup> groups;
  std::vector<Conflict> conflicts;  // numeric only
  std::vector<Conflict> dates;      // date conflicts
};

Result RunTables(const Case& c) {
  Result r;
  r.groups = GroupClaims(c.in, c.stories);
  Fusion f;
  f.stories = c.stories;
  f.claim_groups = r.groups;
  for (Conflict& x : FindConflicts(c.in, f))
    if (x.kind == "numeric") r.conflicts.push_back(std::move(x));
    else if (x.kind == "date") r.dates.push_back(std::move(x));
  return r;
}

// Everything a reader sees, in output order, for comparing runs.
std::string Dump(const Result& r) {
  std::ostringstream s;
  for (const ClaimGroup& g : r.groups) {
    s << g.id << " | " << g.subject << " | " << g.kind << " " << g.date << " " << g.story << " | "
      << g.about.id << " " << g.about.text << " | " << g.place.id << " | " << Num(g.low) << " "
      << Num(g.best) << " " << Num(g.high) << "\n";
    for (const ClaimValue& v : g.values)
      s << "  " << v.claim << " " << v.outlet << " " << v.claimed_by << " " << v.text << "\n";
  }
  for (const Conflict& c : r.conflicts) {
    s << c.id << " " << c.kind << " " << c.subject << " | " << c.summary << "\n";
    for (const Evidence& e : c.items) s << "  " << e.record << " " << e.outlet << "\n";
  }
  return s.str();
}

std::vector<std::string> ClaimsOf(const ClaimGroup& g) {
  std::vector<std::string> ids;
  for (const ClaimValue& v : g.values) ids.push_back(v.claim);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<std::string> ClaimsOf(const Conflict& c) {
  std::vector<std::string> ids;
  for (const Evidence& e : c.items) ids.push_back(e.record);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<std::string> Sorted(const std::string& list) {
  std::vector<std::string> v = Split(list);
  std::sort(v.begin(), v.end());
  return v;
}

void Check(const Case& c, const Result& r) {
  for (const Expect& x : c.expects) {
    SCOPED_TRACE("claims_cases.txt:" + std::to_string(x.line) + " case " + c.name + "\n" + Dump(r));
    auto attr = [&](const char* k) -> const std::string* {
      auto it = x.attrs.find(k);
      return it == x.attrs.end() ? nullptr : &it->second;
    };
    if (x.what == "groups") {
      EXPECT_EQ(std::to_string(r.groups.size()), x.attrs.at("n"));
    } else if (x.what == "conflicts") {
      EXPECT_EQ(std::to_string(r.conflicts.size()), x.attrs.at("n"));
    } else if (x.what == "group") {
      auto want = Sorted(x.attrs.at("claims"));
      auto it = std::find_if(r.groups.begin(), r.groups.end(), [&](const ClaimGroup& g) { return ClaimsOf(g) == want; });
      if (it == r.groups.end()) {
        ADD_FAILURE() << "no group with claims " << x.attrs.at("claims");
        continue;
      }
      if (auto v = attr("subject")) { EXPECT_EQ(it->subject, *v); }
      if (auto v = attr("kind")) { EXPECT_EQ(it->kind, *v); }
      if (auto v = attr("date")) { EXPECT_EQ(it->date, *v); }
      if (auto v = attr("story")) { EXPECT_EQ(it->story, *v); }
      if (auto v = attr("low")) { EXPECT_EQ(Num(it->low), *v); }
      if (auto v = attr("best")) { EXPECT_EQ(Num(it->best), *v); }
      if (auto v = attr("high")) { EXPECT_EQ(Num(it->high), *v); }
    } else if (x.what == "value") {
      const ClaimValue* found = nullptr;
      for (const ClaimGroup& g : r.groups)
        for (const ClaimValue& v : g.values)
          if (v.claim == x.attrs.at("claim")) found = &v;
      if (found == nullptr) {
        ADD_FAILURE() << "no value for claim " << x.attrs.at("claim");
        continue;
      }
      if (auto v = attr("text")) { EXPECT_EQ(found->text, *v); }
      if (auto v = attr("outlet")) { EXPECT_EQ(found->outlet, *v); }
    } else if (x.what == "dateconflicts") {
      EXPECT_EQ(std::to_string(r.dates.size()), x.attrs.at("n"));
    } else if (x.what == "dateconflict") {
      auto it = std::find_if(r.dates.begin(), r.dates.end(), [&](const Conflict& k) {
        return !k.items.empty() && k.items.front().doc == x.attrs.at("doc");
      });
      if (it == r.dates.end()) {
        ADD_FAILURE() << "no date conflict for " << x.attrs.at("doc");
        continue;
      }
      if (auto v = attr("summary")) { EXPECT_EQ(it->summary, *v); }
    } else if (x.what == "conflict") {
      auto want = Sorted(x.attrs.at("claims"));
      auto it = std::find_if(r.conflicts.begin(), r.conflicts.end(),
                             [&](const Conflict& k) { return ClaimsOf(k) == want; });
      if (it == r.conflicts.end()) {
        ADD_FAILURE() << "no conflict with claims " << x.attrs.at("claims");
        continue;
      }
      if (auto v = attr("summary")) { EXPECT_EQ(it->summary, *v); }
      EXPECT_EQ(it->id.size(), 17u);
      EXPECT_EQ(it->id[0], 'x');
    } else {
      ADD_FAILURE() << "unknown expectation " << x.what;
    }
  }
}

TEST(ClaimsTable, Cases) {
  auto cases = table_cases::ReadCases("claims_cases.txt");
  ASSERT_FALSE(cases.empty());
  for (const Case& c : cases) Check(c, RunTables(c));
}

TEST(ClaimsTable, OrderDoesNotMatter) {
  auto cases = table_cases::ReadCases("claims_cases.txt");
  std::mt19937 rng(20161211);
  for (const Case& c : cases) {
    std::string want = Dump(RunTables(c));
    for (int round = 0; round < 8; ++round) {
      Case s = c;
      std::shuffle(s.in.docs.begin(), s.in.docs.end(), rng);
      std::shuffle(s.in.claims.begin(), s.in.claims.end(), rng);
      std::shuffle(s.in.mentions.begin(), s.in.mentions.end(), rng);
      std::shuffle(s.in.events.begin(), s.in.events.end(), rng);
      std::shuffle(s.stories.begin(), s.stories.end(), rng);
      EXPECT_EQ(Dump(RunTables(s)), want) << "case " << c.name << " round " << round;
    }
  }
}

TEST(ClaimsTable, GroupIdsFromContent) {
  auto cases = table_cases::ReadCases("claims_cases.txt");
  for (const Case& c : cases) {
    for (const ClaimGroup& g : GroupClaims(c.in, c.stories)) {
      EXPECT_EQ(g.id, SetId('g', ClaimsOf(g)));
      EXPECT_EQ(g.id.size(), 17u);
    }
  }
}

// Random claims over a few kinds, parties, places and dates, many left unstated, so that
// every adoption step has work; the fast grouping must equal the slow one.
Case RandomCase(std::mt19937& rng, int n) {
  Case c;
  auto pick = [&](std::vector<std::string> v) { return v[rng() % v.size()]; };
  for (int d = 0; d < 6; ++d) {
    DocInfo doc;
    doc.id = "d" + std::to_string(d);
    doc.outlet = pick({"One", "Two", "Three", ""});
    doc.date.value = pick({"2016-12-11", "2016-03", "", "2016"});
    c.in.docs.push_back(doc);
  }
  for (const auto& [id, type] : std::vector<std::pair<std::string, std::string>>{
           {"isis", "non-state armed group"}, {"ndf", "militia"}, {"forces:XY", "state armed forces"},
           {"gov:XY", "government"}, {"un", "international organisation"}}) {
    MentionRecord m;
    m.id = "d0:m" + id;
    m.document = "d0";
    m.entity = table_cases::Entity(id + "|" + id, "actor");
    m.type = type;
    c.in.mentions.push_back(m);
  }
  for (int s = 0; s < 4; ++s) {
    Story st;
    st.id = "s" + std::to_string(s);
    st.place = table_cases::Entity(pick({"GN:1|A", "GN:2|B", ""}), "place");
    st.date = pick({"2016-12-10", "2016-03", ""});
    c.stories.push_back(st);
  }
  for (int i = 0; i < n; ++i) {
    ClaimRecord r;
    std::string d = "d" + std::to_string(rng() % 6);
    r.id = d + ":c" + std::to_string(i);
    r.document = d;
    r.kind = pick({"killed", "troops", "tanks", "wounded", "distance", "people"});
    r.item = pick({"fighters", "soldiers", "militants", "civilians", "men", ""});
    r.low = static_cast<double>(rng() % 500);
    r.high = rng() % 3 == 0 ? -1 : r.low + static_cast<double>(rng() % 50);
    r.about = table_cases::Entity(pick({"", "", "isis|IS", "ndf|NDF", "forces:XY|Army", "gov:XY|Gov", "un|UN",
                                        "text:pro-government fighters"}),
                                  "actor");
    r.claimed_by = table_cases::Entity(pick({"", "text:a monitor", "sohr|SOHR"}), "source");
    r.place = table_cases::Entity(pick({"", "GN:1|A", "GN:2|B", "text:the hills"}), "place");
    r.date = pick({"", "2016", "2016-12-11", "2016-12", "2016-03-27", "2017"});
    r.date_precision = table_cases::PrecisionOf(r.date);
    if (rng() % 2) {
      r.event = "e" + std::to_string(rng() % 6);
      c.stories[rng() % c.stories.size()].events.push_back(r.event);
    }
    r.quote = std::to_string(static_cast<int>(r.low)) + " " + r.item;
    r.span = {0, static_cast<uint32_t>(r.quote.size())};
    c.in.claims.push_back(r);
  }
  for (Story& st : c.stories) {
    std::sort(st.events.begin(), st.events.end());
    st.events.erase(std::unique(st.events.begin(), st.events.end()), st.events.end());
  }
  // An event belongs to one story only.
  std::set<std::string> seen;
  for (Story& st : c.stories) {
    std::vector<std::string> keep;
    for (const std::string& e : st.events)
      if (seen.insert(e).second) keep.push_back(e);
    st.events = keep;
  }
  return c;
}

TEST(ClaimsTable, FastEqualsSlow) {
  std::mt19937 rng(5);
  for (int round = 0; round < 40; ++round) {
    Case c = RandomCase(rng, 10 + round * 5);
    Result fast, slow;
    fast.groups = GroupClaims(c.in, c.stories);
    slow.groups = GroupClaimsSlow(c.in, c.stories);
    ASSERT_EQ(Dump(fast), Dump(slow)) << "round " << round;
    Case shuffled = c;
    std::shuffle(shuffled.in.claims.begin(), shuffled.in.claims.end(), rng);
    std::shuffle(shuffled.stories.begin(), shuffled.stories.end(), rng);
    EXPECT_EQ(Dump(RunTables(shuffled)), Dump(RunTables(c))) << "round " << round;
  }
}

TEST(ClaimsTable, EmptyInput) {
  EXPECT_TRUE(GroupClaims(Input{}, {}).empty());
  EXPECT_TRUE(FindConflicts(Input{}, Fusion{}).empty());
}

TEST(Tables, FormatNumber) {
  EXPECT_EQ(FormatNumber(3000), "3,000");
  EXPECT_EQ(FormatNumber(99999), "99,999");
  EXPECT_EQ(FormatNumber(1234567), "1,234,567");
  EXPECT_EQ(FormatNumber(12), "12");
  EXPECT_EQ(FormatNumber(0), "0");
  EXPECT_EQ(FormatNumber(12.5), "12.5");
  EXPECT_EQ(FormatNumber(-1), "?");
}

TEST(Tables, UrlHostAndOutletName) {
  EXPECT_EQ(UrlHost("https://www.Example.org/a/b?c"), "example.org");
  EXPECT_EQ(UrlHost("http://news.example.com:8080/x"), "news.example.com");
  EXPECT_EQ(UrlHost("/tmp/file.html"), "");
  DocInfo d;
  EXPECT_EQ(OutletName(&d), "(unknown outlet)");
  EXPECT_EQ(OutletName(nullptr), "(unknown outlet)");
  EXPECT_EQ(OutletName(nullptr, "Wire"), "Wire");
  d.source = "/data/in/000_abc.txt";
  EXPECT_EQ(OutletName(&d), "(unknown outlet: 000_abc.txt)");
  d.source = "/data/in/dump.jsonl:17";
  EXPECT_EQ(OutletName(&d), "(unknown outlet: dump.jsonl)");
  d.source = "-";
  EXPECT_EQ(OutletName(&d), "(unknown outlet)");
  d.source = "https://feed.example.net/item/3";
  EXPECT_EQ(OutletName(&d), "feed.example.net");
  d.url = "https://www.paper.example/x";
  EXPECT_EQ(OutletName(&d), "paper.example");
  EXPECT_EQ(OutletName(&d, "Reported"), "Reported");
  d.outlet = "The Paper";
  EXPECT_EQ(OutletName(&d, "Reported"), "The Paper");
}

TEST(Tables, SetIdIgnoresOrder) {
  EXPECT_EQ(SetId('g', {"b", "a", "c"}), SetId('g', {"c", "b", "a"}));
  EXPECT_NE(SetId('g', {"a", "b"}), SetId('g', {"a", "c"}));
  EXPECT_NE(SetId('g', {"a"}), SetId('x', {"a"}));
}

// A sentence starting at byte 1000 of its document.
ClaimRecord Claim(const std::string& quote, const std::string& words, const std::string& number,
                  const std::string& item, const std::string& modifier) {
  ClaimRecord c;
  c.quote = quote;
  size_t at = quote.find(words);
  c.span = {static_cast<uint32_t>(1000 + at), static_cast<uint32_t>(1000 + at + words.size())};
  size_t n = quote.find(number, at);
  c.number = {static_cast<uint32_t>(1000 + n), static_cast<uint32_t>(1000 + n + number.size())};
  c.item = item;
  c.modifier = modifier;
  c.low = 3000;
  return c;
}

TEST(Tables, ClaimTextFromAnchors) {
  std::string q = "Agencies said more than 3,000 fighters attacked the town, not 3,000 fighters.";
  ClaimRecord c = Claim(q, "more than 3,000 fighters", "3,000", "fighters", "more than");
  // An anchor ("the town" at its true offset) fixes the sentence start.
  std::vector<std::pair<Span, std::string_view>> anchors = {{{1000 + 48, 1000 + 56}, "the town"}};
  EXPECT_EQ(ClaimText(c, anchors), "more than 3,000 fighters");
  // Without anchors, the modifier and item pick the only place the span fits.
  EXPECT_EQ(ClaimText(c, {}), "more than 3,000 fighters");
  // A second claim whose words occur twice: the anchor decides; without it the text is
  // still the same words, whichever place is taken.
  ClaimRecord d = Claim(q, "3,000 fighters", "3,000", "fighters", "");
  d.span = {1000 + 62, 1000 + 76};
  d.number = {1000 + 62, 1000 + 67};
  EXPECT_EQ(ClaimText(d, anchors), "3,000 fighters");
  EXPECT_EQ(ClaimText(d, {}), "3,000 fighters");
}

TEST(Tables, ClaimTextRebuiltWhenTheQuoteDoesNotFit) {
  ClaimRecord c;
  c.span = {10, 40};
  c.quote = "short";
  c.modifier = "at least";
  c.low = 120;
  c.item = "men";
  EXPECT_EQ(ClaimText(c, {}), "at least 120 men");
  c.low = 24;
  c.high = 60;
  c.modifier = "";
  c.item = "militants";
  EXPECT_EQ(ClaimText(c, {}), "24-60 militants");
  c.quote.clear();
  EXPECT_EQ(ClaimText(c, {}), "24-60 militants");
  c.vague = true;
  c.low = 1;
  c.high = -1;
  EXPECT_EQ(ClaimText(c, {}), "an unstated number of militants");
}

TEST(Tables, ClaimTextNumberIsWholeWords) {
  // The item occurs twice; only one place puts whole words under the number span.
  std::string q = "Countless old rockets, new rockets and shells.";
  ClaimRecord c;
  c.quote = q;
  c.span = {500, 500 + 21};      // "Countless old rockets"
  c.number = {500, 500 + 9};     // "Countless"
  c.item = "rockets";
  c.vague = true;
  c.low = 1;
  EXPECT_EQ(ClaimText(c, {}), "Countless old rockets");
}

TEST(Tables, CombineFigures) {
  ClaimGroup g;
  auto add = [&](double lo, double hi, const std::string& by, const std::string& outlet) {
    ClaimValue v;
    v.low = lo;
    v.high = hi;
    v.claimed_by = by;
    v.outlet = outlet;
    g.values.push_back(v);
  };
  CombineFigures(g);
  EXPECT_EQ(g.low, -1);
  EXPECT_EQ(g.best, -1);
  add(100, -1, "", "A");     // at least 100
  add(-1, 50, "", "B");      // as many as 50
  add(24, 60, "x", "C");     // a few dozen
  add(24, 60, "X", "D");     // the same source again (case folded): once
  CombineFigures(g);
  EXPECT_EQ(g.low, 24);
  EXPECT_EQ(g.high, 100);
  EXPECT_EQ(g.best, 50);     // points 42, 50, 100
  // A syndicated copy: the outlet's own sentence on another site counts once.
  add(300, 300, "", "E");
  add(300, 300, "", "F");
  g.values[4].evidence.quote = g.values[5].evidence.quote = "The strikes killed 300.";
  CombineFigures(g);
  EXPECT_EQ(g.high, 300);
  EXPECT_EQ(g.best, 50);     // points 42, 50, 100, 300: the lower middle
  g.values[5].evidence.quote = "Another sentence with 300.";
  CombineFigures(g);
  EXPECT_EQ(g.best, 100);    // 42, 50, 100, 300, 300
}

}  // namespace
}  // namespace sitrep::fuse
