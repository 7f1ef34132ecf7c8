// Whole-program tests of `events`, `claims`, `explain` and `extract`: the bundled examples/
// are ingested once into a temporary database, then the commands run on it as a user would
// run them (SITREP_BINARY). They need the store to keep records (schema with events and
// claims) and the pipeline's extract stage; `extract` needs Pipeline::Stream.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Json = nlohmann::json;

struct CmdRun {
  int code = -1;
  std::string out, err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path MakeTempDir() {
  std::string tmpl = (fs::temp_directory_path() / "sitrep-records-XXXXXX").string();
  return mkdtemp(tmpl.data());
}

// Runs the binary in `cwd` with `args`, standard input from `stdin_path` (/dev/null when
// empty). SITREP_DB is dropped from the environment so a developer's database never leaks in.
CmdRun Sitrep(const std::vector<std::string>& args, const std::string& cwd,
           const std::string& stdin_path = "") {
  fs::path io = MakeTempDir();
  const std::string out = (io / "out").string(), err = (io / "err").string();
  std::vector<std::string> argv_s = {SITREP_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string kv = *e;
    if (kv.rfind("SITREP_DB=", 0) == 0) continue;
    env_s.push_back(kv);
  }
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.empty() ? "/dev/null" : stdin_path.c_str(),
                                   O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid;
  CmdRun run;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = Slurp(out);
    run.err = Slurp(err);
  } else {
    run.err = "posix_spawn failed";
  }
  fs::remove_all(io);
  return run;
}

Json ParseJson(const CmdRun& run) {
  Json j = Json::parse(run.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << run.out.substr(0, 400) << "\n" << run.err;
  return j;
}

std::vector<std::string> SplitLines(const std::string& s, std::string_view eol = "\n") {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(eol, pos);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(pos, end - pos));
    pos = end + eol.size();
  }
  return out;
}

// RFC 4180 records (quoted fields may hold commas and line breaks).
std::vector<std::vector<std::string>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      ++i;
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const std::string kExamples = std::string(SITREP_SOURCE_DIR) + "/examples";

// One database of the examples for the whole suite.
class RecordsCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(MakeTempDir());
    db_ = new std::string((*dir_ / "examples.db").string());
    CmdRun r = Sitrep({"--db", *db_, "ingest", "--threads", "1", kExamples}, dir_->string());
    ingest_ = new CmdRun(r);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete db_;
    delete ingest_;
  }
  void SetUp() override {
    ASSERT_EQ(ingest_->code, 0) << ingest_->out << ingest_->err;
  }
  CmdRun Cmd(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", *db_});
    return Sitrep(args, dir_->string());
  }
  // The stored events, which the record tests need. Fails (never skips) when there are
  // none: the examples hold control changes, strikes and casualty figures.
  Json Events() {
    CmdRun r = Cmd({"events", "--format", "json"});
    EXPECT_EQ(r.code, 0) << r.err;
    Json j = ParseJson(r);
    EXPECT_TRUE(j.is_array());
    EXPECT_FALSE(j.empty()) << "no events stored from examples/: does the store keep records "
                               "(Store::PutRecords/ListEvents) and does ingest run the extract stage?";
    return j.is_array() ? j : Json::array();
  }
  Json Claims() {
    CmdRun r = Cmd({"claims", "--format", "json"});
    EXPECT_EQ(r.code, 0) << r.err;
    Json j = ParseJson(r);
    EXPECT_TRUE(j.is_array());
    EXPECT_FALSE(j.empty()) << "no claims stored from examples/";
    return j.is_array() ? j : Json::array();
  }

  static fs::path* dir_;
  static std::string* db_;
  static CmdRun* ingest_;
};
fs::path* RecordsCliTest::dir_ = nullptr;
std::string* RecordsCliTest::db_ = nullptr;
CmdRun* RecordsCliTest::ingest_ = nullptr;

std::string Label(const Json& entity) {
  if (entity.is_null()) return "";
  if (entity["name"].is_string()) return entity["name"];
  return entity["text"].is_string() ? entity["text"].get<std::string>() : "";
}

