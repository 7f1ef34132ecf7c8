#include "extract/words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep::extract {
namespace {

// WordClasses answers, with one probe, what each of its sets answers alone.
TEST(WordClassesTest, AgreesWithEachSet) {
  const WordSet a = {"the", "a", "an", "its"};
  const WordSet b = {"army", "forces", "the", "forces"};  // shared word, duplicate
  const WordSet c = {"-", ",", "n't", "ground-breaking", "a"};
  const WordSet empty = {};
  const WordClasses classes{&a, &b, &c, &empty};
  const std::vector<std::string> probe = {"the", "a", "an", "its", "army", "forces", "-", ",", "n't",
                                          "ground-breaking", "", "The", "force", "armies", "its ", "x"};
  const WordSet* sets[] = {&a, &b, &c, &empty};
  for (const std::string& w : probe) {
    uint64_t want = 0;
    for (int i = 0; i < 4; ++i) want |= sets[i]->count(w) ? uint64_t{1} << i : 0;
    EXPECT_EQ(classes.Of(w), want) << "'" << w << "'";
  }
}

TEST(WordClassesTest, ClassifiesEveryToken) {
  const WordSet a = {"took", ","};
  const WordClasses classes{&a};
  std::vector<Word> words(3);
  words[0].folded = "they";
  words[1].folded = "took";
  words[2].folded = ",";
  words[2].kind = TokenKind::kPunct;
  std::vector<uint64_t> out = {7, 7, 7, 7, 7};
  classes.Classify(words, &out);
  EXPECT_EQ(out, (std::vector<uint64_t>{0, 1, 1}));
}

}  // namespace
}  // namespace sitrep::extract
