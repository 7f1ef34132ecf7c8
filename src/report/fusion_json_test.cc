// The JSON writers of fusion_json.h on hand-built fuse values: field order, nulls for
// unknowns and open bounds, the short evidence of the timeline contract, outlet grouping.
#include "report/fusion_json.h"

#include <gtest/gtest.h>

namespace sitrep::report {
namespace {

EntityRef Place(const std::string& id, const std::string& name) {
  EntityRef e;
  e.id = id;
  e.name = name;
  e.text = name;
  e.kind = "place";
  e.country = "UA";
  e.has_position = true;
  e.lat = 46.5;
  e.lon = 32.5;
  return e;
}

EntityRef Actor(const std::string& id, const std::string& name) {
  EntityRef e;
  e.id = id;
  e.name = name;
  e.text = name;
  e.kind = "actor";
  return e;
}

fuse::Evidence Ev(const std::string& doc, uint32_t sentence, const std::string& outlet) {
  fuse::Evidence e;
  e.record = doc + ":e0";
  e.doc = doc;
  e.outlet = outlet;
  e.sentence = sentence;
  e.span = {10, 18};
  e.quote = "Troops entered the city on Friday.";
  e.date = "2022-11-11";
  e.value = "held by Ukraine";
  return e;
}

std::vector<std::string> Keys(const Json& j) {
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  return keys;
}

TEST(FusionJson, EntityNullWhenEmptyAndLabelWhenUnresolved) {
  EXPECT_TRUE(RefJson(EntityRef{}).is_null());
  EXPECT_TRUE(PlaceRefJson(EntityRef{}).is_null());
  EntityRef words;
  words.text = "the garrison";
  Json j = RefJson(words);
  EXPECT_TRUE(j["id"].is_null());
  EXPECT_EQ(j["name"], "the garrison");
  EntityRef unplaced;
  unplaced.text = "Hill 86";
  Json p = PlaceRefJson(unplaced);
  EXPECT_EQ(Keys(p), (std::vector<std::string>{"id", "name", "country", "lat", "lon"}));
  EXPECT_TRUE(p["lat"].is_null());
  EXPECT_TRUE(p["country"].is_null());
}

TEST(FusionJson, TimelineFollowsTheContract) {
  fuse::Timeline t;
  t.place = Place("GN:706448", "Kherson");
  fuse::Period held;
  held.controller = Actor("RU", "Russia");
  held.from = "2022-03-02";
  held.from_precision = DatePrecision::kDay;
  held.until = "2022-11-11";
  held.until_precision = DatePrecision::kDay;
  held.status = "asserted";
  held.evidence = {Ev("d1", 3, "Eurasia Bulletin")};
  fuse::Period open;
  open.controller = Actor("UA", "Ukraine");
  open.from = "2022-11-11";
  open.from_precision = DatePrecision::kDay;
  open.status = "disputed";
  open.implied = true;
  open.evidence = {Ev("d2", 0, "")};
  t.periods = {held, open};
  fuse::Expected x;
  x.controller = Actor("UA", "Ukraine");
  x.after = "2022-11-09";
  x.evidence = {Ev("d3", 5, "Continental Desk")};
  t.expected = {x};

  Json j = TimelineJson(t);
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"place", "periods", "expected"}));
  EXPECT_EQ(j["place"]["name"], "Kherson");
  EXPECT_EQ(j["place"]["country"], "UA");
  EXPECT_DOUBLE_EQ(j["place"]["lat"].get<double>(), 46.5);
  ASSERT_EQ(j["periods"].size(), 2u);
  const Json& p0 = j["periods"][0];
  EXPECT_EQ(Keys(p0), (std::vector<std::string>{"controller", "from", "from_precision", "until",
                                                "status", "implied", "evidence"}));
  EXPECT_EQ(p0["controller"], (Json{{"id", "RU"}, {"name", "Russia"}}));
  EXPECT_EQ(p0["from"], "2022-03-02");
  EXPECT_EQ(p0["from_precision"], "day");
  EXPECT_EQ(p0["until"], "2022-11-11");
  EXPECT_EQ(p0["status"], "asserted");
  EXPECT_EQ(p0["implied"], false);
  EXPECT_EQ(Keys(p0["evidence"][0]), (std::vector<std::string>{"doc", "sentence", "quote", "outlet"}));
  EXPECT_EQ(p0["evidence"][0]["sentence"], 3);
  const Json& p1 = j["periods"][1];
  EXPECT_TRUE(p1["until"].is_null());
  EXPECT_EQ(p1["implied"], true);
  EXPECT_TRUE(p1["evidence"][0]["outlet"].is_null());
  ASSERT_EQ(j["expected"].size(), 1u);
  EXPECT_EQ(Keys(j["expected"][0]), (std::vector<std::string>{"controller", "after", "evidence"}));
  EXPECT_EQ(j["expected"][0]["after"], "2022-11-09");
}

