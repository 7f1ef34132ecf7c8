// Internal to lexicon/ tests. The real lexicon (GeoNames data from scripts/setup-npm.sh),
// opened once per test binary; nullptr when the data is not installed (tests then skip).
#pragma once

#include <iostream>

#include "lexicon/lexicon.h"

namespace sitrep::lexicon::testing {

inline const Lexicon* RealLexicon() {
  static const Lexicon* lex = []() -> const Lexicon* {
    LexiconOptions opt;
    opt.gazetteer.home = SITREP_SOURCE_DIR;
    GazetteerSources src = ResolveSources(opt.gazetteer, *PosixFileSystem());
    if (src.geonames_tables.empty()) return nullptr;
    auto l = Lexicon::Open(opt);
    if (!l.ok()) {
      std::cerr << l.status().ToString() << "\n";
      return nullptr;
    }
    return std::move(l).value().release();
  }();
  return lex;
}

}  // namespace sitrep::lexicon::testing
