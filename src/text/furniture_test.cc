// Table-driven furniture cases from tests/data/text/furniture.tsv, plus checks of line
// splitting, pre-filled lines and the title.
#include <gtest/gtest.h>

#include "text/furniture.h"
#include "text/test_util.h"
#include "text/text.h"

namespace sitrep::text {
namespace {

using testing::DataPath;
using testing::ReadAll;
using testing::Res;
using testing::Unescape;

struct Row {
  int file_line = 0;
  bool blank = false;
  std::string kind, reason, hint, text;
};

struct Case {
  std::string name;
  std::string title;
  std::vector<Row> rows;
};

LineHint ParseHint(const std::string& h) {
  if (h == "heading") return LineHint::kHeading;
  if (h == "caption") return LineHint::kCaption;
  if (h == "boilerplate") return LineHint::kBoilerplate;
  if (h == "li") return LineHint::kListItem;
  if (h == "link") return LineHint::kLinkOnly;
  ADD_FAILURE() << "unknown hint " << h;
  return LineHint::kNone;
}

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  const auto lines = testing::SplitLines(ReadAll(DataPath("furniture.tsv")));
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.rfind("=== ", 0) == 0) {
      cases.push_back(Case{l.substr(4), "", {}});
      continue;
    }
    if (l.empty() || l[0] == '#' || cases.empty()) continue;
    Row r;
    r.file_line = static_cast<int>(i + 1);
    if (l == "~") {
      r.blank = true;
      cases.back().rows.push_back(r);
      continue;
    }
    const size_t tab = l.find('\t');
    if (tab == std::string::npos) {
      ADD_FAILURE() << "furniture.tsv:" << i + 1 << ": no tab";
      continue;
    }
    std::string expected = l.substr(0, tab);
    r.text = Unescape(l.substr(tab + 1));
    if (expected == "@title") {
      cases.back().title = r.text;
      continue;
    }
    const size_t plus = expected.find(" +");
    if (plus != std::string::npos) {
      r.hint = expected.substr(plus + 2);
      expected.resize(plus);
    }
    const size_t colon = expected.find(':');
    r.kind = expected.substr(0, colon);
    if (colon != std::string::npos) r.reason = expected.substr(colon + 1);
    cases.back().rows.push_back(r);
  }
  return cases;
}

Document Build(const Case& c) {
  Document d;
  d.id = "case";
  d.title = c.title;
  bool hinted = false;
  for (const Row& r : c.rows) hinted = hinted || !r.hint.empty();
  for (const Row& r : c.rows) {
    if (!r.blank) {
      if (hinted) {
        Line l;
        l.span = Span{static_cast<uint32_t>(d.text.size()),
                      static_cast<uint32_t>(d.text.size() + r.text.size())};
        l.hint = r.hint.empty() ? LineHint::kNone : ParseHint(r.hint);
        d.lines.push_back(l);
      }
      d.text += r.text;
    }
    d.text += '\n';
  }
  return d;
}

TEST(FurnitureTable, EnoughCases) { EXPECT_GE(LoadCases().size(), 20u); }

TEST(FurnitureTable, EveryCase) {
  for (const Case& c : LoadCases()) {
    SCOPED_TRACE(c.name);
    Document d = Build(c);
    ASSERT_TRUE(Annotate(Res(), d).ok());
    std::vector<const Row*> rows;
    for (const Row& r : c.rows)
      if (!r.blank) rows.push_back(&r);
    ASSERT_EQ(d.lines.size(), rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      const Row& r = *rows[i];
      const Line& l = d.lines[i];
      EXPECT_EQ(std::string(LineKindName(l.kind)), r.kind)
          << "furniture.tsv:" << r.file_line << ": " << r.text << " [" << l.reason << "]";
      if (!r.reason.empty()) {
        EXPECT_EQ(l.reason, r.reason) << "furniture.tsv:" << r.file_line << ": " << r.text;
      }
    }
  }
}

