#include "lexicon/mentions.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace sitrep::lexicon {
namespace {

// The real lexicon (GeoNames data from scripts/setup-npm.sh); built once per test run.
const Lexicon* RealLexicon() {
  static const Lexicon* lex = [] () -> const Lexicon* {
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

std::string Dump(const Document& doc, const std::vector<Mention>& ms) {
  std::ostringstream out;
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    out << i << "\t" << doc.view(m.span) << "\t" << MentionKindName(m.kind) << "\t";
    if (m.resolved) {
      out << m.resolved->id << " (" << m.resolved->name << ", " << m.resolved->type << ", "
          << m.resolved->country;
      if (m.resolved->precision) out << ", p" << m.resolved->precision;
      if (!m.resolved->affiliation.empty()) out << ", aff " << m.resolved->affiliation;
      out << ")";
    } else {
      out << "-";
    }
    out << "\t" << m.how << "\n";
  }
  return out.str();
}

struct Case {
  std::string text;
  int line = 0;
  struct Expect {
    std::string surface, kind, id;
    bool absent = false;
  };
  std::vector<Expect> expects;
};

// tests/data/lexicon/mentions.txt: blocks of "text:" then "expect: surface | kind | id"
// ("-" for unresolved, "*" for any) and "absent: surface" lines; blocks end at "---".
std::vector<Case> ReadCases(const std::string& path) {
  std::ifstream in(path);
  std::vector<Case> cases;
  Case cur;
  std::string line;
  int n = 0;
  auto trim = [](std::string s) {
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  };
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("text:", 0) == 0) {
      cur.text = trim(line.substr(5));
      cur.line = n;
    } else if (line.rfind("expect:", 0) == 0) {
      std::string rest = line.substr(7);
      Case::Expect e;
      size_t a = rest.find('|'), b = rest.find('|', a + 1);
      e.surface = trim(rest.substr(0, a));
      e.kind = trim(rest.substr(a + 1, b - a - 1));
      e.id = trim(rest.substr(b + 1));
      cur.expects.push_back(e);
    } else if (line.rfind("absent:", 0) == 0) {
      Case::Expect e;
      e.surface = trim(line.substr(7));
      e.absent = true;
      cur.expects.push_back(e);
    } else if (line.rfind("---", 0) == 0) {
      if (!cur.text.empty()) cases.push_back(cur);
      cur = Case();
    }
  }
  if (!cur.text.empty()) cases.push_back(cur);
  return cases;
}

TEST(Mentions, TableFromDataFile) {
  const Lexicon* lex = RealLexicon();
  if (!lex) GTEST_SKIP() << "npm data not installed (scripts/setup-npm.sh)";
  auto cases = ReadCases(SITREP_SOURCE_DIR "/tests/data/lexicon/mentions.txt");
  ASSERT_GT(cases.size(), 10u);
  int checks = 0;
  for (const Case& c : cases) {
    Document doc;
    doc.text = c.text;
    auto ms = FindMentions(doc, *lex);
    for (const auto& e : c.expects) {
      ++checks;
      bool found = false;
      for (const Mention& m : ms) {
        if (doc.view(m.span) != e.surface) continue;
        if (e.absent) { found = true; break; }
        if (MentionKindName(m.kind) != e.kind) continue;
        if (e.id == "*" || (e.id == "-" && !m.resolved) || (m.resolved && m.resolved->id == e.id)) {
          found = true;
          break;
        }
      }
      if (e.absent) {
        EXPECT_FALSE(found) << "line " << c.line << ": '" << e.surface << "' should not be a mention\n"
                            << Dump(doc, ms);
      } else {
        EXPECT_TRUE(found) << "line " << c.line << ": want " << e.surface << " | " << e.kind
                           << " | " << e.id << "\n" << Dump(doc, ms);
      }
    }
  }
  EXPECT_GT(checks, 40);
}

TEST(Mentions, EmptyAndJunkDocumentsGiveNothing) {
  const Lexicon* lex = RealLexicon();
  if (!lex) GTEST_SKIP() << "npm data not installed";
  Document doc;
  EXPECT_TRUE(FindMentions(doc, *lex).empty());
  doc.text = "\n\n   \n!!! ,,, ---";
  EXPECT_TRUE(FindMentions(doc, *lex).empty());
}

TEST(Mentions, SpansUseSentencesWhenPresent) {
  const Lexicon* lex = RealLexicon();
  if (!lex) GTEST_SKIP() << "npm data not installed";
  Document doc;
  doc.text = "Dropped Aleppo line.\nFighting in Aleppo continued.";
  Sentence s;
  s.span = {21, static_cast<uint32_t>(doc.text.size())};
  doc.sentences.push_back(s);
  auto ms = FindMentions(doc, *lex);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(doc.view(ms[0].span), "Aleppo");
  EXPECT_EQ(ms[0].span.start, 33u);
}

// Set SITREP_LEXICON_DUMP=<file> to print the mentions of a text file (for development).
TEST(Mentions, DumpFileWhenAsked) {
  const char* path = std::getenv("SITREP_LEXICON_DUMP");
  if (!path) GTEST_SKIP() << "set SITREP_LEXICON_DUMP to a text file";
  const Lexicon* lex = RealLexicon();
  ASSERT_TRUE(lex);
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  Document doc;
  doc.text = ss.str();
  auto ms = FindMentions(doc, *lex);
  std::cout << Dump(doc, ms) << "focus: " << FocusCountry(ms) << "\n";
}

}  // namespace
}  // namespace sitrep::lexicon
