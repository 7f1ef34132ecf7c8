// The command frame in-process: parsing, exit codes, and the read commands over a store
// filled by hand (no ingest needed).
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/command.h"
#include "cli/output.h"
#include "sitrep/store.h"
#include "sitrep/version.h"
#include "store/sqlite.h"

namespace sitrep::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct Result_ {
  int code;
  std::string out, err;
};

Result_ Call(std::vector<std::string> args) {
  args.insert(args.begin(), "sitrep");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::istringstream in;
  std::ostringstream out, err;
  Io io{in, out, err, false};
  int code = Main(static_cast<int>(args.size()), argv.data(), io);
  return {code, out.str(), err.str()};
}

class TempDb {
 public:
  TempDb() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-cli-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    path_ = dir_ + "/t.db";
  }
  ~TempDb() { std::filesystem::remove_all(dir_); }
  const std::string& path() const { return path_; }

 private:
  std::string dir_, path_;
};

Document HandMade(const std::string& id, const std::string& source) {
  Document d;
  d.id = id;
  d.source = source;
  d.title = "Shelling reported near the dam";
  d.published = "2020-01-02";
  d.text = "Subscribe now\nShelling was reported near the dam. Nobody was hurt.\nPhoto: the dam";
  auto span = [&](std::string_view s) {
    size_t at = d.text.find(s);
    return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + s.size())};
  };
  d.lines = {{span("Subscribe now"), LineHint::kNone, LineKind::kDropped, "interface phrase"},
             {span("Shelling was reported near the dam. Nobody was hurt."), LineHint::kNone,
              LineKind::kBody, ""},
             {span("Photo: the dam"), LineHint::kCaption, LineKind::kCaption, "caption"}};
  d.paragraphs = {{d.lines[1].span, LineKind::kBody, 1, 1},
                  {d.lines[2].span, LineKind::kCaption, 2, 1}};
  d.sentences = {{span("Shelling was reported near the dam."), 0, LineKind::kBody},
                 {span("Nobody was hurt."), 0, LineKind::kBody},
                 {span("Photo: the dam"), 1, LineKind::kCaption}};
  d.metadata = {{"lang", "\"en\""}};
  d.date = {"2020-01-02", DatePrecision::kDay, DateSource::kMetadata, 0.9, "2020-01-02", {}};
  d.date.conflicts.push_back({"2019-12", DateSource::kBody, "last December", "older"});
  return d;
}

void Fill(const std::string& path) {
  FixedClock clock(1);
  auto store = OpenStore(path, &clock);
  ASSERT_TRUE(store.ok());
  bool inserted;
  ASSERT_TRUE((*store)->PutDocument(HandMade("hdam000000000001", "a/dam.txt"), &inserted).ok());
  ASSERT_TRUE((*store)->PutDocument(HandMade("hdam000000000002", "b/dam.txt"), &inserted).ok());
  IngestSummary s;
  s.seen = 1;
  s.rejected = 1;
  s.rejections = {{"c/blob.bin", "binary data"}};
  ASSERT_TRUE((*store)->LogIngestRun("ingest c", s).ok());
}

TEST(MainTest, HelpVersionAndUsage) {
  Result_ help = Call({"--help"});
  EXPECT_EQ(help.code, kExitOk);
  EXPECT_THAT(help.out, HasSubstr("ingest"));
  EXPECT_THAT(help.out, HasSubstr("Exit codes"));
  Result_ version = Call({"--version"});
  EXPECT_EQ(version.code, kExitOk);
  EXPECT_THAT(version.out, HasSubstr(SITREP_VERSION));
  Result_ show_help = Call({"show", "--help"});
  EXPECT_EQ(show_help.code, kExitOk);
  EXPECT_THAT(show_help.out, HasSubstr("prefix"));
  EXPECT_EQ(Call({}).code, kExitUsage);
  Result_ unknown = Call({"--db", "x.db", "nonsense"});
  EXPECT_EQ(unknown.code, kExitUsage);
  EXPECT_THAT(unknown.err, HasSubstr("unknown command 'nonsense'"));
  Result_ bad_flag = Call({"show", "--bogus"});
  EXPECT_EQ(bad_flag.code, kExitUsage);
  EXPECT_THAT(bad_flag.err, HasSubstr("sitrep show --help"));
  EXPECT_EQ(Call({"--format", "yaml", "docs"}).code, kExitUsage);
}

TEST(MainTest, DocsTableAndJsonWithGlobalsAnywhere) {
  TempDb db;
  Fill(db.path());
  Result_ table = Call({"docs", "--db", db.path()});
  ASSERT_EQ(table.code, kExitOk) << table.err;
  EXPECT_THAT(table.out, HasSubstr("hdam000000000001"));
  EXPECT_THAT(table.out, HasSubstr("2020-01-02"));
  EXPECT_THAT(table.out, HasSubstr("2 documents"));
  for (auto args : std::vector<std::vector<std::string>>{
           {"--format", "json", "--db", db.path(), "docs"},
           {"docs", "--format", "json", "--db", db.path()},
           {"--db", db.path(), "docs", "--format=json"}}) {
    Result_ json = Call(args);
    ASSERT_EQ(json.code, kExitOk) << json.err;
    Json j = Json::parse(json.out);
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["id"], "hdam000000000001");
    EXPECT_EQ(j[0]["sentences"], 3);
    EXPECT_EQ(j[0]["dropped_lines"], 1);
    EXPECT_EQ(j[0]["published"], "2020-01-02");
    EXPECT_EQ(j[0]["outlet"], nullptr);
    EXPECT_EQ(j[0]["date_conflicts"][0]["why"], "older");
  }
}

