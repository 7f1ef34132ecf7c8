// Document dating on invented articles (tests/data/time/dating/*.txt, format in its
// README), on hand-built cross-document evidence, and on the real seed articles when
// ../shared is present.
#include "time/dating.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "text/text.h"

namespace sitrep::time {
namespace {

const std::string kData = std::string(SITREP_SOURCE_DIR) + "/tests/data/time/dating";

struct Article {
  Document doc;
  std::string expect_value, expect_precision, expect_source;
  int min_conflicts = 0;
  int64_t now = 0;
};

// Splits a body line into sentences at ". ", "! ", "? " before a capital or a quote.
void AddSentences(Document* d, uint32_t start, uint32_t end, LineKind kind, uint32_t paragraph) {
  uint32_t s = start;
  for (uint32_t i = start; i < end; ++i) {
    const char c = d->text[i];
    if ((c == '.' || c == '!' || c == '?') && i + 2 < end && d->text[i + 1] == ' ' &&
        ((d->text[i + 2] >= 'A' && d->text[i + 2] <= 'Z') || d->text[i + 2] == '"')) {
      d->sentences.push_back({{s, i + 1}, paragraph, kind});
      s = i + 2;
    }
  }
  if (s < end) d->sentences.push_back({{s, end}, paragraph, kind});
}

Article ParseArticle(const std::string& content) {
  Article a;
  std::istringstream in(content);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("# ", 0) == 0) {
      const size_t colon = line.find(':');
      const std::string key = line.substr(2, colon - 2);
      std::string val = line.substr(colon + 1);
      while (!val.empty() && val[0] == ' ') val.erase(0, 1);
      if (key == "expect") {
        std::istringstream v(val);
        v >> a.expect_value >> a.expect_precision >> a.expect_source;
        if (a.expect_value == "-") a.expect_value.clear();
      } else if (key == "published") {
        a.doc.published = val;
      } else if (key == "now") {
        DateTime t;
        bool has_time;
        if (ParseIsoDateTime(val, &t, &has_time)) a.now = t;
      } else if (key == "conflicts") {
        a.min_conflicts = std::atoi(val.c_str());
      }
      continue;
    }
    LineKind kind = LineKind::kBody;
    std::string reason;
    if (line.rfind("[headline] ", 0) == 0) {
      kind = LineKind::kHeadline;
      line = line.substr(11);
    } else if (line.rfind("[caption] ", 0) == 0) {
      kind = LineKind::kCaption;
      line = line.substr(10);
    } else if (line.rfind("[dropped:", 0) == 0) {
      kind = LineKind::kDropped;
      const size_t close = line.find("] ");
      reason = line.substr(9, close - 9);
      line = line.substr(close + 2);
    }
    if (!a.doc.text.empty()) a.doc.text += "\n";
    const uint32_t start = static_cast<uint32_t>(a.doc.text.size());
    a.doc.text += line;
    const uint32_t end = static_cast<uint32_t>(a.doc.text.size());
    Line l;
    l.span = {start, end};
    l.kind = kind;
    l.reason = reason;
    a.doc.lines.push_back(l);
    if (kind != LineKind::kDropped) {
      const uint32_t p = static_cast<uint32_t>(a.doc.paragraphs.size());
      a.doc.paragraphs.push_back({{start, end}, kind, static_cast<uint32_t>(a.doc.lines.size() - 1), 1});
      AddSentences(&a.doc, start, end, kind, p);
    }
  }
  return a;
}

class Dating : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = Tagger::LoadDefault();
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tagger_ = std::move(t.value());
  }
  std::unique_ptr<Tagger> tagger_;
};

TEST_F(Dating, InventedArticles) {
  auto files = PosixFileSystem()->ListFilesRecursive(kData);
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  int checked = 0;
  for (const std::string& path : *files) {
    if (path.size() < 4 || path.substr(path.size() - 4) != ".txt") continue;
    auto content = PosixFileSystem()->ReadFile(path, 1 << 20);
    ASSERT_TRUE(content.ok());
    Article a = ParseArticle(*content);
    DatingOptions opts;
    opts.tagger = tagger_.get();
    opts.now = a.now;
    DateDocument(a.doc, opts);
    const DocumentDate& d = a.doc.date;
    std::string conflicts;
    for (const auto& c : d.conflicts) conflicts += "\n    rejected " + c.value + " (" + c.evidence + "): " + c.why;
    SCOPED_TRACE(path + "\n  got " + d.value + " " + std::string(DatePrecisionName(d.precision)) + " " +
                 std::string(DateSourceName(d.source)) + " conf " + std::to_string(d.confidence) + "\n  evidence " +
                 d.evidence + conflicts);
    EXPECT_EQ(d.value, a.expect_value);
    EXPECT_EQ(DatePrecisionName(d.precision), a.expect_precision);
    EXPECT_EQ(DateSourceName(d.source), a.expect_source);
    EXPECT_GE(static_cast<int>(d.conflicts.size()), a.min_conflicts);
    EXPECT_GE(d.confidence, 0.0);
    EXPECT_LE(d.confidence, 1.0);
    if (!d.value.empty()) {
      EXPECT_FALSE(d.evidence.empty());
    }
    ++checked;
  }
  EXPECT_GE(checked, 10);
}

