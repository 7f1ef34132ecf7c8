// Fuse() as a whole on a synthetic war (synthetic.h): the result depends only on the set
// of records (20 shuffles, and shards merged either way round give the same Fusion), and
// what it promises of every story and timeline holds.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>

#include "fuse/core_util.h"
#include "fuse/fuse.h"
#include "fuse/parts.h"
#include "fuse/synthetic.h"

namespace sitrep::fuse {
namespace {

std::string Ev(const std::vector<Evidence>& ev) {
  std::string s;
  for (const Evidence& e : ev) s += e.record + "/" + e.doc + "/" + e.date + "/" + e.value + ";";
  return s;
}

// Everything of a Fusion that matters, as text.
std::string Describe(const Fusion& f) {
  std::ostringstream o;
  for (const DuplicateGroup& g : f.duplicates) {
    o << "dup " << g.canonical << " " << g.similarity;
    for (const auto& c : g.copies) o << " " << c;
    o << "\n";
  }
  for (const Story& s : f.stories) {
    o << "story " << s.id << " " << s.type << " " << s.status << " " << s.date << " "
      << s.agent.id << " " << s.place.id << " " << s.num_mentions << "/" << s.num_documents
      << "/" << s.num_sources << " " << Ev(s.evidence) << "\n";
  }
  for (const DocDate& d : f.doc_dates)
    o << "date " << d.doc << " " << d.date.value << " " << d.date.confidence << " "
      << d.date.evidence << " " << Ev(d.chain) << "\n";
  for (const DateFlag& d : f.date_flags) o << "flag " << d.doc << " " << d.why << "\n";
  for (const Timeline& t : f.timelines) {
    o << "timeline " << t.place.id << "\n";
    for (const Period& p : t.periods)
      o << " period " << p.controller.id << " " << p.from << " " << p.until << " " << p.status
        << " " << p.implied << " " << Ev(p.evidence) << "\n";
    for (const Expected& x : t.expected) o << " expected " << x.controller.id << " " << x.after << "\n";
  }
  for (const ClaimGroup& g : f.claim_groups) {
    o << "group " << g.id << " " << g.subject << " " << g.low << " " << g.best << " " << g.high;
    for (const ClaimValue& v : g.values) o << " " << v.claim;
    o << "\n";
  }
  for (const Conflict& c : f.conflicts) o << "conflict " << c.id << " " << c.kind << " " << c.summary << "\n";
  for (const OutletProfile& p : f.outlets) {
    o << "outlet " << p.outlet << " " << p.documents;
    for (const OutletTerm& t : p.terms) o << " " << t.key << ":" << t.term << ":" << t.count;
    o << "\n";
  }
  return o.str();
}

template <typename T>
void Shuffle(std::vector<T>* v, std::mt19937* rng) {
  std::shuffle(v->begin(), v->end(), *rng);
}

TEST(Fuse, OrderIndependent) {
  Input in = synthetic::Make(240, 3);
  const std::string want = Describe(Fuse(in));
  ASSERT_FALSE(want.empty());
  std::mt19937 rng(11);
  for (int round = 0; round < 20; ++round) {
    Input s = in;
    Shuffle(&s.docs, &rng);
    Shuffle(&s.events, &rng);
    Shuffle(&s.claims, &rng);
    Shuffle(&s.mentions, &rng);
    ASSERT_EQ(Describe(Fuse(s)), want) << "round " << round;
  }
}

TEST(Fuse, ShardsMergeEitherWay) {
  Input in = synthetic::Make(400, 5);
  const std::string want = Describe(Fuse(in));
  std::mt19937 rng(13);
  std::set<std::string> in_a;
  Input a, b;
  for (const DocInfo& d : in.docs) {
    bool first = rng() & 1;
    if (first) in_a.insert(d.id);
    (first ? a : b).docs.push_back(d);
  }
  for (const EventRecord& e : in.events) (in_a.count(e.document) ? a : b).events.push_back(e);
  for (const ClaimRecord& c : in.claims) (in_a.count(c.document) ? a : b).claims.push_back(c);
  for (const MentionRecord& m : in.mentions) (in_a.count(m.document) ? a : b).mentions.push_back(m);
  auto merge = [](Input x, const Input& y) {
    x.docs.insert(x.docs.end(), y.docs.begin(), y.docs.end());
    x.events.insert(x.events.end(), y.events.begin(), y.events.end());
    x.claims.insert(x.claims.end(), y.claims.begin(), y.claims.end());
    x.mentions.insert(x.mentions.end(), y.mentions.begin(), y.mentions.end());
    return x;
  };
  EXPECT_EQ(Describe(Fuse(merge(a, b))), want);
  EXPECT_EQ(Describe(Fuse(merge(b, a))), want);
}

TEST(Fuse, Invariants) {
  Input in = synthetic::Make(1000, 7);
  Fusion f = Fuse(in);
  ASSERT_FALSE(f.stories.empty());
  std::set<std::string> seen;
  size_t mentions = 0;
  std::string last_date = "";
  bool undated_seen = false;
  for (const Story& s : f.stories) {
    EXPECT_EQ(s.id.size(), 17u);
    EXPECT_TRUE(std::is_sorted(s.events.begin(), s.events.end()));
    EXPECT_EQ(s.num_mentions, s.events.size());
    EXPECT_LE(s.num_sources, s.num_documents);
    EXPECT_LE(s.num_documents, s.num_mentions);
    EXPECT_EQ(s.evidence.size(), s.events.size());
    for (const std::string& e : s.events) EXPECT_TRUE(seen.insert(e).second) << e << " in two stories";
    mentions += s.events.size();
    // Sorted by date (undated last), then id.
    if (s.date.empty()) {
      undated_seen = true;
    } else {
      EXPECT_FALSE(undated_seen);
      EXPECT_LE(last_date, s.date);
      last_date = s.date;
    }
  }
  EXPECT_EQ(mentions, in.events.size());  // every event is in exactly one story
  for (const Timeline& t : f.timelines) {
    for (const Period& p : t.periods) {
      EXPECT_TRUE(p.status == "asserted" || p.status == "disputed");
      EXPECT_FALSE(p.controller.id.empty());
      if (!p.from.empty() && !p.until.empty()) {
        EXPECT_LE(p.from.substr(0, 4), p.until.substr(0, 4));
      }
    }
  }
  for (const DocDate& d : f.doc_dates) {
    EXPECT_EQ(d.date.source, DateSource::kCrossDocument);
    EXPECT_FALSE(d.chain.empty());
    EXPECT_GT(d.date.confidence, 0.0);
    EXPECT_LE(d.date.confidence, 0.7);
  }
}

TEST(Stories, FastEqualsSlow) {
  for (uint32_t seed : {1u, 2u}) {
    Input in = synthetic::Make(600, seed);
    auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
    std::sort(in.docs.begin(), in.docs.end(), by_id);
    std::sort(in.events.begin(), in.events.end(), by_id);
    std::sort(in.mentions.begin(), in.mentions.end(), by_id);
    auto dups = FindDuplicates(in);
    Fusion fast, slow;
    fast.stories = BuildStories(in, dups);
    slow.stories = BuildStoriesSlow(in, dups);
    ASSERT_EQ(Describe(fast), Describe(slow)) << "seed " << seed;
  }
}

TEST(Fuse, Empty) {
  Fusion f = Fuse(Input{});
  EXPECT_TRUE(f.stories.empty());
  EXPECT_TRUE(f.timelines.empty());
  EXPECT_TRUE(f.doc_dates.empty());
}

// DateDocuments (bucketed hypotheses, cached story dates) gives exactly what the slow
// version gives, on maps with few places (big per-place buckets) and many undated
// documents, as on a wire feed.
std::string DescribeDates(const std::vector<DocDate>& dates, const std::vector<DateFlag>& flags) {
  std::ostringstream o;
  for (const DocDate& d : dates)
    o << "date " << d.doc << " " << d.date.value << " " << d.date.confidence << " "
      << d.date.evidence << " " << Ev(d.chain) << "\n";
  for (const DateFlag& f : flags)
    o << "flag " << f.doc << " " << f.stated << " " << f.implied << " " << f.why << " "
      << Ev(f.evidence) << "\n";
  return o.str();
}

TEST(Dating, FastEqualsSlow) {
  for (uint32_t seed = 1; seed <= 12; ++seed) {
    uint32_t places = 2 + seed % 5;
    Input in = synthetic::Make(300 + seed * 60, seed, places, 2 + seed % 4);
    auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
    std::sort(in.docs.begin(), in.docs.end(), by_id);
    std::sort(in.events.begin(), in.events.end(), by_id);
    std::sort(in.claims.begin(), in.claims.end(), by_id);
    std::sort(in.mentions.begin(), in.mentions.end(), by_id);
    auto stories = BuildStories(in, FindDuplicates(in));
    std::vector<DocDate> fd, sd;
    std::vector<DateFlag> ff, sf;
    DateDocuments(in, stories, &fd, &ff);
    DateDocumentsSlow(in, stories, &sd, &sf);
    EXPECT_FALSE(fd.empty());
    ASSERT_EQ(DescribeDates(fd, ff), DescribeDates(sd, sf)) << "seed " << seed;
  }
}

}  // namespace
}  // namespace sitrep::fuse
