// The parser's prefix gate (grammar.cc, Parser::PrefixBlocked) trusts IsGrammarLiteral to
// know every word a rule names: this test reads the grammar's sources and checks that each
// lowercase word literal in them is listed.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "time/grammar_literals.h"
#include "time/scanner.h"

namespace sitrep::time {
namespace {

// The lowercase-letter string literals of `code`, outside // comments.
std::vector<std::string> WordLiterals(const std::string& code) {
  std::vector<std::string> out;
  std::istringstream in(code);
  std::string line;
  while (std::getline(in, line)) {
    bool in_string = false;
    std::string cur;
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (!in_string && c == '/' && i + 1 < line.size() && line[i + 1] == '/') break;
      if (!in_string && c == '\'' && i + 2 < line.size()) {  // a char literal: skip it
        i += line[i + 1] == '\\' ? 3 : 2;
        continue;
      }
      if (c == '\\' && in_string) {
        cur += '\\';
        ++i;
        continue;
      }
      if (c == '"') {
        if (in_string) {
          bool word = !cur.empty();
          for (char w : cur) word &= w >= 'a' && w <= 'z';
          if (word) out.push_back(cur);
          cur.clear();
        }
        in_string = !in_string;
        continue;
      }
      if (in_string) cur += c;
    }
  }
  return out;
}

TEST(GrammarLiterals, EveryWordTheGrammarNamesIsListed) {
  const std::string dir = std::string(SITREP_SOURCE_DIR) + "/src/time/";
  size_t checked = 0;
  for (const char* file : {"grammar.cc", "grammar_dates.cc", "grammar_numbers.cc", "grammar_ranges.cc",
                           "grammar_relative.cc", "grammar_times.cc", "parser.h"}) {
    std::ifstream in(dir + file);
    ASSERT_TRUE(in) << dir + file;
    std::stringstream code;
    code << in.rdbuf();
    for (const std::string& w : WordLiterals(code.str())) {
      EXPECT_TRUE(IsGrammarLiteral(WordHash(w.data(), w.size()))) << file << ": \"" << w << "\" is not in grammar_literals.cc";
      ++checked;
    }
  }
  EXPECT_GT(checked, 500u);
  EXPECT_FALSE(IsGrammarLiteral(WordHash("army", 4)));
  EXPECT_FALSE(IsGrammarLiteral(0));
}

}  // namespace
}  // namespace sitrep::time
