#include "extract/claims.h"

#include <gtest/gtest.h>

#include <sstream>

#include "extract/attribution.h"
#include "extract/events.h"
#include "extract/test_util.h"

#include <random>

namespace sitrep::extract {
namespace {

using testing::Case;

const Resources& Res() {
  auto r = Resources::Default();
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return **r;
}

std::string Describe(const Document& doc, const Claim& c) {
  std::ostringstream o;
  o << c.kind << " " << testing::Num(c.low) << ".." << testing::Num(c.high) << " | number="
    << doc.view(c.number) << " | span=" << doc.view(c.span) << " | rule=" << c.rule;
  if (c.effect != ModEffect::kNone) o << " | mod=" << ModEffectName(c.effect);
  if (!c.noun.empty()) o << " | noun=" << c.noun;
  if (!c.calibre.empty()) o << " | calibre=" << c.calibre;
  if (c.acled >= 0 && c.vague) o << " | acled=" << testing::Num(c.acled);
  if (!c.claimed_by.empty()) o << " | by=" << c.claimed_by.text << " (" << c.claimed_by.how << ")";
  if (!c.about.empty()) o << " | about=" << c.about.text;
  return o.str();
}

std::string Field(const Document& doc, const Claim& c, const std::string& key) {
  if (key == "number") return std::string(doc.view(c.number));
  if (key == "span") return std::string(doc.view(c.span));
  if (key == "rule") return c.rule;
  if (key == "mod") return std::string(ModEffectName(c.effect));
  if (key == "noun") return c.noun;
  if (key == "calibre") return c.calibre;
  if (key == "acled") return testing::Num(c.acled);
  if (key == "by") return c.claimed_by.text;
  if (key == "by_id") return c.claimed_by.id;
  if (key == "about") return c.about.text;
  if (key == "sentence") return std::to_string(c.sentence);
  return "<unknown key " + key + ">";
}

TEST(Claims, CaseFile) {
  const Resources& res = Res();
  std::vector<Case> cases = testing::ReadCases("claims.txt");
  ASSERT_FALSE(cases.empty());
  for (const Case& k : cases) {
    Document doc = testing::MakeDocument(k.text);
    auto timexes = testing::TagTimes(doc, k.date);
    std::vector<Claim> got = FindClaims(res, doc, {}, timexes);
    std::ostringstream all;
    for (const Claim& c : got) all << "\n  " << Describe(doc, c);
    SCOPED_TRACE("claims.txt:" + std::to_string(k.line) + " got:" + all.str());
    if (k.no_claims) {
      EXPECT_TRUE(got.empty());
      continue;
    }
    ASSERT_EQ(got.size(), k.claims.size());
    for (size_t i = 0; i < got.size(); ++i) {
      std::string head;
      auto fields = testing::Fields(k.claims[i], &head);
      const Claim& c = got[i];
      EXPECT_EQ(c.kind + " " + testing::Num(c.low) + ".." + testing::Num(c.high), head) << "claim " << i;
      for (const auto& [key, val] : fields) EXPECT_EQ(Field(doc, c, key), val) << "claim " << i << " " << key;
      EXPECT_EQ(c.document, "test");
      EXPECT_FALSE(c.rule.empty());
      EXPECT_LE(c.span.start, c.number.start);
    }
  }
}

lexicon::Mention MentionOf(const Document& doc, std::string_view surface, lexicon::MentionKind kind,
                           std::string id, size_t from = 0) {
  lexicon::Mention m;
  size_t at = doc.text.find(surface, from);
  EXPECT_NE(at, std::string::npos) << surface;
  m.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + surface.size())};
  m.kind = kind;
  m.resolved = lexicon::Resolved{};
  m.resolved->id = std::move(id);
  m.resolved->name = std::string(surface);
  return m;
}