TEST(FusionJson, ConflictItemsCarrySourceAndOutlet) {
  fuse::Conflict c;
  c.id = "x0123456789abcdef";
  c.kind = "numeric";
  c.subject = "Russian soldiers withdrawn, Kherson, 2022-11";
  fuse::Evidence a = Ev("d1", 2, "Eurasia Bulletin");
  a.claimed_by = "Russian Defence Ministry";
  a.value = "more than 30,000";
  fuse::Evidence b = Ev("d2", 4, "Continental Desk");
  b.value = "about 40,000";
  c.items = {a, b};
  c.summary = "30,000 against 40,000.";
  Json j = ConflictJson(c);
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"id", "kind", "subject", "items", "summary"}));
  EXPECT_EQ(Keys(j["items"][0]),
            (std::vector<std::string>{"record", "doc", "outlet", "source", "claimed_by", "sentence",
                                      "start", "end", "quote", "date", "value"}));
  EXPECT_EQ(j["items"][0]["source"], "Russian Defence Ministry");
  EXPECT_EQ(j["items"][0]["outlet"], "Eurasia Bulletin");
  EXPECT_EQ(j["items"][1]["source"], "Continental Desk");  // the outlet's own statement
  EXPECT_TRUE(j["items"][1]["claimed_by"].is_null());
  EXPECT_EQ(j["items"][0]["start"], 10);
  EXPECT_EQ(j["items"][0]["end"], 18);
}

TEST(FusionJson, StoryCounts) {
  fuse::Story s;
  s.id = "s00000000000000aa";
  s.type = "control_gained";
  s.status = "asserted";
  s.agent = Actor("UA", "Ukraine");
  s.place = Place("GN:706448", "Kherson");
  s.date = "2022-11";
  s.date_precision = DatePrecision::kMonth;
  s.events = {"d1:e0", "d2:e3"};
  s.num_mentions = 2;
  s.num_documents = 2;
  s.num_sources = 1;
  s.evidence = {Ev("d1", 0, "A"), Ev("d2", 1, "A")};
  Json j = StoryJson(s);
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"id", "type", "status", "agent", "target", "place",
                                               "date", "date_precision", "num_mentions",
                                               "num_documents", "num_sources", "events",
                                               "evidence"}));
  EXPECT_TRUE(j["target"].is_null());
  EXPECT_EQ(j["date_precision"], "month");
  EXPECT_EQ(j["events"], (Json{"d1:e0", "d2:e3"}));
  EXPECT_EQ(j["num_sources"], 1);
}

