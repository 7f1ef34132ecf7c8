// SettleStore over an in-memory fake Store (records in, dates out), and the whole of
// fusion's core over the real articles in ../shared/seeds when present: the Palmyra
// control timeline and the dates of the articles that carry none are printed and their
// shape checked. Nothing of those articles is stored in the repository.
#include "pipeline/settle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

#include "fuse/parts.h"
#include "pipeline/runner.h"
#include "sitrep/pipeline.h"

namespace sitrep::pipeline {
namespace {

// Keeps whole documents in memory; lists what the SQLite store would.
class FakeStore final : public Store {
 public:
  std::map<std::string, Document> docs;
  int date_updates = 0, record_updates = 0;

  Result<bool> HasDocument(std::string_view id) override { return docs.count(std::string(id)) > 0; }
  Status PutDocument(const Document& doc, bool* inserted) override {
    *inserted = docs.emplace(doc.id, doc).second;
    return Status();
  }
  Status UpdateDocumentDate(std::string_view id, const DocumentDate& date) override {
    auto it = docs.find(std::string(id));
    if (it == docs.end()) return Status::NotFound("no document " + std::string(id));
    it->second.date = date;
    ++date_updates;
    return Status();
  }
  Status PutRecords(const Document& doc) override {
    auto it = docs.find(doc.id);
    if (it == docs.end()) return Status::NotFound("no document " + doc.id);
    it->second.mentions = doc.mentions;
    it->second.events = doc.events;
    it->second.claims = doc.claims;
    it->second.minhash = doc.minhash;
    ++record_updates;
    return Status();
  }
  Result<std::vector<EventRecord>> ListEvents(const EventQuery&) override {
    std::vector<EventRecord> out;
    for (auto& [id, d] : docs) out.insert(out.end(), d.events.begin(), d.events.end());
    return out;
  }
  Result<std::vector<ClaimRecord>> ListClaims(const ClaimQuery&) override {
    std::vector<ClaimRecord> out;
    for (auto& [id, d] : docs) out.insert(out.end(), d.claims.begin(), d.claims.end());
    return out;
  }
  Result<std::vector<MentionRecord>> ListMentions(std::string_view document) override {
    std::vector<MentionRecord> out;
    for (auto& [id, d] : docs)
      if (document.empty() || id == document) out.insert(out.end(), d.mentions.begin(), d.mentions.end());
    return out;
  }
  Result<std::vector<std::pair<std::string, std::vector<uint32_t>>>> ListSignatures() override {
    std::vector<std::pair<std::string, std::vector<uint32_t>>> out;
    for (auto& [id, d] : docs) out.emplace_back(id, d.minhash);
    return out;
  }
  Result<uint64_t> ImportFrom(const std::string&) override { return Status::Internal("fake"); }
  Result<std::vector<DocumentSummary>> ListDocuments() override {
    std::vector<DocumentSummary> out;
    for (auto& [id, d] : docs) {
      DocumentSummary s;
      s.id = d.id;
      s.source = d.source;
      s.outlet = d.outlet;
      s.title = d.title;
      s.date = d.date;
      out.push_back(std::move(s));
    }
    return out;
  }
  Result<Document> GetDocument(std::string_view id) override {
    auto it = docs.find(std::string(id));
    if (it == docs.end()) return Status::NotFound("no document " + std::string(id));
    Document d = it->second;
    d.tokens.clear();  // tokens are not stored
    return d;
  }
  Result<int64_t> LogIngestRun(std::string_view, const IngestSummary&) override { return 1; }
  Result<std::vector<Rejection>> ListRejections() override { return std::vector<Rejection>{}; }
  Status Begin() override { return Status(); }
  Status Commit() override { return Status(); }
};

EventRecord Event(const std::string& doc, int n, const std::string& agent, const std::string& date) {
  EventRecord e;
  e.id = doc + ":e" + std::to_string(n);
  e.document = doc;
  e.type = "control_gained";
  e.status = "asserted";
  e.agent.id = e.agent.name = e.agent.text = agent;
  e.agent.kind = "actor";
  e.place.id = e.place.name = e.place.text = "GN:1";
  e.place.kind = "place";
  e.place.precision = 1;
  e.date = date;
  e.time_source = date.empty() ? "none" : "sentence";
  return e;
}

Document Doc(const std::string& id, const std::string& date, const std::string& outlet) {
  Document d;
  d.id = id;
  d.outlet = outlet;
  d.text = "text of " + id;
  d.date.value = date;
  if (!date.empty()) {
    d.date.precision = DatePrecision::kDay;
    d.date.source = DateSource::kDateline;
  }
  return d;
}

TEST(SettleStore, DatesUndatedAndIsIdempotent) {
  FakeStore store;
  bool inserted = false;
  Document a = Doc("a", "2020-05-04", "Alpha");
  a.events.push_back(Event("a", 0, "rebels", "2020-05-03"));
  Document b = Doc("b", "", "Beta");
  b.events.push_back(Event("b", 0, "rebels", ""));
  b.date.conflicts.push_back({"2030-01-01", DateSource::kBody, "a page clock", "too late"});
  Document c = Doc("c", "2020-05-09", "Gamma");  // dated: never changed
  c.events.push_back(Event("c", 0, "rebels", ""));
  for (Document* d : {&a, &b, &c}) ASSERT_TRUE(store.PutDocument(*d, &inserted).ok());

  int reprocessed = 0;
  auto reprocess = [&](Document& doc) {
    ++reprocessed;
    EXPECT_EQ(doc.date.source, DateSource::kCrossDocument);
    for (EventRecord& e : doc.events) {  // as the extract stage would: the date resolves
      e.date = doc.date.value;
      e.time_source = "document date";
    }
    return Status();
  };
  auto n = SettleStore(store, reprocess);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 1u);
  EXPECT_EQ(reprocessed, 1);
  const Document& got = store.docs.at("b");
  EXPECT_EQ(got.date.value, "2020-05-03");
  EXPECT_EQ(got.date.source, DateSource::kCrossDocument);
  EXPECT_FALSE(got.date.evidence.empty());
  ASSERT_EQ(got.date.conflicts.size(), 1u);  // the time stage's rejected candidates stay
  EXPECT_EQ(got.events.front().date, "2020-05-03");
  EXPECT_EQ(store.docs.at("c").date.value, "2020-05-09");