TEST(Claims, ClaimantAndAboutResolveToMentions) {
  Document doc = testing::MakeDocument(
      "Rebel spokesman Omar Haddad said the brigade lost 20 tanks.\n\n"
      "\"We killed 40 of their soldiers,\" he said.\n\n"
      "The monitor said 15 Wagner fighters were killed.");
  std::vector<lexicon::Mention> ms;
  ms.push_back(MentionOf(doc, "Omar Haddad", lexicon::MentionKind::kPerson, "person:omar-haddad"));
  ms.push_back(MentionOf(doc, "brigade", lexicon::MentionKind::kActor, "brigade-x"));
  ms.push_back(MentionOf(doc, "The monitor", lexicon::MentionKind::kSource, "monitor-y"));
  ms.push_back(MentionOf(doc, "Wagner", lexicon::MentionKind::kActor, "wagner"));
  std::vector<Claim> got = FindClaims(Res(), doc, ms, {});
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].kind, "tanks");
  EXPECT_EQ(got[0].claimed_by.id, "person:omar-haddad");
  EXPECT_EQ(got[1].kind, "killed");
  EXPECT_EQ(got[1].claimed_by.id, "person:omar-haddad");  // "he said"
  EXPECT_EQ(got[1].claimed_by.how.rfind("pronoun", 0), 0u);  // "pronoun-previous": the paragraph before
  EXPECT_EQ(got[2].claimed_by.id, "monitor-y");
  EXPECT_EQ(got[2].about.id, "wagner");
}

// Word soup from the data files' own vocabulary, digits and punctuation: nothing may crash
// and every span must stay inside its sentence.
TEST(Claims, WordSoupKeepsSpansInsideSentences) {
  const Resources& res = Res();
  const std::vector<std::string> vocab = {
      "killed", "at", "least", "12", "1,200", "dozens", "of", "fighters", "were", "wounded", "by",
      "the", "Army", "said", "according", "to", "\"", ",", ".", "he", "captured", "Town", "fell",
      "was", "driven", "out", "122", "mm", "guns", "%", "-", "to", "between", "and", "a", "few",
      "untold", "IS", "'s", "its", "after", "if", "not", "will", "km", "tanks", "\n\n", "Reuters",
      "reported", "that", "told", "under", "control", "of", "2016", "March", "aged", "year-old"};
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    int n = 1 + static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) {
      text += vocab[rng() % vocab.size()];
      text += ' ';
    }
    Document doc = testing::MakeDocument(text);
    for (const Claim& c : FindClaims(res, doc, {}, {})) {
      const Span s = doc.sentences[c.sentence].span;
      EXPECT_LE(s.start, c.span.start) << text;
      EXPECT_LE(c.span.end, s.end) << text;
      EXPECT_LE(c.span.start, c.number.start) << text;
    }
    for (const Event& e : FindEvents(res, doc, {}, {})) {
      const Span s = doc.sentences[e.sentence].span;
      EXPECT_LE(s.start, e.trigger.start) << text;
      EXPECT_LE(e.trigger.end, s.end) << text;
    }
  }
}

TEST(Claims, TheLoserIsWhatTheCountIsAbout) {
  Document doc = testing::MakeDocument("The Kurdish militia lost 14 tanks near the border.");
  std::vector<lexicon::Mention> ms;
  ms.push_back(MentionOf(doc, "Kurdish militia", lexicon::MentionKind::kActor, "ypg"));
  std::vector<Claim> got = FindClaims(Res(), doc, ms, {});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].kind, "tanks");
  EXPECT_EQ(got[0].about.id, "ypg");
  EXPECT_EQ(got[0].about.how, "loser");
}

// "he said" resolves inside its paragraph (or to a speaker the paragraph names later),
// never to a person named paragraphs before.
TEST(Claims, PronounClaimantStaysInItsParagraph) {
  Document doc = testing::MakeDocument(
      "Rebel spokesman Omar Haddad said the brigade lost 20 tanks.\n\n"
      "The army shelled the town on Monday.\n\n"
      "Heavy rain fell on the plain.\n\n"
      "Some 40 soldiers, he said, were killed on Friday. The unit withdrew, according to Captain Lee.");
  std::vector<lexicon::Mention> ms;
  ms.push_back(MentionOf(doc, "Omar Haddad", lexicon::MentionKind::kPerson, "person:omar-haddad"));
  std::vector<Claim> got = FindClaims(Res(), doc, ms, {});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].kind, "killed");
  EXPECT_EQ(got[1].claimed_by.text, "Captain Lee");
  EXPECT_EQ(got[1].claimed_by.how, "pronoun-later");
}

