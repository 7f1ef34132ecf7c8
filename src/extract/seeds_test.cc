// Runs extraction over the real articles in ../shared/seeds (when present) and prints what it
// finds for review. Nothing from those articles is stored in the repository; the test only
// checks invariants that must hold on any input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "extract/claims.h"
#include "extract/events.h"
#include "extract/test_util.h"
#include "lexicon/lexicon.h"

namespace sitrep::extract {
namespace {

const lexicon::Lexicon* RealLexicon() {
  static const lexicon::Lexicon* lex = [] () -> const lexicon::Lexicon* {
    lexicon::LexiconOptions opt;
    opt.gazetteer.home = SITREP_SOURCE_DIR;
    lexicon::GazetteerSources src = lexicon::ResolveSources(opt.gazetteer, *PosixFileSystem());
    if (src.geonames_tables.empty()) return nullptr;
    auto l = lexicon::Lexicon::Open(opt);
    if (!l.ok()) return nullptr;
    return std::move(l).value().release();
  }();
  return lex;
}

std::string Num(double v) { return testing::Num(v); }

TEST(Seeds, PrintClaimsAndEvents) {
  std::filesystem::path dir = std::filesystem::path(SITREP_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no seeds at " << dir;
  auto res = Resources::Default();
  ASSERT_TRUE(res.ok());
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  const lexicon::Lexicon* lex = RealLexicon();
  size_t total_claims = 0, total_events = 0;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Document doc = testing::MakeDocument(ss.str(), f.filename().string());
    std::vector<lexicon::Mention> mentions;
    if (lex != nullptr) mentions = lexicon::FindMentions(doc, *lex);
    auto timexes = testing::TagTimes(doc, "");
    auto claims = FindClaims(**res, doc, mentions, timexes);
    auto events = FindEvents(**res, doc, mentions, timexes);
    std::cout << "== " << f.filename().string() << ": " << claims.size() << " claims, " << events.size()
              << " events, " << mentions.size() << " mentions\n";
    for (const Claim& c : claims) {
      EXPECT_LT(c.sentence, doc.sentences.size());
      EXPECT_LE(doc.sentences[c.sentence].span.start, c.span.start);
      EXPECT_LE(c.span.end, doc.sentences[c.sentence].span.end);
      std::cout << "  claim s" << c.sentence << " " << c.kind << " " << Num(c.low) << ".." << Num(c.high)
                << " [" << doc.view(c.span) << "] " << c.rule;
      if (!c.calibre.empty()) std::cout << " calibre=" << c.calibre;
      if (!c.claimed_by.empty())
        std::cout << " by=" << c.claimed_by.text << (c.claimed_by.id.empty() ? "" : " -> " + c.claimed_by.id)
                  << " (" << c.claimed_by.how << ")";
      if (!c.about.empty()) std::cout << " about=" << c.about.text << " -> " << c.about.id;
      std::cout << "\n";
    }
    for (const Event& e : events) {
      EXPECT_LT(e.sentence, doc.sentences.size());
      std::cout << "  event s" << e.sentence << " " << (**res).event_types()[e.type].id << " ["
                << doc.view(e.trigger) << "] " << StatusName(e.status);
      if (!e.agent.empty()) std::cout << " agent=" << e.agent.text << (e.agent.id.empty() ? "" : " -> " + e.agent.id);
      if (!e.target.empty()) std::cout << " target=" << e.target.text;
      if (!e.place.empty()) std::cout << " place=" << e.place.text << (e.place.id.empty() ? "" : " -> " + e.place.id);
      std::cout << " time=" << (e.time.empty() ? "-" : e.time) << " (" << e.time_source << ")";
      if (!e.claimed_by.empty()) std::cout << " by=" << e.claimed_by.text;
      std::cout << " " << e.rule << "\n";
    }
    total_claims += claims.size();
    total_events += events.size();
  }
  std::cout << "total: " << total_claims << " claims, " << total_events << " events"
            << (lex == nullptr ? " (no gazetteer: mentions skipped)" : "") << "\n";
}

}  // namespace
}  // namespace sitrep::extract