  auto again = SettleStore(store, reprocess);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0u);
  EXPECT_EQ(reprocessed, 1);
}

TEST(SettleStore, ReprocessFailureIsReturned) {
  FakeStore store;
  bool inserted = false;
  Document a = Doc("a", "2020-05-04", "Alpha");
  a.events.push_back(Event("a", 0, "rebels", "2020-05-03"));
  Document b = Doc("b", "", "Beta");
  b.events.push_back(Event("b", 0, "rebels", ""));
  ASSERT_TRUE(store.PutDocument(a, &inserted).ok());
  ASSERT_TRUE(store.PutDocument(b, &inserted).ok());
  auto n = SettleStore(store, [](Document&) { return Status::Internal("stage broke"); });
  EXPECT_FALSE(n.ok());
  EXPECT_EQ(store.docs.at("b").date.value, "");
}

TEST(SettleStore, EmptyStore) {
  FakeStore store;
  auto n = SettleStore(store, [](Document&) { return Status(); });
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0u);
}

// ---- The seeds --------------------------------------------------------------------

std::string Range(const fuse::Period& p) {
  return (p.from.empty() ? "?" : p.from) + " .. " + (p.until.empty() ? "" : p.until);
}

TEST(Seeds, PalmyraTimeline) {
  std::filesystem::path dir = std::filesystem::path(SITREP_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no seeds at " << dir;
  PipelineOptions options;
  options.threads = 1;
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) GTEST_SKIP() << "pipeline cannot start: " << pipeline.status().ToString();
  auto stages = DefaultStages(options);
  ASSERT_TRUE(stages.ok()) << stages.status().ToString();

  FakeStore store;
  auto sink = [&](Document& doc) {
    bool inserted = false;
    return store.PutDocument(doc, &inserted);
  };
  auto summary = (*pipeline)->Stream({dir.string()}, sink, nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ASSERT_GE(store.docs.size(), 5u);
  size_t events = 0;
  for (auto& [id, d] : store.docs) events += d.events.size();
  if (events == 0) GTEST_SKIP() << "the extract stage produced no events (has it landed?)";

  // Articles with no date of their own, or only the time stage's coarse estimate.
  std::vector<std::string> undated;
  for (auto& [id, d] : store.docs)
    if (d.date.value.empty() || d.date.precision != DatePrecision::kDay) undated.push_back(id);

  if (std::getenv("SITREP_FUSE_DEBUG") != nullptr) {
    for (auto& [id, d] : store.docs) {
      if (!d.date.value.empty() && d.date.precision == DatePrecision::kDay) continue;
      for (const EventRecord& e : d.events)
        std::cout << "  pre " << e.id << " " << e.type << " [" << e.status << "] agent=" << e.agent.id
                  << " place=" << e.place.label() << " date=" << e.date << " timex=" << e.timex
                  << " src=" << e.time_source << " trig=" << e.trigger << "\n";
    }
  }
  // Settle as the pipeline does: the text stage again, then every stage after "time".
  auto reprocess = [&](Document& doc) -> Status {
    bool after_time = false;
    for (const auto& stage : *stages) {
      if (stage->name() == "text" || after_time) SITREP_RETURN_IF_ERROR(stage->Run(doc));
      if (stage->name() == "time") after_time = true;
    }
    return Status();
  };
  auto settled = SettleStore(store, reprocess);
  ASSERT_TRUE(settled.ok()) << settled.status().ToString();

  fuse::Input in;
  for (auto& [id, d] : store.docs) {
    fuse::DocInfo info;
    info.id = d.id;
    info.outlet = d.outlet;
    info.date = d.date;
    info.minhash = d.minhash;
    in.docs.push_back(info);
    in.events.insert(in.events.end(), d.events.begin(), d.events.end());
    in.mentions.insert(in.mentions.end(), d.mentions.begin(), d.mentions.end());
  }
  auto dups = fuse::FindDuplicates(in);
  auto stories = fuse::BuildStories(in, dups);
  std::vector<fuse::DocDate> dates;
  std::vector<fuse::DateFlag> flags;
  fuse::DateDocuments(in, stories, &dates, &flags);
  auto timelines = fuse::BuildTimelines(in, stories, dates, dups);

  std::cout << "documents:\n";
  for (auto& [id, d] : store.docs)
    std::cout << "  " << id << " " << (d.date.value.empty() ? "(undated)" : d.date.value) << " "
              << DateSourceName(d.date.source) << " " << d.outlet << "\n";
  if (std::getenv("SITREP_FUSE_DEBUG") != nullptr) {
    for (const EventRecord& e : in.events) {
      if (e.type.rfind("control_", 0) != 0) continue;
      std::cout << "  ev " << e.id << " " << e.type << " [" << e.status << "] agent=" << e.agent.id
                << " target=" << e.target.label() << " place=" << e.place.label() << " date=" << e.date
                << " timex=" << e.timex << " src=" << e.time_source << " trig=" << e.trigger
                << " rule=" << e.rule << "\n";
    }
  }
  std::cout << "control stories:\n";
  for (const fuse::Story& s : stories) {
    if (s.type.rfind("control_", 0) != 0) continue;
    std::cout << "  " << s.date << " " << s.type << " by " << s.agent.label() << " at "
              << s.place.label() << " [" << s.status << "] docs=" << s.num_documents << "\n";
  }
  for (const fuse::DateFlag& f : flags) std::cout << "flag " << f.doc << ": " << f.why << "\n";
  const fuse::Timeline* palmyra = nullptr;
  for (const fuse::Timeline& t : timelines) {
    std::cout << "timeline " << t.place.label() << " (" << t.place.id << ")\n";
    for (const fuse::Period& p : t.periods)
      std::cout << "  " << p.controller.label() << " " << Range(p) << " " << p.status
                << (p.implied ? " implied" : "") << " evidence=" << p.evidence.size() << "\n";
    for (const fuse::Expected& x : t.expected)
      std::cout << "  expected: " << x.controller.label() << " after " << x.after << "\n";
    if (t.place.label() == "Palmyra" || t.place.label() == "Tadmur") palmyra = &t;
  }
  ASSERT_NE(palmyra, nullptr) << "no timeline for Palmyra";

  // The articles without a date (or with only a year) report the December 2016 fall:
  // they end up in December 2016, and the one with no date at all is dated from others.
  std::cout << "settled " << *settled << " of " << undated.size() << " undated or coarse\n";
  ASSERT_FALSE(undated.empty());
  for (const std::string& id : undated) {
    const Document& d = store.docs.at(id);
    std::cout << "  " << id << " -> " << d.date.value << " " << DateSourceName(d.date.source)
              << " (" << d.date.evidence << ")\n";
    EXPECT_EQ(d.date.value.substr(0, 7), "2016-12") << id;
  }
  EXPECT_GE(*settled, 1u);

  // The shape the articles justify: Islamic State held it from 2015 (seized "last May"
  // in a March 2016 report) until the recapture of March 2016; the government from
  // March 2016 until December 2016 (the weekend of the 10th and 11th); Islamic State
  // again from December 2016; the March 2017 article only expects the army back.
  auto side = [](const fuse::Period& p) { return p.controller.id; };
  std::vector<const fuse::Period*> ps;
  for (const fuse::Period& p : palmyra->periods) ps.push_back(&p);
  auto find = [&](auto pred) -> const fuse::Period* {
    for (const fuse::Period* p : ps)
      if (pred(*p)) return p;
    return nullptr;
  };
  const fuse::Period* is1 = find([&](const fuse::Period& p) {
    return side(p) == "isis" && p.until.rfind("2016-03", 0) == 0;
  });
  const fuse::Period* gov = find([&](const fuse::Period& p) {
    return side(p) != "isis" && p.from.rfind("2016-03", 0) == 0 && p.until.rfind("2016-12", 0) == 0;
  });
  // Islamic State again from December 2016, and still at the last record.
  const fuse::Period* is2 = find([&](const fuse::Period& p) {
    return side(p) == "isis" && p.from.rfind("2016-12", 0) == 0;
  });
  EXPECT_NE(is1, nullptr) << "Islamic State until March 2016";
  if (is1 != nullptr) {
    EXPECT_TRUE(is1->from.empty() || is1->from.rfind("2015", 0) == 0) << is1->from;
  }
  EXPECT_NE(gov, nullptr) << "government from March 2016 to December 2016";
  // Reports of its end in December and recollections of its start do not dispute it.
  if (gov != nullptr) {
    EXPECT_EQ(gov->status, "asserted");
  }
  EXPECT_NE(is2, nullptr) << "Islamic State again from December 2016";
  // The March 2017 article only expects the army back: no period starts in 2017 on its
  // undated recollections alone.
  for (const fuse::Period& p : palmyra->periods)
    EXPECT_FALSE(p.from.rfind("2017", 0) == 0 && p.status == "asserted") << "period from " << p.from;
  bool expected_2017 = false;
  for (const fuse::Expected& x : palmyra->expected)
    expected_2017 |= x.after.rfind("2017", 0) == 0 && x.controller.id != "isis";
  EXPECT_TRUE(expected_2017) << "the 2017 return is expected, not a fact";
  // No expectation is shown as a period: every period rests on at least one event that
  // is not merely planned or conditional.
  std::map<std::string, std::string> status_of;
  for (const EventRecord& e : in.events) status_of[e.id] = e.status;
  for (const fuse::Period& p : palmyra->periods) {
    bool fact = p.implied;
    bool any_event = false;
    for (const fuse::Evidence& v : p.evidence) {
      auto it = status_of.find(v.record);
      if (it == status_of.end()) continue;
      any_event = true;
      fact |= it->second != "planned" && it->second != "conditional";
    }
    EXPECT_TRUE(fact || !any_event) << "period from " << p.from << " rests on expectations only";
  }
}

}  // namespace
}  // namespace sitrep::pipeline
