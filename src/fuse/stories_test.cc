// Table-driven tests of the core fusion steps (BuildStories, DateDocuments,
// BuildTimelines) over tests/data/fuse/{stories,dating,timeline}.txt, and order
// independence: shuffled and sharded inputs give the same result.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "fuse/parts.h"
#include "fuse/test_cases.h"

namespace sitrep::fuse {
namespace {

using testing::Case;
using testing::Expect;

// The core steps as Fuse runs them (Fuse itself also needs FUSE-TABLES' steps).
struct Core {
  std::vector<DuplicateGroup> dups;
  std::vector<Story> stories;
  std::vector<DocDate> dates;
  std::vector<DateFlag> flags;
  std::vector<Timeline> timelines;
};

Core RunCore(Input in) {
  auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::sort(in.docs.begin(), in.docs.end(), by_id);
  std::sort(in.events.begin(), in.events.end(), by_id);
  std::sort(in.claims.begin(), in.claims.end(), by_id);
  std::sort(in.mentions.begin(), in.mentions.end(), by_id);
  Core c;
  c.dups = FindDuplicates(in);
  c.stories = BuildStories(in, c.dups);
  DateDocuments(in, c.stories, &c.dates, &c.flags);
  c.timelines = BuildTimelines(in, c.stories, c.dates, c.dups);
  return c;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

std::string Describe(const Core& c) {
  std::ostringstream o;
  for (const Story& s : c.stories)
    o << "  story " << Join(s.events) << " type=" << s.type << " date=" << s.date
      << " status=" << s.status << " docs=" << s.num_documents << " sources=" << s.num_sources
      << " place=" << s.place.id << "\n";
  for (const DocDate& d : c.dates)
    o << "  docdate " << d.doc << " " << d.date.value << " conf=" << d.date.confidence << " ("
      << d.date.evidence << ")\n";
  for (const DateFlag& f : c.flags) o << "  flag " << f.doc << ": " << f.why << "\n";
  for (const Timeline& t : c.timelines) {
    for (const Period& p : t.periods)
      o << "  period " << t.place.id << " " << p.controller.id << " " << p.from << ".."
        << p.until << " " << p.status << (p.implied ? " implied" : "") << "\n";
    for (const Expected& x : t.expected)
      o << "  expected " << t.place.id << " " << x.controller.id << " after " << x.after << "\n";
  }
  return o.str();
}

// Checks `x`; returns an error message or "".
std::string Check(const Core& c, const Expect& x) {
  auto a = x.attrs;
  auto want = [&](const std::string& k, const std::string& got) -> std::string {
    if (!a.count(k) || a.at(k) == got) return "";
    return k + ": want '" + a.at(k) + "' got '" + got + "'";
  };
  if (x.what == "stories") return want("n", std::to_string(c.stories.size()));
  if (x.what == "story") {
    for (const Story& s : c.stories) {
      if (Join(s.events) != a["events"]) continue;
      for (auto m : {want("docs", std::to_string(s.num_documents)),
                     want("sources", std::to_string(s.num_sources)),
                     want("mentions", std::to_string(s.num_mentions)), want("date", s.date),
                     want("status", s.status), want("place", s.place.id),
                     want("agent", s.agent.id), want("type", s.type)})
        if (!m.empty()) return m;
      return "";
    }
    return "no story with events " + a["events"];
  }
  if (x.what == "docdate" || x.what == "nodocdate") {
    for (const DocDate& d : c.dates) {
      if (d.doc != a["doc"]) continue;
      if (x.what == "nodocdate") return "unexpected date " + d.date.value;
      if (d.date.source != DateSource::kCrossDocument) return "source not cross-document";
      if (d.chain.empty() || d.date.evidence.empty()) return "no chain or evidence";
      return want("date", d.date.value);
    }
    return x.what == "nodocdate" ? "" : "no date for " + a["doc"];
  }
  if (x.what == "flag" || x.what == "noflag") {
    bool found = false;
    for (const DateFlag& f : c.flags) found |= f.doc == a["doc"];
    if (found != (x.what == "flag")) return found ? "unexpected flag" : "no flag";
    return "";
  }
  const Timeline* t = nullptr;
  for (const Timeline& tl : c.timelines)
    if (tl.place.id == a["place"]) t = &tl;
  if (x.what == "periods") {
    // "expect periods=N" counts the periods of the only (or first) timeline.
    size_t n = c.timelines.empty() ? 0 : c.timelines.front().periods.size();
    return want("n", std::to_string(n));
  }
  if (x.what == "expecteds") {  // of the only (or first) timeline
    size_t n = c.timelines.empty() ? 0 : c.timelines.front().expected.size();
    return want("n", std::to_string(n));
  }
  if (t == nullptr) return "no timeline for " + a["place"];
  if (x.what == "period") {
    std::string near;
    for (const Period& p : t->periods) {
      if (p.controller.id != a["controller"]) continue;
      if (a.count("from") && p.from != a["from"]) {
        near += " from=" + p.from;
        continue;
      }
      for (auto m : {want("until", p.until), want("status", p.status),
                     want("implied", p.implied ? "1" : "0"),
                     want("evidence", std::to_string(p.evidence.size()))})
        if (!m.empty()) return m;
      if (p.evidence.empty() && !p.implied) return "period without evidence";
      return "";
    }
    return "no period of " + a["controller"] + " from " + a["from"] + " (seen" + near + ")";
  }
  if (x.what == "expected") {
    for (const Expected& e : t->expected)
      if ((e.controller.id.empty() ? "text:" + e.controller.text : e.controller.id) ==
              testing::Spaces(a["controller"]) &&
          (!a.count("after") || e.after == a["after"]))
        return "";
    return "no expected change to " + a["controller"];
  }
  return "unknown expectation " + x.what;
}

void RunFile(const std::string& name) {
  auto cases = testing::ReadCases(name);
  ASSERT_FALSE(cases.empty());
  for (const Case& k : cases) {
    Core c = RunCore(k.in);
    for (const Expect& x : k.expects) {
      std::string err = Check(c, x);
      EXPECT_EQ(err, "") << name << ":" << x.line << " (case " << k.name << ")\n" << Describe(c);
    }
  }
}

TEST(FuseCases, Stories) { RunFile("stories.txt"); }
TEST(FuseCases, Dating) { RunFile("dating.txt"); }
TEST(FuseCases, Timeline) { RunFile("timeline.txt"); }

// Every case of every file: 20 shuffles give the same result, and so do two shards
// merged either way round.
TEST(FuseCases, OrderIndependent) {
  std::mt19937 rng(42);
  for (const char* file : {"stories.txt", "dating.txt", "timeline.txt"}) {
    for (const Case& k : testing::ReadCases(file)) {
      std::string want = Describe(RunCore(k.in));
      for (int round = 0; round < 20; ++round) {
        Input in = k.in;
        std::shuffle(in.docs.begin(), in.docs.end(), rng);
        std::shuffle(in.events.begin(), in.events.end(), rng);
        std::shuffle(in.mentions.begin(), in.mentions.end(), rng);
        ASSERT_EQ(Describe(RunCore(in)), want) << file << " case " << k.name;
      }
      // Shards: documents split in two; A then B, and B then A.
      Input a, b;
      for (const DocInfo& d : k.in.docs) ((rng() & 1) ? a : b).docs.push_back(d);
      auto in_a = [&](const std::string& doc) {
        for (const DocInfo& d : a.docs)
          if (d.id == doc) return true;
        return false;
      };
      for (const EventRecord& e : k.in.events) (in_a(e.document) ? a : b).events.push_back(e);
      for (const MentionRecord& m : k.in.mentions) (in_a(m.document) ? a : b).mentions.push_back(m);
      Input ab = a, ba = b;
      for (auto* p : {&ab, &ba}) {
        const Input& other = p == &ab ? b : a;
        p->docs.insert(p->docs.end(), other.docs.begin(), other.docs.end());
        p->events.insert(p->events.end(), other.events.begin(), other.events.end());
        p->mentions.insert(p->mentions.end(), other.mentions.begin(), other.mentions.end());
      }
      EXPECT_EQ(Describe(RunCore(ab)), want) << file << " case " << k.name;
      EXPECT_EQ(Describe(RunCore(ba)), want) << file << " case " << k.name;
    }
  }
}

TEST(Stories, IdsFromContent) {
  Input in;
  in.docs.push_back({});
  in.docs.back().id = "d1";
  EventRecord e;
  e.id = "d1:e0";
  e.document = "d1";
  e.type = "air_strike";
  e.status = "asserted";
  in.events.push_back(e);
  auto s = BuildStories(in, {});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].id.size(), 17u);
  EXPECT_EQ(s[0].id[0], 's');
  EXPECT_EQ(BuildStories(in, {})[0].id, s[0].id);
}

TEST(Stories, EmptyInput) {
  EXPECT_TRUE(BuildStories(Input{}, {}).empty());
  std::vector<DocDate> d;
  std::vector<DateFlag> f;
  DateDocuments(Input{}, {}, &d, &f);
  EXPECT_TRUE(d.empty());
  EXPECT_TRUE(BuildTimelines(Input{}, {}, {}).empty());
}

}  // namespace
}  // namespace sitrep::fuse
