// The HTML report in a real browser: the page is opened in headless Chromium (Debian's
// `chromium`), which runs its scripts; the page's own error capture writes any error into
// the DOM and, when drawn, marks <html> with data-rendered and counts of what it drew. The
// DOM dump is checked for no errors, timeline bars and map outlines; a screenshot is saved
// beside the sitrep binary (report.png). Skips when chromium is not installed or the npm
// packages (`make setup`) are missing.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/html.h"
#include "report/report.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

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

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "sitrep-report-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Runs argv[0] (a full path) with the environment minus SITREP_DB; kills it after
// `timeout_s` seconds.
Outcome RunProgram(std::vector<std::string> args, int timeout_s = 120) {
  TempDir io;
  const std::string out = io / "out", err = io / "err";
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::string(*e).rfind("SITREP_DB=", 0) == 0) continue;
    env_s.push_back(*e);
  }
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);  // its own group: kill it whole
  posix_spawnattr_setpgroup(&attr, 0);
  pid_t pid;
  Outcome run;
  int rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    run.err = "posix_spawn failed: " + std::to_string(rc);
    return run;
  }
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      run.err = "timed out after " + std::to_string(timeout_s) + " s\n";
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = ReadAll(out);
  run.err += ReadAll(err);
  return run;
}

std::string Describe(const Outcome& r) {
  return "exit " + std::to_string(r.code) + "\nstdout:\n" + r.out.substr(0, 4000) +
         "\nstderr:\n" + r.err.substr(0, 4000);
}

// The chromium binary on the PATH; empty when none.
std::string FindChromium() {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    for (const char* name : {"chromium", "chromium-browser"}) {
      fs::path p = fs::path(dir) / name;
      if (access(p.c_str(), X_OK) == 0) return p.string();
    }
  }
  return "";
}

std::vector<std::string> ChromiumArgs(const std::string& chromium, const std::string& profile) {
  return {chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
          "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
          "--user-data-dir=" + profile, "--virtual-time-budget=5000"};
}

