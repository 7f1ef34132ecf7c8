#include "report/records_json.h"

#include <fstream>
#include <set>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sitrep::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

EntityRef Actor(std::string text, std::string id, std::string name) {
  EntityRef e;
  e.text = std::move(text);
  e.id = std::move(id);
  e.name = std::move(name);
  e.kind = "actor";
  e.how = "lexicon";
  e.span = {0, static_cast<uint32_t>(e.text.size())};
  return e;
}

EntityRef Town(std::string name, double lat, double lon) {
  EntityRef e;
  e.text = name;
  e.name = name;
  e.id = "GN:1";
  e.kind = "place";
  e.country = "ZZ";
  e.has_position = true;
  e.lat = lat;
  e.lon = lon;
  e.precision = 1;
  e.how = "gazetteer";
  e.span = {40, static_cast<uint32_t>(40 + name.size())};
  return e;
}

EventRecord Capture() {
  EventRecord e;
  e.id = "d1:e0";
  e.document = "d1";
  e.sentence = 2;
  e.span = {20, 28};
  e.trigger = "captured";
  e.type = "control_gained";
  e.status = "asserted";
  e.frame = "verb";
  e.rule = "verb active";
  e.agent = Actor("the army", "forces:ZZ", "Zedland Armed Forces");
  e.place = Town("Northtown", 12.5, 44.25);
  e.target = e.place;
  e.date = "2020-05-04";
  e.date_precision = DatePrecision::kDay;
  e.timex = "2020-05-04";
  e.time_span = {60, 70};
  e.time_source = "sentence";
  e.reported_by = "Daily Example";
  e.quote = "On Monday the army captured Northtown, the ministry said.";
  return e;
}

ClaimRecord Killed(std::string id, std::string event, double low, double high, double acled,
                   std::string about) {
  ClaimRecord c;
  c.id = std::move(id);
  c.document = "d1";
  c.sentence = 2;
  c.span = {80, 95};
  c.number = {89, 91};
  c.kind = "killed";
  c.item = "fighters";
  c.low = low;
  c.high = high;
  c.acled = acled;
  c.event = std::move(event);
  if (!about.empty()) c.about = Actor(about, "", "");
  c.rule = "count noun";
  c.quote = "It said 40 fighters were killed.";
  return c;
}

TEST(EntityJsonTest, EmptyIsNull) { EXPECT_TRUE(EntityJson(EntityRef{}).is_null()); }

TEST(EntityJsonTest, PlaceHasPosition) {
  Json j = EntityJson(Town("Northtown", 12.5, 44.25));
  EXPECT_EQ(j["name"], "Northtown");
  EXPECT_EQ(j["lat"], 12.5);
  EXPECT_EQ(j["lon"], 44.25);
  EXPECT_EQ(j["precision"], 1);
  EXPECT_EQ(j["start"], 40);
  EXPECT_EQ(j["end"], 49);
}

TEST(EntityJsonTest, UnresolvedTextHasNulls) {
  EntityRef e;
  e.text = "a military source";
  Json j = EntityJson(e);
  EXPECT_EQ(j["text"], "a military source");
  EXPECT_TRUE(j["id"].is_null());
  EXPECT_TRUE(j["lat"].is_null());
  EXPECT_TRUE(j["precision"].is_null());
  EXPECT_TRUE(j["start"].is_null());  // no span in the text
}

TEST(EventJsonTest, FieldsInContractOrder) {
  Json j = EventJson(Capture());
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  std::vector<std::string> contract = {"id",   "type",     "status", "agent", "target",
                                       "place", "date",    "date_precision", "doc",
                                       "sentence", "start", "end",   "rule"};
  ASSERT_GE(keys.size(), contract.size());
  EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + contract.size()), contract);
  for (const char* extra : {"trigger", "instrument", "claimed_by", "reported_by", "quote",
                            "time_source", "timex", "frame"}) {
    EXPECT_TRUE(j.contains(extra)) << extra;
  }
  EXPECT_EQ(j["place"]["lat"], 12.5);
  EXPECT_EQ(j["start"], 20);
  EXPECT_EQ(j["end"], 28);
  EXPECT_EQ(j["time_start"], 60);
  EXPECT_TRUE(j["instrument"].is_null());
  EXPECT_TRUE(j["claimed_by"].is_null());
  EXPECT_EQ(j["date_precision"], "day");
}

