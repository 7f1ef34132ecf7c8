// The fast parse (memo tables, literal sets, per-rule gates) against the slow obvious one
// (TagOptions::reference_parse): same timexes, field by field, on the table cases, the
// peer suites' phrases, the example articles, the gold texts and (when present) the seeds,
// under each option that changes what the grammar reads.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sitrep/env.h"
#include "time/timex.h"

namespace sitrep::time {
namespace {

const std::string kSource = SITREP_SOURCE_DIR;

std::unique_ptr<Tagger>& SharedTagger() {
  static std::unique_ptr<Tagger> tagger = [] {
    auto t = Tagger::LoadDefault();
    return t.ok() ? std::move(t.value()) : nullptr;
  }();
  return tagger;
}

// Every line of the text files under `dir` (recursively); nothing when it is absent.
void AddFileLines(const std::string& dir, const std::string& suffix, size_t column, std::vector<std::string>* out) {
  auto files = PosixFileSystem()->ListFilesRecursive(dir);
  if (!files.ok()) return;
  for (const std::string& f : *files) {
    if (f.size() < suffix.size() || f.compare(f.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    std::ifstream in(f);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      if (column > 0) {
        size_t p = 0;
        for (size_t c = 0; c < column && p != std::string::npos; ++c) {
          p = line.find('\t', p);
          if (p != std::string::npos) ++p;
        }
        if (p == std::string::npos) continue;
        line = line.substr(p, line.find('\t', p) == std::string::npos ? std::string::npos : line.find('\t', p) - p);
      } else {
        size_t tab = line.find('\t');
        if (suffix == ".tsv" && tab != std::string::npos) line = line.substr(0, tab);
      }
      out->push_back(line);
    }
  }
}

std::string Describe(const Timex& t) {
  std::ostringstream o;
  o << t.span.start << "-" << t.span.end << " " << TimexTypeName(t.type) << " " << t.value << " "
    << GrainName(t.grain) << " " << TimexModName(t.mod) << " " << static_cast<int>(t.bound) << " [" << t.interval.begin
    << "," << t.interval.end << ") " << t.anchor.Describe() << " " << static_cast<int>(t.tense) << " "
    << t.stated.year << "/" << t.stated.month << "/" << t.stated.day << "/" << t.stated.weekday << "/"
    << t.stated.hour << "/" << t.stated.minute << " " << t.relative;
  return o.str();
}

std::string DescribeAll(const std::vector<Timex>& ts) {
  std::string s;
  for (const Timex& t : ts) s += Describe(t) + "\n";
  return s;
}

TEST(FastParse, SameAsReferenceParse) {
  ASSERT_TRUE(SharedTagger());
  std::vector<std::string> texts;
  AddFileLines(kSource + "/tests/data/time", ".tsv", 2, &texts);   // tagger_cases: text is column 3
  AddFileLines(kSource + "/tests/data/time", ".tsv", 0, &texts);   // and whole lines of the others
  AddFileLines(kSource + "/examples", ".txt", 0, &texts);
  AddFileLines(kSource + "/tests/data/gold", ".txt", 0, &texts);
  AddFileLines(kSource + "/tests/data/articles", ".txt", 0, &texts);
  // The gold articles: their text lines ("> ...") and, harmlessly, their annotations.
  for (const char* dir : {"/tests/data/gold", "/tests/data/articles", "/tests/data/articles2", "/tests/data/articles3"})
    AddFileLines(kSource + dir, ".gold", 0, &texts);
  AddFileLines(kSource + "/../shared/eval/time", ".tsv", 0, &texts);  // read, never copied
  AddFileLines(kSource + "/../shared/seeds", ".txt", 0, &texts);
  ASSERT_GT(texts.size(), 100u);
  const Reference ref = Reference::DocumentDate(2016, 12, 12);
  std::vector<TagOptions> variants(6);
  variants[1].forward = true;
  variants[2].nearest = true;
  variants[3].strict = true;
  variants[4].latent = true;
  variants[5].numeric_order = NumericDateOrder::kDayFirst;
  size_t found = 0, checked = 0;
  for (TagOptions fast : variants) {
    TagOptions slow = fast;
    slow.reference_parse = true;
    for (const std::string& t : texts) {
      const std::vector<Timex> a = SharedTagger()->Tag(t, ref, fast);
      const std::vector<Timex> b = SharedTagger()->Tag(t, ref, slow);
      ASSERT_EQ(DescribeAll(a), DescribeAll(b)) << t;
      found += a.size();
      ++checked;
    }
  }
  EXPECT_GT(found, 100u);
  EXPECT_GT(checked, 600u);
}

}  // namespace
}  // namespace sitrep::time