// "told X": who is told never speaks, so a person named there is no antecedent of "he".
TEST(Claims, WhoIsToldIsNoPronounAntecedent) {
  Document doc = testing::MakeDocument(
      "A militia commander, who gave his name as Abu Karim, told Gulf Radio that the town fell. "
      "\"We took 12 prisoners,\" he said.");
  std::vector<lexicon::Mention> ms;
  ms.push_back(MentionOf(doc, "Gulf Radio", lexicon::MentionKind::kPerson, "person:gulf-radio"));
  std::vector<Claim> got = FindClaims(Res(), doc, ms, {});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].kind, "captured");
  EXPECT_NE(got[0].claimed_by.id, "person:gulf-radio");
  EXPECT_EQ(got[0].claimed_by.text, "he");
}

// "men loyal to President X" are about X's side; "the militia had 800 men" about the militia.
TEST(Claims, AboutTheSideOfAPersonAndTheHolder) {
  Document doc = testing::MakeDocument(
      "The government denied the report.\n\n"
      "The rebels said they killed at least 50 men loyal to President Tom Arlen.\n\n"
      "The Hill Militia had over 700 fighters around the port.");
  std::vector<lexicon::Mention> ms;
  ms.push_back(MentionOf(doc, "The government", lexicon::MentionKind::kActor, "gov:xx"));
  ms.push_back(MentionOf(doc, "Tom Arlen", lexicon::MentionKind::kPerson, "person:tom-arlen"));  // title outside
  ms.back().resolved->affiliation = "gov:xx";
  ms.push_back(MentionOf(doc, "The Hill Militia", lexicon::MentionKind::kActor, "hill-militia"));
  std::vector<Claim> got = FindClaims(Res(), doc, ms, {});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].kind, "killed");
  EXPECT_EQ(got[0].about.id, "gov:xx");
  EXPECT_EQ(got[0].about.mention, 0u);  // the actor mention of that side
  EXPECT_EQ(got[1].kind, "troops");
  EXPECT_EQ(got[1].about.id, "hill-militia");
  EXPECT_EQ(got[1].about.how, "holder");
}

// "Russia had lost 1,500 tanks": the name right before the verb is the loser, even a
// country; a bare toll in a paragraph that counted one side's men is about that side.
TEST(Claims, LoserBeforeTheVerbAndTollsOfTheSideCounted) {
  Document doc = testing::MakeDocument(
      "Officials in Kyiv said Moldavia had lost more than 900 tanks.\n\n"
      "The Hill Militia had over 700 fighters around the port, the source said. \"Over 50 were killed.\"");
  std::vector<lexicon::Mention> ms;
  ms.push_back(MentionOf(doc, "Kyiv", lexicon::MentionKind::kActor, "gov:ua"));
  ms.push_back(MentionOf(doc, "Moldavia", lexicon::MentionKind::kPlace, "country:md"));
  ms.push_back(MentionOf(doc, "The Hill Militia", lexicon::MentionKind::kActor, "hill-militia"));
  std::vector<Claim> got = FindClaims(Res(), doc, ms, {});
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].about.id, "country:md");
  EXPECT_EQ(got[2].kind, "killed");
  EXPECT_EQ(got[2].about.id, "hill-militia");
  EXPECT_EQ(got[2].about.how, "paragraph-forces");
}

// "militants" with no group beside them: the armed group named just before; "fighters"
// counted beside them in the same sentence are the same group's.
TEST(Claims, GroupNounsTakeTheGroupNamedBefore) {
  Document doc = testing::MakeDocument(
      "The Shabaab attacked the base at dawn. Officials said jets killed 30 militants but more than 900 "
      "fighters had still managed to reach the wall.");
  std::vector<lexicon::Mention> ms;
  ms.push_back(MentionOf(doc, "The Shabaab", lexicon::MentionKind::kActor, "al-shabaab"));
  ms.back().resolved->type = "non-state armed group";
  std::vector<Claim> got = FindClaims(Res(), doc, ms, {});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].about.id, "al-shabaab");
  EXPECT_EQ(got[1].kind, "troops");
  EXPECT_EQ(got[1].about.id, "al-shabaab");
}

// A place inside a longer claimant is a modifier of it, never the speaker.
TEST(Claims, PlaceInsideAClaimantIsNotTheClaimant) {
  Document doc = testing::MakeDocument("Mali's antiquities chief said 3 guards were killed.");
  std::vector<lexicon::Mention> ms;
  ms.push_back(MentionOf(doc, "Mali", lexicon::MentionKind::kPlace, "2453866"));
  std::vector<Claim> got = FindClaims(Res(), doc, ms, {});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].claimed_by.text, "Mali's antiquities chief");
  EXPECT_TRUE(got[0].claimed_by.id.empty());
}