TEST_F(RecordsCliTest, EventsJsonHasTheContractFields) {
  Json events = Events();
  std::set<std::string> types;
  for (const Json& e : events) {
    for (const char* f : {"id", "type", "status", "agent", "target", "place", "date",
                          "date_precision", "doc", "sentence", "start", "end", "rule", "trigger",
                          "instrument", "claimed_by", "reported_by", "quote", "time_source"}) {
      EXPECT_TRUE(e.contains(f)) << f << " missing in " << e.dump();
    }
    EXPECT_THAT(e["id"].get<std::string>(), HasSubstr(":e"));
    EXPECT_LT(e["start"].get<int>(), e["end"].get<int>());
    EXPECT_FALSE(e["quote"].get<std::string>().empty());
    if (!e["place"].is_null() && !e["place"]["lat"].is_null()) {
      EXPECT_TRUE(e["place"]["lon"].is_number());
    }
    types.insert(e["type"]);
  }
  // The examples tell captures and withdrawals.
  EXPECT_TRUE(types.count("control_gained") || types.count("control_lost"))
      << "types: " << ::testing::PrintToString(types);
}

TEST_F(RecordsCliTest, EventOffsetsPointIntoTheStoredSentence) {
  Json events = Events();
  ASSERT_FALSE(events.empty());
  const Json& e = events[0];
  CmdRun show = Cmd({"show", e["doc"], "--format", "json"});
  ASSERT_EQ(show.code, 0) << show.err;
  Json doc = ParseJson(show);
  const Json& s = doc["sentences"][e["sentence"].get<size_t>()];
  EXPECT_LE(s["start"].get<int>(), e["start"].get<int>());
  EXPECT_GE(s["end"].get<int>(), e["end"].get<int>());
  EXPECT_EQ(s["text"], e["quote"]);
  // The trigger is at start-end inside the sentence.
  std::string text = s["text"];
  std::string trigger = text.substr(e["start"].get<int>() - s["start"].get<int>(),
                                    e["end"].get<int>() - e["start"].get<int>());
  EXPECT_EQ(trigger, e["trigger"]);
}

TEST_F(RecordsCliTest, EventFilters) {
  Json all = Events();
  CmdRun typed = Cmd({"events", "--type", "control_gained", "--format", "json"});
  ASSERT_EQ(typed.code, 0) << typed.err;
  for (const Json& e : ParseJson(typed)) EXPECT_EQ(e["type"], "control_gained");

  CmdRun palmyra = Cmd({"events", "--place", "palmyra", "--format", "json"});
  ASSERT_EQ(palmyra.code, 0) << palmyra.err;
  Json p = ParseJson(palmyra);
  EXPECT_FALSE(p.empty()) << "no event placed in Palmyra";
  for (const Json& e : p) {
    std::string place = Lower(Label(e["place"]) + " " + e["place"]["text"].dump());
    EXPECT_THAT(place, HasSubstr("palmyra"));
  }

  CmdRun dated = Cmd({"events", "--since", "2016-01", "--until", "2016-12-31", "--format", "json"});
  ASSERT_EQ(dated.code, 0) << dated.err;
  for (const Json& e : ParseJson(dated)) {
    ASSERT_TRUE(e["date"].is_string());
    EXPECT_EQ(e["date"].get<std::string>().substr(0, 4), "2016") << e.dump();
  }

  CmdRun status = Cmd({"events", "--status", "asserted", "--status", "reported", "--format", "json"});
  ASSERT_EQ(status.code, 0) << status.err;
  for (const Json& e : ParseJson(status)) {
    EXPECT_TRUE(e["status"] == "asserted" || e["status"] == "reported");
  }

  std::string doc = all[0]["doc"];
  CmdRun one = Cmd({"events", "--doc", doc, "--format", "json"});
  ASSERT_EQ(one.code, 0) << one.err;
  Json o = ParseJson(one);
  EXPECT_FALSE(o.empty());
  for (const Json& e : o) EXPECT_EQ(e["doc"], doc);
}

TEST_F(RecordsCliTest, BadFiltersExitWithAMessage) {
  CmdRun r = Cmd({"events", "--since", "March 2016"});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("--since 'March 2016' is not a date"));
  r = Cmd({"events", "--until", "2016-02-30"});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("--until"));
  r = Cmd({"events", "--since", "2017", "--until", "2016-05"});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("before --since"));
  r = Cmd({"events", "--type", "picnic"});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("control_gained"));  // lists the known types
  r = Cmd({"events", "--status", "rumoured"});
  EXPECT_EQ(r.code, 1);
  r = Cmd({"events", "--format", "xml"});
  EXPECT_EQ(r.code, 1);
  r = Cmd({"events", "--doc", "nosuchdocument"});
  EXPECT_EQ(r.code, 2);
}