TEST(EventJsonTest, DocumentDateHasNoTimeSpan) {
  EventRecord e = Capture();
  e.time_span = {};
  e.time_source = "document date";
  Json j = EventJson(e);
  EXPECT_TRUE(j["time_start"].is_null());
  EXPECT_EQ(j["time_source"], "document date");
}

TEST(ClaimJsonTest, OpenBoundsAreNullAndWholeNumbersIntegers) {
  ClaimRecord c = Killed("d1:c0", "d1:e0", 120, -1, -1, "");
  c.modifier = "at least";
  c.effect = "at_least";
  Json j = ClaimJson(c);
  EXPECT_TRUE(j["low"].is_number_integer());
  EXPECT_EQ(j["low"], 120);
  EXPECT_TRUE(j["high"].is_null());
  EXPECT_TRUE(j["acled"].is_null());
  EXPECT_EQ(j["modifier"], "at least");
  EXPECT_EQ(j["event"], "d1:e0");
  EXPECT_TRUE(j["about"].is_null());
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  for (const char* f : {"id", "kind", "low", "high", "approx", "item", "about", "claimed_by",
                        "reported_by", "place", "date", "event", "doc", "sentence", "start",
                        "end", "modifier", "rule", "quote"}) {
    EXPECT_TRUE(j.contains(f)) << f;
  }
}

TEST(ClaimJsonTest, FractionStaysFractional) {
  ClaimRecord c = Killed("d1:c0", "", 40.5, 40.5, -1, "");
  c.kind = "territory_share";
  EXPECT_EQ(ClaimJson(c)["low"], 40.5);
}

TEST(CsvTest, FieldQuoting) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\r"), "\"cr\r\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
  EXPECT_EQ(CsvField("Ünïcødé"), "Ünïcødé");
}

TEST(CsvTest, Figures) {
  EXPECT_EQ(CsvFigure(-1), "");
  EXPECT_EQ(CsvFigure(4000), "4000");
  EXPECT_EQ(CsvFigure(40.5), "40.5");
}

TEST(CsvTest, EventsCsvHeaderAndRow) {
  std::ostringstream out;
  WriteEventsCsv(out, {Capture()});
  std::string s = out.str();
  std::string header = s.substr(0, s.find("\r\n"));
  EXPECT_EQ(header,
            "id,type,status,agent,agent_id,target,target_id,place,place_id,latitude,longitude,"
            "date,date_precision,doc,sentence,start,end,rule,trigger,instrument,time_source,"
            "claimed_by,reported_by,quote");
  EXPECT_THAT(s, HasSubstr("d1:e0,control_gained,asserted,Zedland Armed Forces,forces:ZZ,"));
  EXPECT_THAT(s, HasSubstr(",12.5,44.25,2020-05-04,day,d1,2,20,28,verb active,captured,,"));
  // The quote holds a comma: quoted.
  EXPECT_THAT(s, HasSubstr("\"On Monday the army captured Northtown, the ministry said.\"\r\n"));
}

TEST(CsvTest, ClaimsCsvRowHasAsManyFieldsAsHeader) {
  std::ostringstream out;
  WriteClaimsCsv(out, {Killed("d1:c0", "d1:e0", 120, -1, -1, "rebels")});
  std::string s = out.str();
  size_t eol = s.find("\r\n");
  std::string header = s.substr(0, eol);
  std::string row = s.substr(eol + 2);
  EXPECT_EQ(std::count(header.begin(), header.end(), ','), 25);
  EXPECT_EQ(std::count(row.begin(), row.end(), ','), 25);  // the quote has no comma
  EXPECT_THAT(row, HasSubstr("d1:c0,killed,120,,false,,"));
}