TEST(Claims, EmptyDocumentHasNone) {
  Document doc;
  EXPECT_TRUE(FindClaims(Res(), doc, {}, {}).empty());
}

// MakeParty binary-searches the text-ordered mentions; the obvious scan over all of them
// (the best kind among those overlapping the span: source, person, actor, place; the
// first on a tie) must pick the same mention.
TEST(Attribution, MakePartyMatchesLinearScan) {
  Document doc;
  doc.id = "test";
  doc.text = std::string(2000, 'x');
  std::mt19937 rng(7);
  std::vector<lexicon::Mention> mentions;
  uint32_t at = 0;
  while (at < 1900) {
    lexicon::Mention m;
    const uint32_t len = 1 + rng() % 30;
    m.span = Span{at, at + len};
    m.kind = static_cast<lexicon::MentionKind>(rng() % 4);
    mentions.push_back(m);
    at += rng() % 20;  // starts never go down; spans may overlap and nest
  }
  auto rank = [](lexicon::MentionKind k) {
    return k == lexicon::MentionKind::kSource ? 0 : k == lexicon::MentionKind::kPerson ? 1
         : k == lexicon::MentionKind::kActor ? 2 : 3;
  };
  for (int trial = 0; trial < 2000; ++trial) {
    const uint32_t a = rng() % 1990, b = a + 1 + rng() % 40;
    const Span span{a, b};
    uint32_t want = lexicon::Mention::kNoRef;
    int best = 99;
    for (uint32_t i = 0; i < mentions.size(); ++i) {
      const auto& m = mentions[i];
      if (m.span.end <= span.start || m.span.start >= span.end) continue;
      if (rank(m.kind) < best) best = rank(m.kind), want = i;
    }
    EXPECT_EQ(MakeParty(doc, span, mentions, "test").mention, want) << a << ".." << b;
  }
}

TEST(Claims, NumberWordMatchesTheSlowTwin) {
  const Resources& res = Res();
  std::vector<std::string> words = {"one", "five", "twenty", "twenty-five", "ninety-nine", "a", "dozen", "dozens",
                                    "hundred", "thousand", "million", "the", "killed", "pro-regime", "twenty-",
                                    "-five", "-", "", "five-year", "one-third", "seventy-seven", "a-few"};
  for (uint32_t i = 0; i < res.quantities().size(); ++i) {
    for (const auto& part : res.quantities()[i].words) words.push_back(std::string(part));
  }
  for (const std::string& a : std::vector<std::string>(words)) words.push_back(a + "-" + "three");
  for (const std::string& t : words) {
    FoldedWord sealed(t);
    sealed.Seal();
    EXPECT_EQ(NumberWord(res, sealed), NumberWordSlow(res, t)) << t;
    EXPECT_EQ(NumberWord(res, FoldedWord(t)), NumberWordSlow(res, t)) << t;
  }
}

TEST(Claims, ParseDigitsMatchesTheSlowTwin) {
  std::vector<std::string> cases = {"0", "7", "1,800", "4,000", "3.5", "1.000.000", "1,109", "10:30", "3rd",
                                    "1990s", ",", "", "1,", ",5", "999999999999999", "1234567890123456",
                                    "12345678901234567890", "0007", "2,5", "1.5", "12.", ".5"};
  std::mt19937 rng(7);
  const char alphabet[] = "0123456789,.:a";
  for (int i = 0; i < 5000; ++i) {
    std::string t;
    const int len = 1 + static_cast<int>(rng() % 20);
    for (int k = 0; k < len; ++k) t.push_back(alphabet[rng() % (i % 3 == 0 ? 14 : 11)]);
    cases.push_back(t);
  }
  for (const std::string& t : cases) {
    double fast = -7, slow = -7;
    const bool f = ParseDigits(t, &fast);
    const bool s = ParseDigitsSlow(t, &slow);
    ASSERT_EQ(f, s) << t;
    if (f) {
      EXPECT_EQ(fast, slow) << t;
    }
  }
}

}  // namespace
}  // namespace sitrep::extract