TEST_F(RecordsCliTest, EventsJsonlAndCsvMatchJson) {
  Json events = Events();
  CmdRun jsonl = Cmd({"events", "--format", "jsonl"});
  ASSERT_EQ(jsonl.code, 0);
  std::vector<std::string> lines = SplitLines(jsonl.out);
  ASSERT_EQ(lines.size(), events.size());
  EXPECT_EQ(Json::parse(lines[0]), events[0]);

  CmdRun csv = Cmd({"events", "--format", "csv"});
  ASSERT_EQ(csv.code, 0);
  auto rows = ParseCsv(csv.out);
  ASSERT_EQ(rows.size(), events.size() + 1);
  EXPECT_EQ(rows[0][0], "id");
  EXPECT_EQ(rows[0].size(), 24u);
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), rows[0].size()) << i;
    EXPECT_EQ(rows[i][0], events[i - 1]["id"]);
    EXPECT_EQ(rows[i].back(), events[i - 1]["quote"]);
  }
}

TEST_F(RecordsCliTest, AcledCsv) {
  Events();
  CmdRun r = Cmd({"events", "--format", "acled"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto rows = ParseCsv(r.out);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0], (std::vector<std::string>{
                         "event_date", "event_type", "sub_event_type", "actor1", "actor2",
                         "location", "latitude", "longitude", "geo_precision", "time_precision",
                         "source", "notes", "fatalities"}));
  EXPECT_GT(rows.size(), 1u) << "no event became an ACLED row: " << r.err;
  const std::set<std::string> acled_types = {"Battles", "Violence against civilians",
                                             "Explosions/Remote violence",
                                             "Strategic developments", "Protests", "Riots"};
  int fatalities = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    ASSERT_EQ(row.size(), 13u);
    EXPECT_EQ(row[0].size(), 10u) << row[0];  // YYYY-MM-DD
    EXPECT_TRUE(acled_types.count(row[1])) << row[1];
    EXPECT_FALSE(row[2].empty());
    EXPECT_TRUE(row[9] == "1" || row[9] == "2" || row[9] == "3") << row[9];
    EXPECT_THAT(row[11], HasSubstr("[sitrep "));
    EXPECT_GE(std::stoi(row[12]), 0);
    fatalities += std::stoi(row[12]);
  }
  // The examples link death tolls ("more than 400 fighters had been killed") to events.
  EXPECT_GT(fatalities, 0);
}