AcledMapping Mapping() {
  AcledMapping m;
  m.Add("control_gained", "Battles|Strategic developments",
        "Government regains territory|Non-state actor overtakes territory");
  m.Add("control_lost", "Battles|Strategic developments",
        "Non-state actor overtakes territory|Government regains territory");
  m.Add("air_strike", "Explosions/Remote violence", "Air/drone strike");
  m.Add("bombing", "Explosions/Remote violence", "Suicide bomb|Remote explosive/landmine/IED");
  m.Add("killing", "Violence against civilians|Battles", "Attack|Armed clash");
  m.Add("looting", "Strategic developments|Violence against civilians",
        "Looting/property destruction");
  return m;
}

TEST(AcledTest, TerritoryByWhoGains) {
  AcledMapping m = Mapping();
  EventRecord e = Capture();  // the army (forces:ZZ) captured
  EXPECT_EQ(AcledTypeOf(e, m),
            std::make_pair(std::string("Battles"), std::string("Government regains territory")));
  e.agent = Actor("the rebels", "rebels-zz", "Zedland Rebels");
  EXPECT_EQ(AcledTypeOf(e, m).second, "Non-state actor overtakes territory");
  m.state_actors.insert("rebels-zz");  // the data says it is a state's
  EXPECT_EQ(AcledTypeOf(e, m).second, "Government regains territory");

  EventRecord lost = Capture();
  lost.type = "control_lost";
  lost.agent = Actor("the army", "forces:ZZ", "Zedland Armed Forces");  // the army lost it
  EXPECT_EQ(AcledTypeOf(lost, m).second, "Non-state actor overtakes territory");
  lost.agent = Actor("the rebels", "rebels-zz2", "Zedland Rebels");
  EXPECT_EQ(AcledTypeOf(lost, m).second, "Government regains territory");
}

TEST(AcledTest, OtherChoices) {
  AcledMapping m = Mapping();
  EventRecord e = Capture();
  e.type = "bombing";
  e.trigger = "car bomb";
  e.quote = "A car bomb went off.";
  EXPECT_EQ(AcledTypeOf(e, m).second, "Remote explosive/landmine/IED");
  e.trigger = "suicide bomber";
  EXPECT_EQ(AcledTypeOf(e, m).second, "Suicide bomb");

  e.type = "killing";
  e.target = EntityRef{};
  EXPECT_EQ(AcledTypeOf(e, m),
            std::make_pair(std::string("Violence against civilians"), std::string("Attack")));
  e.target = Actor("the rebels", "rebels-zz", "Zedland Rebels");
  EXPECT_EQ(AcledTypeOf(e, m), std::make_pair(std::string("Battles"), std::string("Armed clash")));

  e.type = "looting";
  EXPECT_EQ(AcledTypeOf(e, m).first, "Strategic developments");
  e.type = "not_a_type";
  EXPECT_EQ(AcledTypeOf(e, m).first, "");
}

TEST(AcledTest, FatalitiesConservativePerPartySummedAcrossParties) {
  std::vector<ClaimRecord> claims = {
      Killed("d1:c0", "d1:e0", 30, 30, -1, "rebels"),
      Killed("d1:c1", "d1:e0", 10, 10, -1, "rebels"),   // another claimant: keep the smaller
      Killed("d1:c2", "d1:e0", 24, 99, 12, "soldiers"),  // "dozens": ACLED's 12
      Killed("d1:c3", "d1:e1", 500, 500, -1, "rebels"),  // another event
  };
  ClaimRecord wounded = Killed("d1:c4", "d1:e0", 7, 7, -1, "rebels");
  wounded.kind = "wounded";
  claims.push_back(wounded);
  ClaimRecord open = Killed("d1:c5", "d1:e0", -1, 64, -1, "civilians");  // "as many as 64"
  claims.push_back(open);
  EXPECT_EQ(AcledFatalities("d1:e0", claims), 22);
  EXPECT_EQ(AcledFatalities("d1:e1", claims), 500);
  EXPECT_EQ(AcledFatalities("d1:e9", claims), 0);
  EXPECT_EQ(AcledFatalities("", claims), 0);
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t eol = s.find("\r\n", pos);
    out.push_back(s.substr(pos, eol - pos));
    pos = eol + 2;
  }
  return out;
}