TEST(FusionJson, ClaimGroupOpenBoundsAreNull) {
  fuse::ClaimGroup g;
  g.id = "g1";
  g.subject = "Russian soldiers killed";
  g.kind = "killed";
  g.low = 498;
  g.best = 498;
  g.high = -1;
  fuse::ClaimValue v;
  v.claim = "d1:c0";
  v.doc = "d1";
  v.outlet = "Eurasia Bulletin";
  v.claimed_by = "Russian Defence Ministry";
  v.low = 498;
  v.high = 498;
  v.text = "498 servicemen";
  v.evidence = Ev("d1", 6, "Eurasia Bulletin");
  fuse::ClaimValue open = v;
  open.claim = "d2:c1";
  open.claimed_by.clear();
  open.low = 6000;
  open.high = -1;
  g.values = {v, open};
  Json j = ClaimGroupJson(g);
  EXPECT_EQ(j["low"], 498.0);
  EXPECT_TRUE(j["high"].is_null());
  EXPECT_TRUE(j["story"].is_null());
  EXPECT_EQ(j["values"][0]["source"], "Russian Defence Ministry");
  EXPECT_EQ(j["values"][1]["source"], "Eurasia Bulletin");
  EXPECT_TRUE(j["values"][1]["high"].is_null());
}

TEST(FusionJson, OutletTermsGroupedByCategoryAndKey) {
  fuse::OutletProfile o;
  o.outlet = "Dnipro Ledger";
  o.documents = 2;
  auto term = [](std::string cat, std::string key, std::string label, std::string term,
                 uint32_t n) { return fuse::OutletTerm{cat, key, label, term, n}; };
  o.terms = {term("event", "control_gained", "control gained", "de-occupied", 3),
             term("event", "control_gained", "control gained", "liberated", 1),
             term("party", "RU", "Russia", "occupiers", 4),
             term("party", "RU", "Russia", "russian forces", 2),
             term("party", "UA", "Ukraine", "armed forces", 1)};
  Json j = OutletJson(o);
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"outlet", "documents", "parties", "events"}));
  ASSERT_EQ(j["parties"].size(), 2u);
  EXPECT_EQ(j["parties"][0]["key"], "RU");
  EXPECT_EQ(j["parties"][0]["terms"].size(), 2u);
  EXPECT_EQ(j["parties"][0]["terms"][0], (Json{{"term", "occupiers"}, {"count", 4}}));
  ASSERT_EQ(j["events"].size(), 1u);
  EXPECT_EQ(j["events"][0]["terms"][1]["term"], "liberated");
}

TEST(FusionJson, DocDateDuplicatesAndAll) {
  fuse::Fusion f;
  fuse::DocDate d;
  d.doc = "undated";
  d.date.value = "2022-11-11";
  d.date.precision = DatePrecision::kDay;
  d.date.source = DateSource::kCrossDocument;
  d.date.confidence = 0.75;
  d.date.evidence = "reports the same stories as d1, d2";
  d.chain = {Ev("d1", 0, "A")};
  f.doc_dates = {d};
  f.duplicates = {fuse::DuplicateGroup{"d1", {"d4", "d5"}, 0.875}};
  fuse::DateFlag flag;
  flag.doc = "d9";
  flag.stated = "2021-08-18";
  flag.implied = "2017-03";
  flag.why = "every event it reports is from 2017";
  f.date_flags = {flag};
  Json j = FusionJson(f);
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"duplicates", "stories", "doc_dates", "date_flags",
                                               "timelines", "claim_groups", "conflicts",
                                               "outlets"}));
  EXPECT_EQ(j["doc_dates"][0]["date"]["source"], "cross-document");
  EXPECT_EQ(j["doc_dates"][0]["date"]["value"], "2022-11-11");
  EXPECT_EQ(j["doc_dates"][0]["chain"][0]["doc"], "d1");
  EXPECT_EQ(j["duplicates"][0]["copies"], (Json{"d4", "d5"}));
  EXPECT_DOUBLE_EQ(j["duplicates"][0]["similarity"].get<double>(), 0.875);
  EXPECT_EQ(j["date_flags"][0]["implied"], "2017-03");
  EXPECT_TRUE(j["stories"].empty());
  EXPECT_TRUE(j["stories"].is_array());
}

TEST(FusionJson, SameFusionSameBytes) {
  fuse::Fusion f;
  fuse::Timeline t;
  t.place = Place("GN:1", "X");
  f.timelines = {t};
  EXPECT_EQ(FusionJson(f).dump(2), FusionJson(f).dump(2));
}

}  // namespace
}  // namespace sitrep::report
