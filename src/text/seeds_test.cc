// Structural checks on the real scraped articles in ../shared/seeds (not part of the
// repository: skipped when absent). Nothing from them is copied here; the checks are
// general properties, and the dropped lines are printed for a reviewer.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "text/chars.h"
#include "text/furniture.h"
#include "text/text.h"

namespace sitrep::text {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> SeedFiles() {
  const fs::path dir = fs::path(SITREP_SOURCE_DIR) / ".." / "shared" / "seeds";
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

Document Load(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Document d;
  d.id = p.filename().string();
  d.text = ss.str();
  return d;
}

std::string Short(std::string_view s, size_t n = 70) {
  if (s.size() <= n) return std::string(s);
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

bool EndsWithFullStop(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '"')) s.remove_suffix(1);
  if (s.ends_with("\u201D") || s.ends_with("\u2019")) s.remove_suffix(3);
  return !s.empty() && (s.back() == '.' || s.back() == '?' || s.back() == '!');
}

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    files_ = SeedFiles();
    if (files_.empty()) GTEST_SKIP() << "no ../shared/seeds beside the repository";
  }
  std::vector<fs::path> files_;
};

TEST_F(SeedsTest, SummaryOfDroppedLines) {
  int headlines = 0;
  for (const fs::path& p : files_) {
    Document d = Load(p);
    ASSERT_TRUE(Annotate(d).ok());
    std::cout << "== " << p.filename().string() << "  title: " << Short(d.title) << "\n";
    int dropped = 0;
    for (const Line& l : d.lines) {
      if (l.kind == LineKind::kBody) continue;
      std::cout << "   " << LineKindName(l.kind) << " [" << l.reason << "] "
                << Short(d.view(l.span)) << "\n";
      dropped += l.kind == LineKind::kDropped;
    }
    headlines += HeadlineIndex(d) >= 0;
    std::cout << "   lines " << d.lines.size() << ", dropped " << dropped << ", paragraphs "
              << d.paragraphs.size() << ", sentences " << d.sentences.size() << ", tokens "
              << d.tokens.size() << "\n";
    // Sane amounts: some furniture, never most of the page.
    EXPECT_GE(dropped, 1) << p;
    EXPECT_LE(dropped * 2, static_cast<int>(d.lines.size())) << p;
  }
  // Most scraped pages carry their headline; one of these does not.
  EXPECT_GE(headlines, static_cast<int>(files_.size()) - 1);
}

TEST_F(SeedsTest, InterfaceLinesAreDropped) {
  const char* kInterface[] = {"Show Comments", "Leave a comment", "Post a comment",
                              "Get short URL", "Listen Live", "Facebook Comments"};
  for (const fs::path& p : files_) {
    Document d = Load(p);
    ASSERT_TRUE(Annotate(d).ok());
    for (const Line& l : d.lines) {
      for (const char* phrase : kInterface) {
        if (d.view(l.span) == phrase) {
          EXPECT_EQ(l.kind, LineKind::kDropped) << p << ": " << phrase;
        }
      }
      // Credits and "Read:" links are furniture wherever they appear.
      const std::string_view s = d.view(l.span);
      if (s.starts_with("\u00A9 ") || s.starts_with("Read: ")) {
        EXPECT_EQ(l.kind, LineKind::kDropped) << p << ": " << s;
      }
    }
  }
}

TEST_F(SeedsTest, LongSentencesAreKept) {
  for (const fs::path& p : files_) {
    Document d = Load(p);
    ASSERT_TRUE(Annotate(d).ok());
    // Kept, or a verbatim repeat of a kept line.
    auto kept = [&](std::string_view s) {
      for (const Line& l : d.lines)
        if (l.kind != LineKind::kDropped && d.view(l.span) == s) return true;
      return false;
    };
    for (const Line& l : d.lines) {
      const std::string_view s = d.view(l.span);
      if (s.size() > 120 && (s.find(". ") != std::string_view::npos || EndsWithFullStop(s))) {
        EXPECT_TRUE(kept(s)) << p << ": " << Short(s) << " [" << l.reason << "]";
      }
    }
  }
}

TEST_F(SeedsTest, SentencesAndTokensAreWellFormed) {
  for (const fs::path& p : files_) {
    Document d = Load(p);
    ASSERT_TRUE(Annotate(d).ok());
    uint32_t prev = 0;
    for (const Sentence& s : d.sentences) {
      ASSERT_LT(s.span.start, s.span.end);
      ASSERT_GE(s.span.start, prev);
      prev = s.span.end;
      const Paragraph& para = d.paragraphs[s.paragraph];
      EXPECT_GE(s.span.start, para.span.start);
      EXPECT_LE(s.span.end, para.span.end);
      EXPECT_NE(s.kind, LineKind::kDropped);
    }
    prev = 0;
    for (const Token& t : d.tokens) {
      ASSERT_LT(t.span.start, t.span.end);
      ASSERT_GE(t.span.start, prev);
      prev = t.span.end;
    }
    // A seed article has dozens of sentences, each of a reasonable length.
    EXPECT_GE(d.sentences.size(), 10u) << p;
    for (const Sentence& s : d.sentences)
      EXPECT_LT(s.span.size(), 800u) << p << ": " << Short(d.view(s.span));
  }
}

}  // namespace
}  // namespace sitrep::text
