// Table-driven sentence cases from tests/data/text/sentences.txt, plus unit checks of
// the splitter on its own.
#include <gtest/gtest.h>

#include "text/segment.h"
#include "text/test_util.h"
#include "text/text.h"
#include "text/tokenize.h"

namespace sitrep::text {
namespace {

using testing::DataPath;
using testing::ReadAll;
using testing::Res;
using testing::Squeeze;
using testing::Unescape;

struct Case {
  std::string name;
  int line = 0;
  std::string input;
  std::vector<std::string> expected;
};

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  const std::vector<std::string> lines = testing::SplitLines(ReadAll(DataPath("sentences.txt")));
  Case* c = nullptr;
  bool in_expected = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.rfind("=== ", 0) == 0) {
      cases.push_back(Case{l.substr(4), static_cast<int>(i + 1), "", {}});
      c = &cases.back();
      in_expected = false;
      continue;
    }
    if (c == nullptr) continue;  // header comments
    if (l == "---") {
      in_expected = true;
      continue;
    }
    if (in_expected) {
      if (!l.empty()) c->expected.push_back(Unescape(l));
    } else {
      c->input += Unescape(l);
      c->input += '\n';
    }
  }
  return cases;
}

TEST(SentencesTable, AtLeastSixtyCases) { EXPECT_GE(LoadCases().size(), 60u); }

TEST(SentencesTable, EveryCase) {
  for (const Case& c : LoadCases()) {
    SCOPED_TRACE("sentences.txt:" + std::to_string(c.line) + " " + c.name);
    Document d;
    d.id = "case";
    d.text = c.input;
    ASSERT_TRUE(Annotate(Res(), d).ok());
    std::vector<std::string> got;
    for (const Sentence& s : d.sentences) got.push_back(Squeeze(d.view(s.span)));
    std::vector<std::string> want;
    bool check_kind = false;
    for (const std::string& e : c.expected) {
      want.push_back(Squeeze(e));
      if (!e.empty() && e[0] == '[') check_kind = true;
    }
    if (check_kind) {  // then lines without a kind are body
      for (size_t i = 0; i < got.size() && i < d.sentences.size(); ++i) {
        std::string tagged = "[";
        tagged += LineKindName(d.sentences[i].kind);
        tagged += "] ";
        tagged += got[i];
        got[i] = std::move(tagged);
      }
      for (std::string& w : want) {
        if (w.empty() || w[0] != '[') w = "[body] " + w;
      }
    }
    EXPECT_EQ(got, want);
  }
}

// The splitter alone on one paragraph.
std::vector<std::string> Split(std::string_view text, bool one = false) {
  std::vector<Token> toks;
  const Span all{0, static_cast<uint32_t>(text.size())};
  Tokenize(text, all, &toks);
  std::vector<Span> spans;
  SplitSentences(Res(), text, all, toks.data(), toks.data() + toks.size(), one, &spans);
  std::vector<std::string> out;
  for (const Span& s : spans) out.emplace_back(s.in(text));
  return out;
}

TEST(SplitSentences, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(Split("").empty());
  EXPECT_EQ(Split("..."), std::vector<std::string>{"..."});
  EXPECT_EQ(Split("\u2022 "), std::vector<std::string>{"\u2022"});
}

TEST(SplitSentences, OneSentenceMode) {
  EXPECT_EQ(Split("Army Retakes Town. Rebels Flee", true),
            std::vector<std::string>{"Army Retakes Town. Rebels Flee"});
}

TEST(SplitSentences, SpansAreTrimmedAndOrdered) {
  const std::string text = "  First one.   Second one!  Third?  ";
  std::vector<Token> toks;
  const Span all{0, static_cast<uint32_t>(text.size())};
  Tokenize(text, all, &toks);
  std::vector<Span> spans;
  SplitSentences(Res(), text, all, toks.data(), toks.data() + toks.size(), false, &spans);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].in(text), "First one.");
  EXPECT_EQ(spans[1].in(text), "Second one!");
  EXPECT_EQ(spans[2].in(text), "Third?");
}

TEST(SplitSentences, MarkerStrippedOnlyAtStart) {
  EXPECT_EQ(Split("- Troops - not police - held the gate."),
            std::vector<std::string>{"Troops - not police - held the gate."});
}

}  // namespace
}  // namespace sitrep::text