TEST(AcledTest, CsvRowsAndWhatIsLeftOut) {
  AcledMapping m = Mapping();
  EventRecord day = Capture();
  EventRecord month = Capture();
  month.id = "d1:e1";
  month.date = "2020-05";
  month.date_precision = DatePrecision::kMonth;
  month.claimed_by = Actor("the ministry", "gov:ZZ", "Zedland Government");
  EventRecord year = Capture();
  year.id = "d1:e2";
  year.date = "2020";
  year.date_precision = DatePrecision::kYear;
  EventRecord planned = Capture();
  planned.id = "d1:e3";
  planned.status = "planned";
  EventRecord untyped = Capture();
  untyped.id = "d1:e4";
  untyped.type = "something_else";
  std::vector<ClaimRecord> claims = {Killed("d1:c0", "d1:e0", 40, 40, -1, "rebels")};

  std::ostringstream out;
  AcledSummary sum = WriteAcledCsv(out, {day, month, year, planned, untyped}, claims, m);
  EXPECT_EQ(sum.written, 2u);
  EXPECT_EQ(sum.undated, 1u);
  EXPECT_EQ(sum.not_occurred, 1u);
  EXPECT_EQ(sum.untyped, 1u);
  std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "event_date,event_type,sub_event_type,actor1,actor2,location,latitude,longitude,"
            "geo_precision,time_precision,source,notes,fatalities");
  EXPECT_EQ(lines[1],
            "2020-05-04,Battles,Government regains territory,Zedland Armed Forces,,Northtown,"
            "12.5,44.25,1,1,Daily Example,\"On Monday the army captured Northtown, the ministry "
            "said. [sitrep d1:e0, asserted]\",40");
  EXPECT_THAT(lines[2], HasSubstr("2020-05-15,Battles,"));
  EXPECT_THAT(lines[2], HasSubstr(",1,3,Daily Example; Zedland Government,"));
  EXPECT_THAT(lines[2], ::testing::EndsWith(",0"));
}

TEST(AcledTest, WeekDatesAreTheirThursday) {
  AcledMapping m = Mapping();
  std::vector<EventRecord> events;
  for (auto [timex, month] : std::vector<std::pair<std::string, std::string>>{
           {"2016-W12", "2016-03"},    // Mon 21 .. Sun 27 March 2016
           {"2015-W01", "2015-01"},    // Mon 29 Dec 2014 .. Sun 4 Jan 2015
           {"2020-W53", "2020-12"}}) { // Mon 28 Dec 2020 .. Sun 3 Jan 2021
    EventRecord e = Capture();
    e.timex = timex;
    e.date = month;
    e.date_precision = DatePrecision::kMonth;
    events.push_back(e);
  }
  std::ostringstream out;
  EXPECT_EQ(WriteAcledCsv(out, events, {}, m).written, 3u);
  std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_THAT(lines[1], ::testing::StartsWith("2016-03-24,"));
  EXPECT_THAT(lines[2], ::testing::StartsWith("2015-01-01,"));
  EXPECT_THAT(lines[3], ::testing::StartsWith("2020-12-31,"));
  for (int i = 1; i <= 3; ++i) EXPECT_THAT(lines[i], HasSubstr(",1,2,Daily Example,"));
}