TEST(Lines, SplitTrimAndSkipBlank) {
  Document d;
  d.text = "  first line \t\n\n\u00A0\u200B\n\u00A0second\u00A0\nthird";
  ASSERT_TRUE(Annotate(Res(), d).ok());
  ASSERT_EQ(d.lines.size(), 3u);
  EXPECT_EQ(d.view(d.lines[0].span), "first line");
  EXPECT_EQ(d.view(d.lines[1].span), "second");
  EXPECT_EQ(d.view(d.lines[2].span), "third");
}

TEST(Lines, EmptyDocument) {
  Document d;
  ASSERT_TRUE(Annotate(Res(), d).ok());
  EXPECT_TRUE(d.lines.empty());
  EXPECT_TRUE(d.paragraphs.empty());
  EXPECT_TRUE(d.sentences.empty());
  EXPECT_TRUE(d.tokens.empty());
}

TEST(Lines, PrefilledSpansAreKeptAndKindsReset) {
  Document d;
  d.text = "Army Retakes the Northern Town\nThe army retook the northern town on Monday, the ministry said.\n";
  d.lines.push_back(Line{Span{0, 30}, LineHint::kHeading, LineKind::kDropped, "stale"});
  d.lines.push_back(Line{Span{31, 95}, LineHint::kNone, LineKind::kDropped, "stale"});
  ASSERT_TRUE(Annotate(Res(), d).ok());
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(d.lines[0].span, (Span{0, 30}));
  EXPECT_EQ(d.lines[0].hint, LineHint::kHeading);
  EXPECT_EQ(d.lines[0].kind, LineKind::kHeadline);
  EXPECT_EQ(d.lines[1].kind, LineKind::kBody);
  EXPECT_EQ(d.lines[1].reason, "");
}

TEST(Lines, BadPrefilledSpansFail) {
  Document d;
  d.text = "short";
  d.lines.push_back(Line{Span{0, 99}, LineHint::kNone, LineKind::kBody, ""});
  Status s = Annotate(Res(), d);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(d.lines.empty());
  Document e;
  e.text = "one two";
  e.lines.push_back(Line{Span{4, 7}, LineHint::kNone, LineKind::kBody, ""});
  e.lines.push_back(Line{Span{0, 3}, LineHint::kNone, LineKind::kBody, ""});
  EXPECT_EQ(Annotate(Res(), e).code(), StatusCode::kInvalidArgument);
}

TEST(Title, SetFromHeadlineWhenEmpty) {
  Document d;
  d.text = "Ceasefire Holds for a Third Day\n\nThe ceasefire held for a third day on Wednesday, monitors said.\n";
  ASSERT_TRUE(Annotate(Res(), d).ok());
  EXPECT_EQ(d.title, "Ceasefire Holds for a Third Day");
  EXPECT_EQ(HeadlineIndex(d), 0);
}

TEST(Title, KeptWhenGiven) {
  Document d;
  d.title = "Metadata Title";
  d.text = "Ceasefire Holds for a Third Day\n\nThe ceasefire held for a third day on Wednesday, monitors said.\n";
  ASSERT_TRUE(Annotate(Res(), d).ok());
  EXPECT_EQ(d.title, "Metadata Title");
}

TEST(Reasons, DatedFurnitureKeepsItsSpan) {
  // The time stage reads dropped dated lines from doc.lines.
  Document d;
  d.text = "Convoy Attacked on Desert Road\n\nMarch 4, 2016 at 9:15 am\n\nBy Sam Idris, 4 March 2016\n\n"
           "Gunmen attacked an aid convoy on the desert road on Friday, the aid group said.\n";
  ASSERT_TRUE(Annotate(Res(), d).ok());
  ASSERT_EQ(d.lines.size(), 4u);
  EXPECT_EQ(d.lines[1].reason, kReasonTimestamp);
  EXPECT_EQ(d.view(d.lines[1].span), "March 4, 2016 at 9:15 am");
  EXPECT_EQ(d.lines[2].reason, kReasonByline);
}

}  // namespace
}  // namespace sitrep::text
