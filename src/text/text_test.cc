// Annotate as a whole: failures, invariants on random pages, paragraphs, determinism.
#include "text/text.h"

#include <gtest/gtest.h>

#include <random>
#include <thread>

#include "text/chars.h"
#include "text/test_util.h"

namespace sitrep::text {
namespace {

using testing::Res;

// The invariants every annotated document keeps (the pipeline verifies the same).
void ExpectWellFormed(const Document& d) {
  uint32_t prev = 0;
  for (size_t i = 0; i < d.lines.size(); ++i) {
    const Line& l = d.lines[i];
    ASSERT_LT(l.span.start, l.span.end) << "line " << i;
    ASSERT_GE(l.span.start, prev) << "line " << i;
    ASSERT_LE(l.span.end, d.text.size());
    prev = l.span.end;
    const std::string_view s = d.view(l.span);
    ASSERT_EQ(s.find('\n'), std::string_view::npos);
    uint32_t a = 0, b = static_cast<uint32_t>(s.size());
    ASSERT_NE(ClassOf(DecodeAt(s, &a)), CharClass::kSpace) << "untrimmed line " << i;
    ASSERT_NE(ClassOf(DecodeBefore(s, &b)), CharClass::kSpace) << "untrimmed line " << i;
    if (l.kind == LineKind::kDropped) {
      ASSERT_FALSE(l.reason.empty()) << "line " << i;
    }
  }
  prev = 0;
  size_t next_line = 0;
  for (size_t i = 0; i < d.paragraphs.size(); ++i) {
    const Paragraph& p = d.paragraphs[i];
    ASSERT_NE(p.kind, LineKind::kDropped);
    ASSERT_GE(p.line_count, 1u);
    ASSERT_GE(p.first_line, next_line);
    ASSERT_LE(p.first_line + p.line_count, d.lines.size());
    ASSERT_GE(p.span.start, prev);
    prev = p.span.end;
    for (uint32_t k = p.first_line; k < p.first_line + p.line_count; ++k) {
      ASSERT_NE(d.lines[k].kind, LineKind::kDropped);
      ASSERT_EQ(d.lines[k].kind, p.kind);
    }
    ASSERT_EQ(p.span.start, d.lines[p.first_line].span.start);
    ASSERT_EQ(p.span.end, d.lines[p.first_line + p.line_count - 1].span.end);
    next_line = p.first_line + p.line_count;
  }
  // Every kept line is in a paragraph.
  size_t kept = 0, in_paragraphs = 0;
  for (const Line& l : d.lines) kept += l.kind != LineKind::kDropped;
  for (const Paragraph& p : d.paragraphs) in_paragraphs += p.line_count;
  ASSERT_EQ(kept, in_paragraphs);
  prev = 0;
  for (size_t i = 0; i < d.sentences.size(); ++i) {
    const Sentence& s = d.sentences[i];
    ASSERT_LT(s.span.start, s.span.end);
    ASSERT_GE(s.span.start, prev);
    prev = s.span.end;
    ASSERT_LT(s.paragraph, d.paragraphs.size());
    const Paragraph& p = d.paragraphs[s.paragraph];
    ASSERT_GE(s.span.start, p.span.start);
    ASSERT_LE(s.span.end, p.span.end);
    ASSERT_EQ(s.kind, p.kind);
    const std::string_view t = d.view(s.span);
    uint32_t a = 0, b = static_cast<uint32_t>(t.size());
    ASSERT_NE(ClassOf(DecodeAt(t, &a)), CharClass::kSpace);
    ASSERT_NE(ClassOf(DecodeBefore(t, &b)), CharClass::kSpace);
  }
  prev = 0;
  size_t si = 0;
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    const Token& t = d.tokens[i];
    ASSERT_LT(t.span.start, t.span.end);
    ASSERT_GE(t.span.start, prev);
    prev = t.span.end;
    while (si < d.sentences.size() && d.sentences[si].span.end <= t.span.start) ++si;
    ASSERT_LT(si, d.sentences.size()) << "token outside sentences";
    ASSERT_GE(t.span.start, d.sentences[si].span.start);
    ASSERT_LE(t.span.end, d.sentences[si].span.end);
  }
}

TEST(Annotate, RejectsInvalidUtf8) {
  Document d;
  d.id = "bad";
  d.text = "Troops \xC3 left.";
  d.sentences.push_back(Sentence{});
  Status s = Annotate(Res(), d);
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_NE(s.message().find("UTF-8"), std::string::npos);
  EXPECT_TRUE(d.lines.empty());
  EXPECT_TRUE(d.sentences.empty());
}

TEST(Annotate, DefaultResourcesWork) {
  Document d;
  d.text = "Troops left the town on Monday, residents said.";
  ASSERT_TRUE(Annotate(d).ok());
  EXPECT_EQ(d.sentences.size(), 1u);
}

TEST(Annotate, TextIsNeverChangedAndRerunsAreIdentical) {
  Document d;
  d.text = "World\n\nRebels Cut Highway South of Capital\n\nBy Jo Park\n\nRebels cut the highway "
           "on Friday. Traffic stopped, drivers said.\n\nShow Comments\n";
  const std::string before = d.text;
  ASSERT_TRUE(Annotate(Res(), d).ok());
  Document e = d;
  ASSERT_TRUE(Annotate(Res(), e).ok());
  EXPECT_EQ(d.text, before);
  ASSERT_EQ(d.lines.size(), e.lines.size());
  for (size_t i = 0; i < d.lines.size(); ++i) {
    EXPECT_EQ(d.lines[i].span, e.lines[i].span);
    EXPECT_EQ(d.lines[i].kind, e.lines[i].kind);
    EXPECT_EQ(d.lines[i].reason, e.lines[i].reason);
  }
  EXPECT_EQ(d.sentences.size(), e.sentences.size());
  EXPECT_EQ(d.tokens.size(), e.tokens.size());
  ExpectWellFormed(d);
  // CleanText holds the article and no furniture.
  const std::string clean = d.CleanText();
  EXPECT_EQ(clean.find("Show Comments"), std::string::npos);
  EXPECT_EQ(clean.find("By Jo Park"), std::string::npos);
  EXPECT_NE(clean.find("Traffic stopped"), std::string::npos);
}

TEST(Paragraphs, HardWrappedTextJoins) {
  Document d;
  d.text =
      "Heavy fighting was reported on Saturday around the river\n"
      "crossing, where government troops have tried for a week to\n"
      "push rebel units back across the water, residents said.\n"
      "\n"
      "A spokesman for the rebels said the crossing remained in\n"
      "their hands and that an attack at dawn had been repelled.\n"
      "Neither claim could be verified independently by reporters\n"
      "in the area.\n";
  ASSERT_TRUE(Annotate(Res(), d).ok());
  ExpectWellFormed(d);
  ASSERT_EQ(d.paragraphs.size(), 2u);
  EXPECT_EQ(d.paragraphs[0].line_count, 3u);
  EXPECT_EQ(d.paragraphs[1].line_count, 4u);
  EXPECT_EQ(d.sentences.size(), 3u);
  for (const Line& l : d.lines) EXPECT_EQ(l.kind, LineKind::kBody) << d.view(l.span);
}

TEST(Paragraphs, ListItemsAndEndedLinesDoNotJoin) {
  Document d;
  d.text =
      "The ministry published the list of damaged sites on Monday evening:\n"
      "- the main water pumping station north of the city\n"
      "- two schools in the eastern district near the old market\n"
      "The list will be updated as more reports arrive.\n";
  ASSERT_TRUE(Annotate(Res(), d).ok());
  ExpectWellFormed(d);
  EXPECT_EQ(d.paragraphs.size(), 4u);
}

// Random pages built from pieces that trigger every rule.
std::string RandomPage(std::mt19937& rng) {
  static const char* kPieces[] = {
      "Troops", "entered", "the", "town", "on", "Monday", ".", ",", "said", "U.S.", "Gen.",
      "No.", "5", "1,800", "3.5", "\u201C", "\u201D", "\"", "'", "(", ")", "...", "\u2026", "?",
      "!", "\u2013", "-", "\u2022", "*", "1.", "By", "Show Comments", "\u00A9 Agency / Name",
      "[Name / Agency]", "March 3, 2016", "08:27 GMT", "Read:", "Tags:", "English / Deutsch",
      "\u0627\u0644\u0623\u0633\u062F", "\u4E2D\u6587\u3002", "\u00A0", "\u200B", "e\u0301",
      "Village", "Retaken", "After", "Assault", "city.The", "a.m.", "p.m.", "Dec.", "Lt.",
      "Col.", "St.", "REUTERS/Name/Files", "'s picture", "\t", "#", "%", "\U0001F600"};
  std::uniform_int_distribution<size_t> pick(0, sizeof(kPieces) / sizeof(kPieces[0]) - 1);
  std::uniform_int_distribution<int> sep(0, 9);
  std::string s;
  const int n = std::uniform_int_distribution<int>(0, 300)(rng);
  for (int i = 0; i < n; ++i) {
    s += kPieces[pick(rng)];
    const int k = sep(rng);
    s += k == 0 ? "\n" : k == 1 ? "\n\n" : k == 2 ? "" : " ";
  }
  return s;
}

TEST(Annotate, RandomPagesStayWellFormed) {
  std::mt19937 rng(99);
  for (int round = 0; round < 600; ++round) {
    Document d;
    d.text = RandomPage(rng);
    ASSERT_TRUE(Annotate(Res(), d).ok()) << d.text;
    SCOPED_TRACE(d.text);
    ExpectWellFormed(d);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(Annotate, ConcurrentDocumentsShareResources) {
  std::vector<std::thread> threads;
  std::vector<size_t> counts(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &counts] {
      std::mt19937 rng(1000 + t);
      size_t n = 0;
      for (int i = 0; i < 60; ++i) {
        Document d;
        d.text = RandomPage(rng);
        if (Annotate(Res(), d).ok()) n += d.sentences.size() + 1;
      }
      counts[t] = n;
    });
  }
  for (auto& th : threads) th.join();
  for (size_t c : counts) EXPECT_GT(c, 0u);
}

}  // namespace
}  // namespace sitrep::text
