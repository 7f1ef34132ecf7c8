#include "extract/words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/fold.h"

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

// Every word is folded as text::FoldForMatch folds it alone (the ASCII table of words.cc
// against the general fold), over every ASCII byte and some that are not.
TEST(SpanWordsTest, FoldsAsFoldForMatch) {
  Document doc;
  for (int c = 1; c < 128; ++c) {
    doc.text += static_cast<char>(c);
    if (c % 5 == 0) doc.text += ' ';
  }
  doc.text += " \xc3\x89TAT Stra\xc3\x9f" "e \xe2\x80\x98Quoted\xe2\x80\x99 A\xe2\x80\x93" "B IS-held Al-Qaeda's";
  std::vector<Word> words;
  SpanWords(doc, Span{0, static_cast<uint32_t>(doc.text.size())}, &words);
  ASSERT_FALSE(words.empty());
  for (const Word& w : words) EXPECT_EQ(std::string(w.folded), text::FoldForMatch(doc.view(w.span)));
}

// The index a linear scan gives: the first equal word, or kNone.
uint32_t FindSlow(const std::vector<std::string>& keys, std::string_view w) {
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == w) return i;
  }
  return WordKeyTable::kNone;
}

// WordKeyTable agrees with a linear scan on keys and near misses of every length 0..40:
// the same first and last bytes, one byte changed in the middle, prefixes, duplicates.
TEST(WordKeyTableTest, AgreesWithLinearScan) {
  std::vector<std::string> keys;
  for (size_t n = 0; n <= 40; ++n) {
    std::string w;
    for (size_t i = 0; i < n; ++i) w += static_cast<char>('a' + (i * 7 + n) % 26);
    keys.push_back(w);
  }
  keys.push_back("had");
  keys.push_back("had");  // duplicate: the first answers
  keys.push_back("\xc3\xa9tat");
  std::vector<std::string_view> views(keys.begin(), keys.end());
  const WordKeyTable t(views);
  ASSERT_EQ(t.size(), keys.size());
  std::vector<std::string> probes = keys;
  for (const std::string& k : keys) {
    for (size_t i = 0; i < k.size(); ++i) {
      std::string m = k;
      m[i] = static_cast<char>(m[i] ^ 1);
      probes.push_back(m);
    }
    probes.push_back(k + "x");
    if (!k.empty()) probes.push_back(k.substr(1));
    probes.push_back(std::string(k.size(), 'a'));
  }
  for (const std::string& p : probes) EXPECT_EQ(t.Find(p), FindSlow(keys, p)) << "'" << p << "'";
  for (uint32_t i = 0; i < keys.size(); ++i) EXPECT_EQ(t.word(i), keys[i]);
  const WordKeyTable empty;
  EXPECT_EQ(empty.Find(""), WordKeyTable::kNone);
  EXPECT_EQ(empty.Find("had"), WordKeyTable::kNone);
}

// The same with more words than the table's 512-bit filter can tell apart (most bits set),
// so that probes past the filter are checked too; sealed probes agree with plain ones.
TEST(WordKeyTableTest, LargeTableAgreesWithLinearScan) {
  std::vector<std::string> keys;
  for (int i = 0; i < 3000; ++i) keys.push_back("w" + std::to_string(i * 7919 % 100003));
  std::vector<std::string_view> views(keys.begin(), keys.end());
  const WordKeyTable t(views);
  for (int i = 0; i < 6000; ++i) {
    const std::string p = "w" + std::to_string(i * 31 % 100003);
    FoldedWord f(p);
    f.Seal();
    const uint32_t want = FindSlow(keys, p);
    EXPECT_EQ(t.Find(p), want) << p;
    EXPECT_EQ(t.Find(f), want) << p;
  }
}

// FoldedWord's comparison with a literal (the fast one) agrees with std::string's.
TEST(FoldedWordTest, LiteralComparisonAgreesWithString) {
  const std::vector<std::string> words = {"", "a", "had", "hat", "ha", "hadd", "Had", "n't", "-", "\"",
                                          "ground-breaking", "\xc3\xa9tat", "had "};
  for (const std::string& s : words) {
    const FoldedWord f(s);
    EXPECT_EQ(f == "had", s == "had") << s;
    EXPECT_EQ(f != "had", s != "had") << s;
    EXPECT_EQ("had" == f, "had" == s) << s;
    EXPECT_EQ(f == "", s.empty()) << s;
    EXPECT_EQ(f == "ground-breaking", s == "ground-breaking") << s;
    EXPECT_EQ(f == "\xc3\xa9tat", s == "\xc3\xa9tat") << s;
    EXPECT_EQ(f == std::string("had"), s == "had") << s;        // std::string's own operator
    EXPECT_EQ(std::string_view(f) == "had", s == "had") << s;   // and string_view's
  }
  FoldedWord f;
  f = "took";
  EXPECT_TRUE(f == "took");
  f = std::string("lost");
  EXPECT_TRUE(f == "lost");
  EXPECT_FALSE(f == "took");
}

