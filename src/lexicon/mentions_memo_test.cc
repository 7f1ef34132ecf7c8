// FindMentions (words through the thread's memo, phrases matched from the memoised
// lookups) against FindMentionsWithoutMemo (every word looked up in the indexes, as
// PhraseIndex::FindAll does) on every text the repository has: every field of every
// mention must agree, on a cold memo, a warm one, and a memo filled by other documents.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "lexicon/mentions.h"
#include "lexicon/test_util.h"

namespace sitrep::lexicon {
namespace {

using testing::RealLexicon;

// Every field, so that any difference shows.
std::string FullDump(const Document& doc, const std::vector<Mention>& ms) {
  std::ostringstream out;
  out.precision(17);
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    out << i << " [" << m.span.start << "," << m.span.end << ") " << doc.view(m.span) << " | "
        << MentionKindName(m.kind) << " | " << m.how << " | ref " << m.refers_to;
    if (m.resolved) {
      const Resolved& r = *m.resolved;
      out << " | " << r.id << " | " << r.name << " | " << r.type << " | " << r.subtype << " | "
          << r.country << " | " << r.admin1 << " | " << r.has_position << " " << r.lat << " "
          << r.lon << " | " << static_cast<int>(r.feature_class) << " p" << r.precision << " | "
          << r.affiliation << " | " << r.role << " | " << r.foreign << " | " << r.direction
          << " " << r.offset_km;
    }
    out << "\n";
  }
  return out.str();
}

std::vector<std::string> RepositoryTexts() {
  const std::vector<std::filesystem::path> files = testing::RepositoryFiles({".txt", ".gold"});
  std::vector<std::string> texts;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    if (ss.str().size() < (4u << 20)) texts.push_back(ss.str());
  }
  return texts;
}

TEST(MentionsMemo, AgreesWithDirectLookupsOnRepositoryTexts) {
  const Lexicon* lex = RealLexicon();
  if (!lex) GTEST_SKIP() << "npm data not installed";
  std::vector<std::string> texts = RepositoryTexts();
  ASSERT_GT(texts.size(), 20u);
  size_t mentions = 0;
  for (int round = 0; round < 2; ++round) {  // cold memo, then warm
    for (const std::string& t : texts) {
      Document doc;
      doc.text = t;
      std::string want = FullDump(doc, FindMentionsWithoutMemo(doc, *lex));
      std::string got = FullDump(doc, FindMentions(doc, *lex));
      ASSERT_EQ(got, want) << t.substr(0, 200);
      mentions += std::count(want.begin(), want.end(), '\n');
    }
  }
  EXPECT_GT(mentions, 1000u);
}

// The same document with and without sentences from the caller, and with captions dropped.
TEST(MentionsMemo, AgreesWithSentencesAndOptions) {
  const Lexicon* lex = RealLexicon();
  if (!lex) GTEST_SKIP() << "npm data not installed";
  Document doc;
  doc.text =
      "Syrian government forces, backed by Russian air strikes, recaptured Palmyra from "
      "Islamic State on Sunday, the Syrian Observatory for Human Rights said.\n"
      "Photo: Smoke rises over Deir ez-Zor.\n"
      "Kremlin spokesman Dmitry Peskov said Moscow would keep its forces near Homs. He said "
      "the town of Qaryatain, 100 km southwest of Palmyra, was next.\n";
  uint32_t at = 0;
  for (LineKind k : {LineKind::kBody, LineKind::kCaption, LineKind::kBody}) {
    size_t nl = doc.text.find('\n', at);
    Sentence s;
    s.span = {at, static_cast<uint32_t>(nl)};
    s.kind = k;
    doc.sentences.push_back(s);
    at = static_cast<uint32_t>(nl + 1);
  }
  for (bool skip : {false, true}) {
    MentionOptions opt;
    opt.skip_captions = skip;
    std::string want = FullDump(doc, FindMentionsWithoutMemo(doc, *lex, opt));
    EXPECT_EQ(FullDump(doc, FindMentions(doc, *lex, opt)), want);
    EXPECT_NE(want.find("Palmyra"), std::string::npos);
  }
}

}  // namespace
}  // namespace sitrep::lexicon