TEST(MainTest, ShowByPrefix) {
  TempDb db;
  Fill(db.path());
  Result_ ambiguous = Call({"--db", db.path(), "show", "hdam"});
  EXPECT_EQ(ambiguous.code, kExitUsage);
  EXPECT_THAT(ambiguous.err, HasSubstr("ambiguous"));
  Result_ missing = Call({"--db", db.path(), "show", "hzzzz"});
  EXPECT_EQ(missing.code, kExitBadInput);

  Result_ json = Call({"--db", db.path(), "show", "hdam000000000002", "--format", "json"});
  ASSERT_EQ(json.code, kExitOk) << json.err;
  Json j = Json::parse(json.out);
  EXPECT_EQ(j["source"], "b/dam.txt");
  EXPECT_EQ(j["text"], "Shelling was reported near the dam. Nobody was hurt.\n\nPhoto: the dam");
  ASSERT_EQ(j["dropped"].size(), 1u);
  EXPECT_EQ(j["dropped"][0]["line"], "Subscribe now");
  EXPECT_EQ(j["dropped"][0]["reason"], "interface phrase");
  EXPECT_EQ(j["captions"], Json::array({"Photo: the dam"}));
  ASSERT_EQ(j["sentences"].size(), 3u);
  EXPECT_EQ(j["sentences"][1]["text"], "Nobody was hurt.");
  EXPECT_EQ(j["sentences"][1]["start"], 50);
  EXPECT_EQ(j["metadata"]["lang"], "en");

  Result_ table = Call({"--db", db.path(), "show", "hdam000000000002", "--sentences"});
  ASSERT_EQ(table.code, kExitOk);
  EXPECT_THAT(table.out, HasSubstr("[interface phrase] Subscribe now"));
  EXPECT_THAT(table.out, HasSubstr("2019-12"));
  EXPECT_THAT(table.out, HasSubstr("Nobody was hurt."));
}

TEST(MainTest, Rejections) {
  TempDb db;
  Fill(db.path());
  Result_ table = Call({"--db", db.path(), "rejections"});
  ASSERT_EQ(table.code, kExitOk);
  EXPECT_THAT(table.out, HasSubstr("c/blob.bin"));
  EXPECT_THAT(table.out, HasSubstr("binary data"));
}

TEST(MainTest, NewerDatabaseIsBadInput) {
  TempDb db;
  Fill(db.path());
  {
    store::Db raw;  // bump the schema version behind sitrep's back
    ASSERT_TRUE(raw.Open(db.path()).ok());
    ASSERT_TRUE(raw.Exec("PRAGMA user_version = 999", "test").ok());
  }
  Result_ docs = Call({"--db", db.path(), "docs"});
  EXPECT_EQ(docs.code, kExitBadInput);
  EXPECT_THAT(docs.err, HasSubstr("newer sitrep"));
}

TEST(OutputTest, ExitCodes) {
  EXPECT_EQ(ExitCodeFor(Status()), kExitOk);
  EXPECT_EQ(ExitCodeFor(Status::InvalidArgument("x")), kExitUsage);
  EXPECT_EQ(ExitCodeFor(Status::BadInput("x")), kExitBadInput);
  EXPECT_EQ(ExitCodeFor(Status::NotFound("x")), kExitBadInput);
  EXPECT_EQ(ExitCodeFor(Status::IoError("x")), kExitInternal);
  EXPECT_EQ(ExitCodeFor(Status::Internal("x")), kExitInternal);
}

TEST(OutputTest, HumanBytesAndTruncate) {
  EXPECT_EQ(HumanBytes(0), "0 B");
  EXPECT_EQ(HumanBytes(999), "999 B");
  EXPECT_EQ(HumanBytes(1234), "1.2 KB");
  EXPECT_EQ(HumanBytes(1200000), "1.2 MB");
  EXPECT_EQ(Truncate("short", 10), "short");
  EXPECT_EQ(Truncate("abcdef", 4), "abc\xE2\x80\xA6");
  EXPECT_EQ(Truncate("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3), "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
}

TEST(OutputTest, TableAlignsByCodePoints) {
  Table t({{"NAME"}, {"N", true}});
  t.AddRow({"caf\xC3\xA9", "7"});
  t.AddRow({"x", "12"});
  std::ostringstream out;
  t.Print(out);
  EXPECT_EQ(out.str(),
            "NAME   N\n"
            "caf\xC3\xA9   7\n"
            "x     12\n");
}

TEST(OutputTest, AccountingLine) {
  IngestSummary s;
  s.seen = 14;
  s.stored = 12;
  s.duplicates = 1;
  s.rejected = 1;
  s.bytes = 1200000;
  s.seconds = 0.05;
  EXPECT_EQ(AccountingLine(s),
            "ingest: seen 14 = stored 12 + duplicates 1 + rejected 1 (1.2 MB in 0.05 s)");
}

}  // namespace
}  // namespace sitrep::cli
