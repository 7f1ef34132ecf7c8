// Whole-program tests: run build/sitrep (SITREP_BINARY) as a user would, each test in its
// own temporary folder and database, and check exit codes, the accounting line and the
// JSON output. They need every stage the binary links (ingest, text, ...).
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sitrep/version.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

struct Outcome {
  int code = -1;
  std::string out, err;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

// A temporary folder for one test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "sitrep-e2e-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

struct RunOptions {
  std::string cwd;    // working directory; the test's own when empty
  std::string stdin;  // file to read standard input from; /dev/null when empty
  std::map<std::string, std::string> env;  // added to (or replacing) the environment
};

// Runs the sitrep binary with `args`. SITREP_DB is removed from the environment unless
// `options.env` sets it, so a developer's own database never leaks in.
Outcome Sitrep(const std::vector<std::string>& args, const RunOptions& options = {}) {
  TempDir io;
  const std::string out = io / "out", err = io / "err";
  std::vector<std::string> argv_s = {SITREP_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_s;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string kv = *e;
    std::string key = kv.substr(0, kv.find('='));
    if (key == "SITREP_DB" || options.env.count(key)) continue;
    env_s.push_back(kv);
  }
  for (const auto& [k, v] : options.env) env_s.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0,
                                   options.stdin.empty() ? "/dev/null" : options.stdin.c_str(),
                                   O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (!options.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());
  pid_t pid;
  Outcome run;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    run.err = "posix_spawn failed: " + std::to_string(rc);
    return run;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = ReadAll(out);
  run.err = ReadAll(err);
  return run;
}

// Parses stdout as JSON; fails the test (and returns null) when it is not.
Json ParseJson(const Outcome& run) {
  Json j = Json::parse(run.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON:\n" << run.out << "\nstderr:\n" << run.err;
  return j.is_discarded() ? Json() : j;
}

std::string Describe(const Outcome& r) {
  return "exit " + std::to_string(r.code) + "\nstdout:\n" + r.out + "\nstderr:\n" + r.err;
}

// A folder of mixed inputs: 4 documents and 3 rejections.
//   report.txt   plain text                        -> document
//   page.html    HTML with navigation              -> document
//   feed.jsonl   two good records, one broken line -> 2 documents, 1 rejection
//   empty.txt    nothing                           -> rejection
//   blob.bin     binary                            -> rejection
void WriteMixedInputs(const fs::path& dir) {
  WriteFile(dir / "report.txt",
            "Ceasefire collapses in the river district\n"
            "\n"
            "Heavy artillery fire resumed overnight along the river, residents said on "
            "Wednesday. At least three villages were shelled.\n"
            "\n"
            "A spokesman for the local council said the truce had lasted less than a day.\n");
  WriteFile(dir / "page.html",
            "<!DOCTYPE html><html><head><title>Airport reopens after weeks of fighting</title>"
            "</head><body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a>"
            "</li></ul></nav><article><h1>Airport reopens after weeks of fighting</h1>"
            "<p>The regional airport reopened to civilian flights on Monday, officials said.</p>"
            "<p>Engineers had repaired the damaged runway over the weekend.</p></article>"
            "<footer>Copyright Example Media</footer></body></html>\n");
  WriteFile(dir / "feed.jsonl",
            "{\"id\": \"feed-0001\", \"title\": \"Bridge destroyed\", \"url\": "
            "\"https://news.example/1\", \"published\": \"2021-05-04\", \"text\": \"A bridge "
            "over the canal was destroyed on Tuesday. Both sides blamed each other.\"}\n"
            "{\"id\": \"feed-0002\", \"title\": \"Talks resume\", \"text\": \"Negotiators met "
            "again in the capital on Thursday. No agreement was announced.\"\n"
            "{\"id\": \"feed-0003\", \"title\": \"Curfew lifted\", \"text\": \"The night curfew "
            "in the northern city was lifted after two weeks. Shops reopened.\"}\n");
  WriteFile(dir / "empty.txt", "");
  std::string binary;
  for (int i = 0; i < 512; ++i) binary += static_cast<char>((i * 37) % 256);
  WriteFile(dir / "blob.bin", binary);
}

TEST(CliTest, HelpAndVersion) {
  Outcome help = Sitrep({"--help"});
  EXPECT_EQ(help.code, 0) << Describe(help);
  for (const char* command : {"ingest", "docs", "show", "demo"}) {
    EXPECT_THAT(help.out, HasSubstr(command));
  }
  Outcome version = Sitrep({"--version"});
  EXPECT_EQ(version.code, 0);
  EXPECT_THAT(version.out, HasSubstr(SITREP_VERSION));
  Outcome ingest_help = Sitrep({"ingest", "--help"});
  EXPECT_EQ(ingest_help.code, 0);
  EXPECT_THAT(ingest_help.out, HasSubstr("PATH"));
}

TEST(CliTest, UsageErrorsExitOne) {
  Outcome unknown = Sitrep({"frobnicate"});
  EXPECT_EQ(unknown.code, 1) << Describe(unknown);
  EXPECT_THAT(unknown.err, HasSubstr("frobnicate"));
  EXPECT_THAT(unknown.err, HasSubstr("--help"));
  EXPECT_EQ(Sitrep({}).code, 1);
  EXPECT_EQ(Sitrep({"ingest"}).code, 1) << "a path is required";
  EXPECT_EQ(Sitrep({"docs", "--format", "xml"}).code, 1);
  EXPECT_EQ(Sitrep({"docs", "--no-such-flag"}).code, 1);
}

TEST(CliTest, ReadCommandsWithoutDatabase) {
  TempDir dir;
  Outcome docs = Sitrep({"--db", dir / "none.db", "docs"});
  EXPECT_EQ(docs.code, 2) << Describe(docs);
  EXPECT_THAT(docs.err, HasSubstr("sitrep ingest"));
  EXPECT_FALSE(fs::exists(dir / "none.db")) << "reading must not create a database";
}

TEST(CliTest, IngestMixedInputsThenAgain) {
  TempDir dir;
  WriteMixedInputs(dir.path() / "in");
  const std::string db = dir / "s.db";
  Outcome first = Sitrep({"ingest", dir / "in", "--db", db});
  EXPECT_EQ(first.code, 2) << Describe(first);
  EXPECT_THAT(first.out, HasSubstr("ingest: seen 7 = stored 4 + duplicates 0 + rejected 3"));
  EXPECT_THAT(first.err, HasSubstr("empty.txt"));
  EXPECT_THAT(first.err, HasSubstr("blob.bin"));
  EXPECT_THAT(first.err, HasSubstr("feed.jsonl"));
  EXPECT_THAT(first.err, Not(HasSubstr("report.txt")));

  Outcome again = Sitrep({"ingest", dir / "in", "--db", db});
  EXPECT_EQ(again.code, 2) << Describe(again);
  EXPECT_THAT(again.out, HasSubstr("ingest: seen 7 = stored 0 + duplicates 4 + rejected 3"));

  Outcome rejections = Sitrep({"--db", db, "rejections", "--format", "json"});
  ASSERT_EQ(rejections.code, 0) << Describe(rejections);
  Json r = ParseJson(rejections);
  ASSERT_TRUE(r.is_array());
  EXPECT_EQ(r.size(), 6u) << "three per run";
  for (const Json& row : r) {
    EXPECT_TRUE(row["source"].is_string());
    EXPECT_FALSE(row["reason"].get<std::string>().empty());
  }
}

TEST(CliTest, IngestJsonSummaryAccountsForEverything) {
  TempDir dir;
  WriteMixedInputs(dir.path() / "in");
  Outcome run = Sitrep({"ingest", dir / "in", "--format", "json", "--db", dir / "s.db"});
  EXPECT_EQ(run.code, 2) << Describe(run);
  Json j = ParseJson(run);
  ASSERT_TRUE(j.is_object());
  for (const char* field : {"seen", "stored", "duplicates", "rejected", "bytes", "seconds",
                            "rejections", "duplicate_ids", "timings", "db"}) {
    EXPECT_TRUE(j.contains(field)) << field;
  }
  EXPECT_EQ(j["seen"].get<int>(),
            j["stored"].get<int>() + j["duplicates"].get<int>() + j["rejected"].get<int>());
  EXPECT_EQ(j["rejections"].size(), j["rejected"].get<size_t>());
  EXPECT_GT(j["bytes"].get<int>(), 0);
}

TEST(CliTest, DocsAndShow) {
  TempDir dir;
  WriteMixedInputs(dir.path() / "in");
  const std::string db = dir / "s.db";
  ASSERT_EQ(Sitrep({"ingest", dir / "in", "--db", db}).code, 2);

  Outcome docs = Sitrep({"docs", "--db", db, "--format", "json"});
  ASSERT_EQ(docs.code, 0) << Describe(docs);
  Json list = ParseJson(docs);
  ASSERT_TRUE(list.is_array());
  ASSERT_EQ(list.size(), 4u);
  for (const Json& d : list) {
    for (const char* field :
         {"id", "source", "title", "outlet", "published", "chars", "sentences", "dropped_lines",
          "date", "date_precision", "date_source", "date_confidence", "date_evidence",
          "date_conflicts"}) {
      EXPECT_TRUE(d.contains(field)) << field << " in " << d.dump();
    }
    EXPECT_TRUE(d["published"].is_null() || d["published"].is_string());
    EXPECT_TRUE(d["date_conflicts"].is_array());
    EXPECT_GT(d["sentences"].get<int>(), 0) << d.dump();
    EXPECT_GT(d["chars"].get<int>(), 0) << d.dump();
  }
  bool found_feed = false;
  for (const Json& d : list) {
    if (d["id"] == "feed-0001") {
      found_feed = true;
      EXPECT_EQ(d["published"], "2021-05-04");
    }
  }
  EXPECT_TRUE(found_feed) << "a JSON Lines record keeps its given id";

  Outcome table = Sitrep({"--db", db, "docs"});
  ASSERT_EQ(table.code, 0);
  EXPECT_THAT(table.out, HasSubstr("4 documents"));

  // show by a unique prefix of a content-hash id.
  std::string id;
  for (const Json& d : list) {
    if (d["source"].get<std::string>().find("report.txt") != std::string::npos) id = d["id"];
  }
  ASSERT_FALSE(id.empty());
  Outcome show = Sitrep({"--db", db, "show", id.substr(0, 8), "--format", "json"});
  ASSERT_EQ(show.code, 0) << Describe(show);
  Json doc = ParseJson(show);
  EXPECT_EQ(doc["id"], id);
  EXPECT_THAT(doc["text"].get<std::string>(), HasSubstr("artillery"));
  ASSERT_TRUE(doc["sentences"].is_array());
  EXPECT_GE(doc["sentences"].size(), 3u);
  uint64_t previous_end = 0;
  for (const Json& s : doc["sentences"]) {
    EXPECT_LE(previous_end, s["start"].get<uint64_t>());
    EXPECT_LT(s["start"].get<uint64_t>(), s["end"].get<uint64_t>());
    EXPECT_EQ(s["text"].get<std::string>().size(), s["end"].get<uint64_t>() - s["start"].get<uint64_t>());
    previous_end = s["end"];
  }
  EXPECT_TRUE(doc["dropped"].is_array());
  EXPECT_TRUE(doc["captions"].is_array());

  Outcome show_table = Sitrep({"--db", db, "show", id});
  EXPECT_EQ(show_table.code, 0);
  EXPECT_THAT(show_table.out, HasSubstr(id));

  Outcome unknown = Sitrep({"--db", db, "show", "nosuchid"});
  EXPECT_EQ(unknown.code, 2) << Describe(unknown);
  EXPECT_THAT(unknown.err, HasSubstr("nosuchid"));
}

TEST(CliTest, DatabaseFromEnvironment) {
  TempDir dir;
  WriteMixedInputs(dir.path() / "in");
  RunOptions options;
  options.env["SITREP_DB"] = dir / "env.db";
  EXPECT_EQ(Sitrep({"ingest", dir / "in" + std::string("/report.txt")}, options).code, 0);
  EXPECT_TRUE(fs::exists(dir / "env.db"));
  Outcome docs = Sitrep({"docs", "--format", "json"}, options);
  ASSERT_EQ(docs.code, 0) << Describe(docs);
  EXPECT_EQ(ParseJson(docs).size(), 1u);
}

TEST(CliTest, IngestFromStdin) {
  TempDir dir;
  WriteFile(dir.path() / "piped.txt",
            "Drone strike hits fuel depot\n\nA drone struck a fuel depot near the border early "
            "on Sunday, the regional governor said.\n");
  RunOptions options;
  options.stdin = dir / "piped.txt";
  Outcome run = Sitrep({"--db", dir / "s.db", "ingest", "-"}, options);
  EXPECT_EQ(run.code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("stored 1"));
  Outcome docs = Sitrep({"--db", dir / "s.db", "docs", "--format", "json"});
  Json list = ParseJson(docs);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["source"], "-");
}

// Regression: `mentions -` took "-" for a document id; standard input must go through
// ingest so a binary stream is refused with ingest's reason.
TEST(CliTest, MentionsReadsStandardInput) {
  TempDir dir;
  WriteFile(dir.path() / "piped.txt",
            "Russian jets struck Idlib on Tuesday, the Syrian Observatory said.\n");
  WriteFile(dir.path() / "image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  RunOptions options;
  options.stdin = dir / "piped.txt";
  Outcome run = Sitrep({"mentions", "-", "--format", "json"}, options);
  ASSERT_EQ(run.code, 0) << Describe(run);
  Json got = ParseJson(run);
  bool idlib = false;
  for (const Json& m : got["mentions"]) idlib = idlib || m["text"] == "Idlib";
  EXPECT_TRUE(idlib) << run.out;
  options.stdin = dir / "image.png";
  Outcome bad = Sitrep({"mentions", "-"}, options);
  EXPECT_EQ(bad.code, 2) << Describe(bad);
  EXPECT_THAT(bad.err, HasSubstr("binary"));
}

// Files of the bundled corpus (README files excluded) and how many documents each holds.
std::vector<std::pair<std::string, size_t>> ExampleFiles() {
  std::vector<std::pair<std::string, size_t>> files;
  const fs::path dir = SITREP_SOURCE_DIR "/examples";
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    if (name.rfind("README", 0) == 0 || name[0] == '.') continue;
    size_t docs = 1;
    if (entry.path().extension() == ".jsonl") {
      docs = 0;
      std::ifstream in(entry.path());
      for (std::string line; std::getline(in, line);) {
        docs += line.find_first_not_of(" \t\r") != std::string::npos;
      }
    }
    files.emplace_back(entry.path().string(), docs);
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(EndToEndTest, ExamplesAllBecomeDocuments) {
  auto files = ExampleFiles();
  if (files.empty()) GTEST_SKIP() << "examples/ has no files yet";
  TempDir dir;
  std::vector<std::string> args = {"--db", dir / "ex.db", "ingest", "--format", "json"};
  size_t expected = 0;
  for (const auto& [path, docs] : files) {
    args.push_back(path);
    expected += docs;
  }
  Outcome run = Sitrep(args);
  EXPECT_EQ(run.code, 0) << Describe(run);
  Json j = ParseJson(run);
  EXPECT_EQ(j["rejected"], 0) << j["rejections"].dump(2);
  EXPECT_EQ(j["stored"].get<size_t>(), expected);

  Json list = ParseJson(Sitrep({"--db", dir / "ex.db", "docs", "--format", "json"}));
  ASSERT_EQ(list.size(), expected);
  for (const auto& [path, docs] : files) {
    size_t found = 0;
    for (const Json& d : list) {
      found += d["source"].get<std::string>().rfind(path, 0) == 0;  // "path" or "path:LINE"
    }
    EXPECT_EQ(found, docs) << path;
  }
  for (const Json& d : list) {
    EXPECT_GT(d["sentences"].get<int>(), 0) << d["source"];
  }
}

TEST(EndToEndTest, DemoRecreatesItsDatabase) {
  if (ExampleFiles().empty()) GTEST_SKIP() << "examples/ has no files yet";
  TempDir dir;
  RunOptions options;
  options.cwd = dir.path().string();
  options.env["SITREP_HOME"] = SITREP_SOURCE_DIR;
  Outcome first = Sitrep({"demo"}, options);
  EXPECT_EQ(first.code, 0) << Describe(first);
  EXPECT_TRUE(fs::exists(dir / "demo.db"));
  EXPECT_THAT(first.out, HasSubstr("duplicates 0 + rejected 0"));
  EXPECT_THAT(first.out, HasSubstr("documents"));
  Outcome second = Sitrep({"demo", "--format", "json"}, options);
  EXPECT_EQ(second.code, 0) << Describe(second);
  Json j = ParseJson(second);
  EXPECT_EQ(j["ingest"]["duplicates"], 0) << "a fresh database every run";
  EXPECT_EQ(j["documents"].size(), j["ingest"]["stored"].get<size_t>());

  WriteFile(dir.path() / "demo.db", "my notes, not a database\n");
  Outcome refused = Sitrep({"demo"}, options);
  EXPECT_EQ(refused.code, 2) << Describe(refused);
  EXPECT_EQ(ReadAll(dir / "demo.db"), "my notes, not a database\n") << "left alone";
}

TEST(EndToEndTest, SeedArticlesAreStored) {
  const fs::path seeds = SITREP_SOURCE_DIR "/../shared/seeds";
  if (!fs::is_directory(seeds)) GTEST_SKIP() << "no " << seeds;
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(seeds)) files += entry.is_regular_file();
  TempDir dir;
  Outcome run = Sitrep({"--db", dir / "seeds.db", "--format", "json", "ingest", seeds.string()});
  EXPECT_EQ(run.code, 0) << Describe(run);
  Json j = ParseJson(run);
  EXPECT_EQ(j["rejected"], 0) << j["rejections"].dump(2);
  EXPECT_EQ(j["stored"].get<size_t>(), files);
  EXPECT_EQ(files, 5u);
  Json list = ParseJson(Sitrep({"--db", dir / "seeds.db", "docs", "--format", "json"}));
  ASSERT_EQ(list.size(), files);
  for (const Json& d : list) {
    EXPECT_GT(d["sentences"].get<int>(), 3) << d["source"];
  }
}

}  // namespace
