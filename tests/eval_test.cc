// `sitrep eval` on the gold set kept in the repo (tests/data/gold), with the floors that
// may only rise: extraction must not get worse. Runs the binary as a user would.
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <string>

#include <gtest/gtest.h>

namespace {

struct EvalRun {
  int code = -1;
  std::string out;
};

EvalRun Sitrep(const std::string& args) {
  EvalRun r;
  std::string cmd = std::string(SITREP_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

// `sitrep eval tests/data/<set> --floors tests/data/<set>/floors.txt` exits 0 and prints
// `metric` among its scores.
void ExpectSetMeetsFloors(const std::string& set, const std::string& metric) {
  EvalRun r = Sitrep("eval tests/data/" + set + " --floors tests/data/" + set + "/floors.txt");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find(metric), std::string::npos) << r.out;
}

TEST(EvalTest, GoldSetMeetsItsFloors) {
  ExpectSetMeetsFloors("gold", "events.all");
}

// The full-length articles (tests/data/articles) have floors of their own: a second
// yardstick, closer to the real articles the project is judged on.
TEST(EvalTest, ArticlesMeetTheirFloors) {
  ExpectSetMeetsFloors("articles", "events.core");
}

// A second batch of full-length articles (tests/data/articles2) from wars the first set
// does not cover: the yardstick for wars sitrep was not tuned on.
TEST(EvalTest, SecondArticlesMeetTheirFloors) {
  ExpectSetMeetsFloors("articles2", "events.core");
}

// A third batch (tests/data/articles3), written with many killings, executions and
// attribution forms, again from wars the earlier sets do not cover.
TEST(EvalTest, ThirdArticlesMeetTheirFloors) {
  ExpectSetMeetsFloors("articles3", "events.core");
}

// A fourth batch (tests/data/articles4), written by two writers at once with many forms
// of attribution, agents in passive and nominal forms, and places named only earlier in
// the story: new dev text, and a held-out part, from wars the earlier sets do not cover.
TEST(EvalTest, FourthArticlesMeetTheirFloors) {
  ExpectSetMeetsFloors("articles4", "events.core");
}

TEST(EvalTest, AttributionPassagesMeetTheirFloors) {
  ExpectSetMeetsFloors("attribution", "claims.claimant");
}

TEST(EvalTest, MissingGoldIsBadInput) {
  EvalRun r = Sitrep("eval tests/data/gold/no-such-folder");
  EXPECT_EQ(r.code, 2) << r.out;
}

TEST(EvalTest, FloorAboveScoreFails) {
  char tmpl[] = "/tmp/sitrep-floors-XXXXXX";
  int fd = mkstemp(tmpl);
  ASSERT_GE(fd, 0);
  std::string floor = "events.all.p 1.0\nevents.all.r 1.0\nclaims.all.r 1.0\n";
  ASSERT_EQ(write(fd, floor.data(), floor.size()), static_cast<ssize_t>(floor.size()));
  close(fd);
  EvalRun r = Sitrep(std::string("eval tests/data/gold/dev --format json --floors ") + tmpl);
  std::remove(tmpl);
  // Perfect scores everywhere would make this pass too; the gold set is not that easy.
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("\"floors\""), std::string::npos) << r.out;
}

}  // namespace