TEST(AcledTest, StateActorsFromMentions) {
  AcledMapping m;
  MentionRecord a;
  a.entity = Actor("the guard", "national-guard-zz", "National Guard");
  a.type = "state armed forces";
  MentionRecord b;
  b.entity = Actor("the rebels", "rebels-zz", "Zedland Rebels");
  b.type = "non-state armed group";
  AddStateActors({a, b}, m);
  EXPECT_THAT(m.state_actors, ElementsAre("national-guard-zz"));
  EXPECT_TRUE(m.IsState(a.entity));
  EXPECT_FALSE(m.IsState(b.entity));
  EXPECT_TRUE(m.IsState(Actor("x", "gov:QQ", "")));
}

TEST(MentionJsonTest, Fields) {
  MentionRecord r;
  r.id = "d1:m3";
  r.document = "d1";
  r.sentence = UINT32_MAX;
  r.entity = Town("Northtown", 1, 2);
  r.type = "populated";
  Json j = MentionJson(r);
  EXPECT_EQ(j["id"], "d1:m3");
  EXPECT_TRUE(j["sentence"].is_null());
  EXPECT_EQ(j["kind"], "place");
  EXPECT_EQ(j["entity"]["name"], "Northtown");
  EXPECT_TRUE(j["refers_to"].is_null());
}

// ---- table-driven cases (tests/data/report/) ----------------------------------------

const std::string kRoot = SITREP_SOURCE_DIR;

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t pos = 0;
    while (true) {
      size_t tab = line.find('\t', pos);
      cols.push_back(line.substr(pos, tab - pos));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    rows.push_back(cols);
  }
  return rows;
}

std::string Unescape(const std::string& s) {
  if (s == "<empty>") return "";
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char c = s[++i];
      out += c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
    } else {
      out += s[i];
    }
  }
  return out;
}

TEST(CsvTableTest, Fields) {
  auto rows = ReadTsv(kRoot + "/tests/data/report/csv_fields.tsv");
  ASSERT_GE(rows.size(), 10u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 2u) << ::testing::PrintToString(r);
    EXPECT_EQ(CsvField(Unescape(r[0])), Unescape(r[1])) << r[0];
  }
}

// The mapping as the cli builds it, from the ontology file itself.
AcledMapping OntologyMapping(std::set<std::string>* types) {
  AcledMapping m;
  for (const auto& r : ReadTsv(kRoot + "/data/extract/ontology.tsv")) {
    if (r.size() < 4) continue;
    m.Add(r[0], r[2], r[3]);
    types->insert(r[0]);
  }
  return m;
}

TEST(AcledTableTest, OntologyTypesMapAsExpected) {
  std::set<std::string> types, covered;
  AcledMapping m = OntologyMapping(&types);
  ASSERT_FALSE(types.empty());
  auto rows = ReadTsv(kRoot + "/tests/data/report/acled_types.tsv");
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 6u) << ::testing::PrintToString(r);
    EventRecord e;
    e.id = "d:e0";
    e.type = r[0];
    if (r[1] != "-") e.agent = Actor(r[1], r[1], r[1]);
    if (r[2] != "-") {
      size_t colon = r[2].find(':');
      e.target = Actor(r[2].substr(colon + 1), r[2].substr(colon + 1), "");
      e.target.kind = r[2].substr(0, colon);
    }
    e.trigger = r[3];
    e.quote = "Something " + r[3] + " somewhere.";
    EXPECT_EQ(AcledTypeOf(e, m), std::make_pair(r[4], r[5])) << ::testing::PrintToString(r);
    covered.insert(r[0]);
  }
  // A new event type needs a case here (and a look at its ACLED mapping).
  for (const std::string& t : types) {
    EXPECT_TRUE(covered.count(t)) << "no case for type " << t << " in acled_types.tsv";
  }
}

}  // namespace
}  // namespace sitrep::report
