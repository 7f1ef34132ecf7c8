// Internal to lexicon/ tests. The real lexicon (GeoNames data from scripts/setup-npm.sh),
// opened once per test binary; nullptr when the data is not installed (tests then skip).
#pragma once

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <iostream>
#include <string>
#include <vector>

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

// Every file under examples/ and tests/data/ (and ../shared/seeds, when present) whose
// extension is one of `exts` (".txt", ".gold", ...), sorted by path.
inline std::vector<std::filesystem::path> RepositoryFiles(std::initializer_list<const char*> exts) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const char* dir : {SITREP_SOURCE_DIR "/examples", SITREP_SOURCE_DIR "/tests/data",
                          SITREP_SOURCE_DIR "/../shared/seeds"}) {
    for (auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) {
      if (!e.is_regular_file()) continue;
      const std::string ext = e.path().extension().string();
      for (const char* x : exts) {
        if (ext == x) files.push_back(e.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace sitrep::lexicon::testing
