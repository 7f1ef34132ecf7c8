// DetectTense (which stops once no cue further out can win) against DetectTenseSlow
// (which reads the whole window): same tense for every span of one to three tokens of
// every line of the repository's texts.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "sitrep/env.h"
#include "time/lexicon.h"
#include "time/scanner.h"
#include "time/tense.h"
#include "time/timex.h"

namespace sitrep::time {
namespace {

TEST(Tense, PrunedSameAsWholeWindow) {
  auto lex = Lexicon::Load(*PosixFileSystem(), Tagger::DefaultDataDir());
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  const std::string root = SITREP_SOURCE_DIR;
  size_t spans = 0, cued = 0;
  Scan scan;
  for (const char* dir : {"/examples", "/tests/data/gold", "/tests/data/articles", "/tests/data/articles2",
                          "/tests/data/articles3", "/tests/data/time"}) {
    auto files = PosixFileSystem()->ListFilesRecursive(root + dir);
    if (!files.ok()) continue;
    for (const std::string& f : *files) {
      std::ifstream in(f);
      std::string line;
      while (std::getline(in, line)) {
        ScanText(line, **lex, &scan);
        const uint32_t n = static_cast<uint32_t>(scan.toks.size());
        for (uint32_t b = 0; b < n; ++b) {
          for (uint32_t e = b + 1; e <= n && e <= b + 3; ++e) {
            const Tense slow = DetectTenseSlow(scan, b, e);
            ASSERT_EQ(DetectTense(scan, b, e), slow) << line << " [" << b << ", " << e << ")";
            ++spans;
            cued += slow != Tense::kUnknown;
          }
        }
      }
    }
  }
  EXPECT_GT(spans, 100000u);
  EXPECT_GT(cued, 10000u);
}

}  // namespace
}  // namespace sitrep::time