// What the page's script left on <html>: data-* attributes as name -> value.
std::map<std::string, std::string> HtmlMarks(const std::string& dom) {
  std::map<std::string, std::string> marks;
  std::smatch tag;
  if (!std::regex_search(dom, tag, std::regex("<html[^>]*>"))) return marks;
  std::string t = tag.str();
  std::regex attr(R"re(data-([a-z-]+)="([^"]*)")re");
  for (auto it = std::sregex_iterator(t.begin(), t.end(), attr); it != std::sregex_iterator(); ++it) {
    marks[(*it)[1]] = (*it)[2];
  }
  return marks;
}

int Count(const std::map<std::string, std::string>& marks, const std::string& key) {
  auto it = marks.find(key);
  return it == marks.end() ? -1 : std::atoi(it->second.c_str());
}

// The errors the page wrote into #errors, for the failure message.
std::string PageErrors(const std::string& dom) {
  size_t a = dom.find("id=\"errors\"");
  if (a == std::string::npos) return "";
  size_t b = dom.find("</ul>", a);
  return dom.substr(a, std::min<size_t>(b - a, 4000));
}

// Opens `html` in Chromium: the DOM after its scripts ran and, when `screenshot` is set, a
// 1280x2000 screenshot there.
Outcome OpenInChromium(const std::string& chromium, const std::string& html,
                       const std::string& screenshot) {
  TempDir profile;
  auto args = ChromiumArgs(chromium, profile / "profile");
  args.push_back("--dump-dom");
  args.push_back("file://" + fs::absolute(html).string());
  Outcome dom = RunProgram(args);
  if (!screenshot.empty()) {
    TempDir profile2;
    auto shot = ChromiumArgs(chromium, profile2 / "profile");
    shot.push_back("--screenshot=" + screenshot);
    shot.push_back("--window-size=1280,2000");
    shot.push_back("file://" + fs::absolute(html).string());
    Outcome s = RunProgram(shot);
    EXPECT_EQ(s.code, 0) << Describe(s);
  }
  return dom;
}

void ExpectDrawn(const Outcome& dom) {
  ASSERT_EQ(dom.code, 0) << Describe(dom);
  auto marks = HtmlMarks(dom.out);
  EXPECT_EQ(marks["errors"], "0") << PageErrors(dom.out);
  EXPECT_EQ(marks["rendered"], "1") << "the page's script did not finish\n" << PageErrors(dom.out);
  EXPECT_GT(Count(marks, "timeline-bars"), 0);
  EXPECT_GT(Count(marks, "map-paths"), 0);
  EXPECT_GT(Count(marks, "map-points"), 0);
  EXPECT_GT(Count(marks, "evidence"), 0);
  // Every evidence link lands on an entry of the evidence list.
  std::set<std::string> ids, targets;
  std::regex id_re(R"re(id="(ev\d+)")re"), href_re(R"re(href="#(ev\d+)")re");
  for (auto it = std::sregex_iterator(dom.out.begin(), dom.out.end(), id_re);
       it != std::sregex_iterator(); ++it) ids.insert((*it)[1]);
  for (auto it = std::sregex_iterator(dom.out.begin(), dom.out.end(), href_re);
       it != std::sregex_iterator(); ++it) targets.insert((*it)[1]);
  EXPECT_FALSE(targets.empty());
  for (const std::string& t : targets) EXPECT_TRUE(ids.count(t)) << "no evidence entry " << t;
}

TEST(Report, FixturePageRendersInChromium) {
  std::string chromium = FindChromium();
  if (chromium.empty()) GTEST_SKIP() << "chromium is not installed (make setup installs it)";
  auto assets = sitrep::report::Assets::Load();
  if (!assets.ok()) GTEST_SKIP() << assets.status().ToString();
  auto data = sitrep::report::Json::parse(ReadAll(SITREP_SOURCE_DIR "/tests/data/report/fixture.json"));
  auto page = sitrep::report::RenderPage(data, *assets);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  TempDir tmp;
  const std::string html = tmp / "fixture.html";
  std::ofstream(html, std::ios::binary) << *page;

  Outcome dom = OpenInChromium(chromium, html, "");
  ExpectDrawn(dom);
  auto marks = HtmlMarks(dom.out);
  EXPECT_EQ(Count(marks, "timeline-bars"), 4);
  EXPECT_EQ(Count(marks, "expected-markers"), 1);
  EXPECT_EQ(Count(marks, "map-points"), 3);
  EXPECT_EQ(Count(marks, "stories"), 3);
  EXPECT_EQ(Count(marks, "claims"), 2);
  EXPECT_EQ(Count(marks, "conflicts"), 2);
  EXPECT_EQ(Count(marks, "evidence"), 8);
  // Hostile text arrives as text, not markup.
  EXPECT_THAT(dom.out, HasSubstr("&lt;/script&gt;&lt;script&gt;window.pwned=1"));
  EXPECT_THAT(dom.out, HasSubstr("<mark>three civilians</mark>"));
}

TEST(Report, EmptyPageRendersInChromium) {
  std::string chromium = FindChromium();
  if (chromium.empty()) GTEST_SKIP() << "chromium is not installed (make setup installs it)";
  auto assets = sitrep::report::Assets::Load();
  if (!assets.ok()) GTEST_SKIP() << assets.status().ToString();
  auto page = sitrep::report::RenderHtml(sitrep::report::ReportInput{}, *assets);
  ASSERT_TRUE(page.ok());
  TempDir tmp;
  const std::string html = tmp / "empty.html";
  std::ofstream(html, std::ios::binary) << *page;
  Outcome dom = OpenInChromium(chromium, html, "");
  ASSERT_EQ(dom.code, 0) << Describe(dom);
  auto marks = HtmlMarks(dom.out);
  EXPECT_EQ(marks["errors"], "0") << PageErrors(dom.out);
  EXPECT_EQ(marks["rendered"], "1");
  EXPECT_GT(Count(marks, "map-paths"), 0);  // the world, unzoomed
  EXPECT_THAT(dom.out, HasSubstr("No events."));
  EXPECT_THAT(dom.out, HasSubstr("No claims."));
  EXPECT_THAT(dom.out, HasSubstr("No contradictions found."));
}

TEST(Report, ExamplesReportRendersInChromium) {
  std::string chromium = FindChromium();
  if (chromium.empty()) GTEST_SKIP() << "chromium is not installed (make setup installs it)";
  if (!sitrep::report::Assets::Load().ok()) GTEST_SKIP() << "npm packages missing: run make setup";
  TempDir tmp;
  const std::string db = tmp / "test.db";
  Outcome ingest = RunProgram({SITREP_BINARY, "--quiet", "ingest", "--db", db,
                        SITREP_SOURCE_DIR "/examples"}, 600);
  ASSERT_EQ(ingest.code, 0) << Describe(ingest);
  const std::string html = tmp / "report.html";
  Outcome report = RunProgram({SITREP_BINARY, "report", "--db", db, "-o", html}, 600);
  ASSERT_EQ(report.code, 0) << Describe(report);
  EXPECT_THAT(report.out, HasSubstr(html));
  ASSERT_TRUE(fs::exists(html));
  std::string page = ReadAll(html);
  EXPECT_THAT(page, HasSubstr("<script type=\"application/json\" id=\"data\">"));

  // Beside the binary, so each build dir keeps its own.
  const std::string screenshot = (fs::path(SITREP_BINARY).parent_path() / "report.png").string();
  fs::remove(screenshot);
  Outcome dom = OpenInChromium(chromium, html, screenshot);
  ExpectDrawn(dom);
  EXPECT_TRUE(fs::exists(screenshot)) << screenshot;
  EXPECT_GT(fs::exists(screenshot) ? fs::file_size(screenshot) : 0, 10000u);
}

TEST(Report, NeedsOutputAndDatabase) {
  TempDir tmp;
  Outcome no_output = RunProgram({SITREP_BINARY, "report", "--db", tmp / "x.db"});
  EXPECT_EQ(no_output.code, 1) << Describe(no_output);
  Outcome no_db = RunProgram({SITREP_BINARY, "report", "--db", tmp / "missing.db", "-o", tmp / "r.html"});
  EXPECT_EQ(no_db.code, 2) << Describe(no_db);
  EXPECT_FALSE(fs::exists(tmp / "r.html"));
}

}  // namespace