TEST_F(Dating, CrossDocumentEvidenceFillsTheGap) {
  Article a = ParseArticle("Negotiators met again on Sunday and said progress had been made.\n");
  BodyEvidence ev = ReadBodyEvidence(a.doc, *tagger_);
  DatingOptions opts;
  opts.tagger = tagger_.get();
  std::vector<CandidateDate> cands = CollectDateCandidates(a.doc, ev, opts);
  EXPECT_TRUE(cands.empty());
  CandidateDate other;
  other.value = "2016-12-11";
  other.precision = DatePrecision::kDay;
  other.source = DateSource::kCrossDocument;
  other.confidence = 0.6;
  other.evidence = "two reports of the same meeting";
  other.how = "cross-document";
  cands.push_back(other);
  DocumentDate d = ChooseDate(cands, ev);
  EXPECT_EQ(d.value, "2016-12-11");
  EXPECT_EQ(d.source, DateSource::kCrossDocument);
}

TEST_F(Dating, CrossDocumentEvidenceLosesToTheDocumentsOwn) {
  Article a = ParseArticle("# published: 2016-12-12\nThe town fell on Sunday.\n");
  DatingOptions opts;
  opts.tagger = tagger_.get();
  CandidateDate other;
  other.value = "2016-12-20";
  other.precision = DatePrecision::kDay;
  other.source = DateSource::kCrossDocument;
  other.confidence = 0.6;
  other.evidence = "a later report";
  opts.extra.push_back(other);
  DateDocument(a.doc, opts);
  EXPECT_EQ(a.doc.date.value, "2016-12-12");
  ASSERT_EQ(a.doc.date.conflicts.size(), 1u);
  EXPECT_EQ(a.doc.date.conflicts[0].source, DateSource::kCrossDocument);
}

TEST_F(Dating, ClockAfterTheBodyIsAcceptedWhenTheBodyStatesNothing) {
  Article a = ParseArticle("[dropped:clock] 14:02 GMT 03 March 2023\nTalks went on.\n");
  DatingOptions opts;
  opts.tagger = tagger_.get();
  DateDocument(a.doc, opts);
  EXPECT_EQ(a.doc.date.value, "2023-03-03");
  EXPECT_EQ(a.doc.date.source, DateSource::kByline);
  EXPECT_LT(a.doc.date.confidence, 0.6);
}

TEST_F(Dating, MetadataAfterNowIsNotBelieved) {
  Article a = ParseArticle("# published: 2016-12-12\nText.\n");
  DatingOptions opts;
  opts.tagger = tagger_.get();
  opts.now = MakeDateTime(2016, 1, 1);
  DateDocument(a.doc, opts);
  // metadata after "now" is not believed
  EXPECT_TRUE(a.doc.date.value.empty());
  EXPECT_FALSE(a.doc.date.conflicts.empty());
}

// The project's own invented corpus, through the real text stage.
TEST_F(Dating, ExampleCorpus) {
  std::ifstream in(std::string(SITREP_SOURCE_DIR) + "/tests/data/time/examples_dates.tsv");
  ASSERT_TRUE(in);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string path, intended, source, precision;
    std::getline(ls, path, '\t');
    std::getline(ls, intended, '\t');
    std::getline(ls, source, '\t');
    std::getline(ls, precision, '\t');
    auto content = PosixFileSystem()->ReadFile(std::string(SITREP_SOURCE_DIR) + "/examples/" + path, 1 << 22);
    ASSERT_TRUE(content.ok()) << path;
    Document doc;
    doc.text = *content;
    ASSERT_TRUE(text::Annotate(doc).ok());
    DatingOptions opts;
    opts.tagger = tagger_.get();
    DateDocument(doc, opts);
    std::string conflicts;
    for (const auto& c : doc.date.conflicts) conflicts += "\n    rejected " + c.value + ": " + c.why;
    SCOPED_TRACE(path + ": got " + doc.date.value + " " + std::string(DatePrecisionName(doc.date.precision)) + " " +
                 std::string(DateSourceName(doc.date.source)) + "\n    " + doc.date.evidence + conflicts);
    ASSERT_FALSE(doc.date.value.empty());
    EXPECT_EQ(intended.substr(0, doc.date.value.size()), doc.date.value);
    EXPECT_EQ(DateSourceName(doc.date.source), source);
    EXPECT_EQ(DatePrecisionName(doc.date.precision), precision);
    ++n;
  }
  EXPECT_GE(n, 5);
}

// The five real articles: outcomes only (no ids or text in this file).
TEST_F(Dating, Seeds) {
  const std::string dir = std::string(SITREP_SOURCE_DIR) + "/../shared/seeds";
  if (!PosixFileSystem()->Stat(dir).is_directory) GTEST_SKIP() << dir << " is absent";
  auto files = PosixFileSystem()->ListFilesRecursive(dir);
  ASSERT_TRUE(files.ok());
  std::multiset<std::string> got;
  for (const std::string& path : *files) {
    auto content = PosixFileSystem()->ReadFile(path, 1 << 22);
    ASSERT_TRUE(content.ok());
    Document doc;
    doc.text = *content;
    ASSERT_TRUE(text::Annotate(doc).ok());
    DatingOptions opts;
    opts.tagger = tagger_.get();
    DateDocument(doc, opts);
    std::string summary = doc.date.value + " " + std::string(DatePrecisionName(doc.date.precision)) + " " +
                          std::string(DateSourceName(doc.date.source));
    std::cout << "  seed " << summary << " conf " << doc.date.confidence << "\n    evidence: " << doc.date.evidence
              << "\n";
    for (const auto& c : doc.date.conflicts)
      std::cout << "    rejected " << c.value << " (" << DateSourceName(c.source) << "): " << c.why << "\n";
    got.insert(summary);
  }
  const std::multiset<std::string> want = {" none none", "2017-03-01 day byline", "2016 year body",
                                           "2016-03-27 day dateline", "2016-12 month body"};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace sitrep::time