TEST_F(RecordsCliTest, GlobalFormatBeforeTheCommand) {
  Json events = Events();
  CmdRun r = Cmd({"--format", "json", "events"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ParseJson(r), events);
  r = Cmd({"--format", "json", "claims"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(ParseJson(r).is_array());
}

TEST_F(RecordsCliTest, ClaimsJsonAndFilters) {
  Json claims = Claims();
  std::set<std::string> kinds;
  for (const Json& c : claims) {
    for (const char* f : {"id", "kind", "low", "high", "approx", "item", "about", "claimed_by",
                          "reported_by", "place", "date", "event", "doc", "sentence", "start",
                          "end", "modifier", "rule", "quote"}) {
      EXPECT_TRUE(c.contains(f)) << f << " missing in " << c.dump();
    }
    EXPECT_TRUE(c["low"].is_null() || c["low"].is_number());
    EXPECT_TRUE(c["low"].is_number() || c["high"].is_number() || c["acled"].is_number() ||
                c["vague"] == true)
        << c.dump();
    kinds.insert(c["kind"]);
  }
  EXPECT_TRUE(kinds.count("killed")) << ::testing::PrintToString(kinds);

  CmdRun killed = Cmd({"claims", "--kind", "killed", "--format", "json"});
  ASSERT_EQ(killed.code, 0);
  Json k = ParseJson(killed);
  EXPECT_FALSE(k.empty());
  for (const Json& c : k) EXPECT_EQ(c["kind"], "killed");

  CmdRun csv = Cmd({"claims", "--format", "csv"});
  ASSERT_EQ(csv.code, 0);
  auto rows = ParseCsv(csv.out);
  ASSERT_EQ(rows.size(), claims.size() + 1);
  EXPECT_EQ(rows[0].size(), 26u);

  CmdRun table = Cmd({"claims"});
  ASSERT_EQ(table.code, 0);
  EXPECT_THAT(table.out, HasSubstr("CLAIMED BY"));
  EXPECT_THAT(table.out, HasSubstr(claims[0]["id"].get<std::string>()));
}

TEST_F(RecordsCliTest, ClaimedByIsKeptApartFromTheOutlet) {
  Json claims = Claims();
  size_t attributed = 0;
  for (const Json& c : claims) {
    if (c["claimed_by"].is_null()) continue;
    ++attributed;
    if (c["reported_by"].is_string()) {
      EXPECT_NE(Label(c["claimed_by"]), c["reported_by"].get<std::string>()) << c.dump();
    }
  }
  EXPECT_GT(attributed, 0u) << "the examples attribute numbers to named sources";
}

TEST_F(RecordsCliTest, ExplainEvent) {
  Json events = Events();
  ASSERT_FALSE(events.empty());
  std::string id = events[0]["id"];
  CmdRun r = Cmd({"explain", id});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("]{trigger"));
  EXPECT_THAT(r.out, HasSubstr("status"));
  EXPECT_THAT(r.out, HasSubstr(events[0]["rule"].get<std::string>()));

  CmdRun j = Cmd({"explain", id, "--format", "json"});
  ASSERT_EQ(j.code, 0) << j.err;
  Json x = ParseJson(j);
  EXPECT_EQ(x["record"], "event");
  EXPECT_EQ(x["event"], events[0]);
  EXPECT_THAT(x["sentence"]["marked"].get<std::string>(),
              HasSubstr("[" + events[0]["trigger"].get<std::string>() + "]{trigger"));
  EXPECT_FALSE(x["status_why"].get<std::string>().empty());
  EXPECT_FALSE(x["date_from"].get<std::string>().empty());
  EXPECT_EQ(x["parties"].size(), 4u);
}

TEST_F(RecordsCliTest, ExplainClaimAndDocument) {
  Json claims = Claims();
  ASSERT_FALSE(claims.empty());
  std::string id = claims[0]["id"];
  CmdRun r = Cmd({"explain", id, "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  Json x = ParseJson(r);
  EXPECT_EQ(x["record"], "claim");
  EXPECT_EQ(x["claim"], claims[0]);
  EXPECT_THAT(x["sentence"]["marked"].get<std::string>(), HasSubstr("]{claim"));

  std::string doc = claims[0]["doc"];
  CmdRun d = Cmd({"explain", doc, "--format", "json"});
  ASSERT_EQ(d.code, 0) << d.err;
  Json dj = ParseJson(d);
  EXPECT_EQ(dj["document"], doc);
  CmdRun listed = Cmd({"claims", "--doc", doc, "--format", "json"});
  EXPECT_EQ(dj["claims"].size(), ParseJson(listed).size());

  CmdRun text = Cmd({"explain", doc});
  ASSERT_EQ(text.code, 0);
  EXPECT_THAT(text.out, HasSubstr("document " + doc));
}

TEST_F(RecordsCliTest, ExplainUnknownIds) {
  Events();
  CmdRun r = Cmd({"explain", "nosuchdoc:e3"});
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("no event nosuchdoc:e3"));
  Json events = Events();
  ASSERT_FALSE(events.empty());
  r = Cmd({"explain", events[0]["doc"].get<std::string>() + ":e99999"});
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("no event"));
}

// `extract` needs no database and agrees with what ingest stored for dated documents.
TEST_F(RecordsCliTest, ExtractStreamsJsonLines) {
  fs::path cwd = MakeTempDir();
  CmdRun r = Sitrep({"extract"}, cwd.string(), kExamples + "/mixed-feed.jsonl");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(fs::exists(cwd / "sitrep.db"));
  EXPECT_THAT(r.err, HasSubstr("extract: seen 4 = documents 4"));
  std::vector<std::string> lines = SplitLines(r.out);
  ASSERT_FALSE(lines.empty());
  std::string current;
  std::map<std::string, std::vector<std::string>> events_by_doc;
  size_t documents = 0;
  for (const std::string& line : lines) {
    Json j = Json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << line;
    ASSERT_TRUE(j.contains("record"));
    if (j["record"] == "document") {
      ++documents;
      current = j["id"];
      EXPECT_TRUE(j.contains("date"));
      EXPECT_FALSE(j.contains("text"));
    } else {
      ASSERT_FALSE(current.empty()) << "a record before its document";
      EXPECT_EQ(j["doc"], current);
      if (j["record"] == "event") events_by_doc[current].push_back(j["id"]);
    }
  }
  EXPECT_EQ(documents, 4u);
  EXPECT_EQ(Json::parse(lines[0])["record"], "document");

  // Same events as the stored ones for a document dated by its metadata.
  for (const auto& [doc, ids] : events_by_doc) {
    CmdRun stored = Cmd({"events", "--doc", doc, "--format", "json"});
    ASSERT_EQ(stored.code, 0);
    std::vector<std::string> stored_ids;
    for (const Json& e : ParseJson(stored)) stored_ids.push_back(e["id"]);
    std::vector<std::string> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    std::sort(stored_ids.begin(), stored_ids.end());
    EXPECT_EQ(sorted, stored_ids) << doc;
  }
  fs::remove_all(cwd);
}

TEST_F(RecordsCliTest, ExtractRejectsBadLinesAndExits2) {
  fs::path cwd = MakeTempDir();
  std::ofstream(cwd / "in.jsonl") << Slurp(kExamples + "/mixed-feed.jsonl") << "{not json\n";
  CmdRun r = Sitrep({"extract", "--with-text", "--mentions", "in.jsonl"}, cwd.string());
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("rejected in.jsonl:"));
  EXPECT_THAT(r.err, HasSubstr("rejected 1"));
  size_t documents = 0, mentions = 0;
  for (const std::string& line : SplitLines(r.out)) {
    Json j = Json::parse(line);
    if (j["record"] == "document") {
      ++documents;
      EXPECT_TRUE(j["text"].is_string());
    }
    mentions += j["record"] == "mention";
  }
  EXPECT_EQ(documents, 4u);
  EXPECT_GT(mentions, 0u);
  fs::remove_all(cwd);
}

// On the real articles in ../shared/seeds (when present): every event and claim sits inside
// a stored sentence (so never in dropped page furniture), and explain works on each.
TEST(RecordsSeedsTest, RecordsSitInsideSentences) {
  const fs::path seeds = fs::path(SITREP_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!fs::exists(seeds)) GTEST_SKIP() << "no " << seeds;
  fs::path dir = MakeTempDir();
  const std::string db = (dir / "seeds.db").string();
  CmdRun ingest = Sitrep({"--db", db, "ingest", seeds.string()}, dir.string());
  ASSERT_EQ(ingest.code, 0) << ingest.err;
  CmdRun events = Sitrep({"--db", db, "events", "--format", "json"}, dir.string());
  CmdRun claims = Sitrep({"--db", db, "claims", "--format", "json"}, dir.string());
  ASSERT_EQ(events.code, 0);
  ASSERT_EQ(claims.code, 0);
  Json ev = ParseJson(events), cl = ParseJson(claims);
  EXPECT_FALSE(ev.empty());
  EXPECT_FALSE(cl.empty());
  std::map<std::string, Json> docs;
  auto check = [&](const Json& r) {
    std::string doc = r["doc"];
    if (!docs.count(doc)) {
      CmdRun show = Sitrep({"--db", db, "show", doc, "--format", "json"}, dir.string());
      ASSERT_EQ(show.code, 0);
      docs[doc] = ParseJson(show);
    }
    const Json& sentences = docs[doc]["sentences"];
    size_t i = r["sentence"];
    ASSERT_LT(i, sentences.size()) << r.dump();
    EXPECT_LE(sentences[i]["start"].get<int>(), r["start"].get<int>()) << r["id"];
    EXPECT_GE(sentences[i]["end"].get<int>(), r["end"].get<int>()) << r["id"];
    EXPECT_EQ(sentences[i]["text"], r["quote"]) << r["id"];
  };
  for (const Json& e : ev) check(e);
  for (const Json& c : cl) check(c);
  for (const Json& r : {ev[0], cl[0]}) {
    CmdRun x = Sitrep({"--db", db, "explain", r["id"]}, dir.string());
    EXPECT_EQ(x.code, 0) << x.err;
  }
  fs::remove_all(dir);
}

}  // namespace