// A sealed FoldedWord (the hash kept by SentenceWords) finds in every table exactly what
// its characters find, and what an unsealed copy finds; assigning a new value drops the
// kept hash.
TEST(FoldedWordTest, SealedLookupsAgreeWithPlainOnes) {
  const WordSet a = {"the", "had", "ground-breaking-and-longer", "\xc3\xa9tat", "", "x"};
  const WordSet b = {"had", "took", "-"};
  const WordClasses classes{&a, &b};
  const std::vector<std::string> probe = {"the", "had", "ground-breaking-and-longer", "ground-breaking-and-longeR",
                                          "\xc3\xa9tat", "", "x", "y", "took", "-", "tooks", "ha", "The"};
  for (const std::string& s : probe) {
    FoldedWord f(s);
    EXPECT_FALSE(f.sealed());
    const uint64_t plain_a = a.count(std::string_view(s)), plain_cls = classes.Of(std::string_view(s));
    EXPECT_EQ(a.count(f), plain_a) << s;  // unsealed: hashed at the lookup
    f.Seal();
    ASSERT_TRUE(f.sealed());
    EXPECT_EQ(f.hash(), FoldedWord::HashOf(s));
    EXPECT_EQ(a.count(f), plain_a) << s;
    EXPECT_EQ(classes.Of(f), plain_cls) << s;
    EXPECT_EQ(a.table().Find(f), a.table().Find(std::string_view(s))) << s;
  }
  FoldedWord f("had");
  f.Seal();
  f = "took";
  EXPECT_FALSE(f.sealed());
  EXPECT_EQ(classes.Of(f), 2u);
  FoldedWord g("had");
  g.Seal();
  const FoldedWord copy = g;
  EXPECT_TRUE(copy.sealed());
  EXPECT_EQ(classes.Of(copy), 3u);
}

// SentenceWords seals every word it folds.
TEST(SpanWordsTest, SealsEveryWord) {
  Document doc;
  doc.text = "The army, backed by \xc3\x89TAT jets, retook Al-Qaeda's base.";
  std::vector<Word> words;
  SpanWords(doc, Span{0, static_cast<uint32_t>(doc.text.size())}, &words);
  ASSERT_FALSE(words.empty());
  for (const Word& w : words) {
    EXPECT_TRUE(w.folded.sealed()) << w.folded;
    EXPECT_EQ(w.folded.hash(), FoldedWord::HashOf(w.folded)) << w.folded;
  }
}

// Words of every length from 1 to 24 (the fast fold takes 4 to 16 ASCII bytes at a time),
// in mixed case with the letters next to A-Z ('@', '[', '`', '{'), digits and non-ASCII
// letters at either end: each folds as text::FoldForMatch and carries the hash of its
// folded form.
TEST(SpanWordsTest, WordAtATimeFoldAgreesWithFoldForMatch) {
  const std::string alphabet = "AbZyQm0Kz9XaBcDeFgHiJkLmNoPqRsTuVwWxYz";
  Document doc;
  for (size_t n = 1; n <= 24; ++n) {
    for (size_t start = 0; start < 6; ++start) {
      std::string w;
      for (size_t i = 0; i < n; ++i) w += alphabet[(start * 5 + i * 3) % alphabet.size()];
      doc.text += w + " ";
      doc.text += "\xc3\x89" + w + " " + w + "\xc3\xa9 ";
    }
  }
  std::vector<Word> words;
  SpanWords(doc, Span{0, static_cast<uint32_t>(doc.text.size())}, &words);
  ASSERT_GT(words.size(), 24u * 6u);
  for (const Word& w : words) {
    EXPECT_EQ(std::string(w.folded), text::FoldForMatch(doc.view(w.span)));
    EXPECT_TRUE(w.folded.sealed());
    EXPECT_EQ(w.folded.hash(), FoldedWord::HashOf(w.folded)) << w.folded;
  }
  // Bytes next to the letters: "@[`{" fold alone; a token of them keeps them.
  for (const char* t : {"@ABCZ[`az{", "A@Z[a`z{", "AB@@", "ZZZZ[[[["}) {
    Document d;
    d.text = t;
    SpanWords(d, Span{0, static_cast<uint32_t>(d.text.size())}, &words);
    for (const Word& w : words) {
      EXPECT_EQ(std::string(w.folded), text::FoldForMatch(d.view(w.span))) << t;
      EXPECT_EQ(w.folded.hash(), FoldedWord::HashOf(w.folded)) << t;
    }
  }
}

}  // namespace
}  // namespace sitrep::extract
