#include "lexicon/mentions.h"
#include "lexicon/test_util.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace sitrep::lexicon {
namespace {

using testing::RealLexicon;

std::string Dump(const Document& doc, const std::vector<Mention>& ms) {
  std::ostringstream out;
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    out << i << "\t" << doc.view(m.span) << "\t" << MentionKindName(m.kind) << "\t";
    if (m.resolved) {
      out << m.resolved->id << " (" << m.resolved->name << ", " << m.resolved->type << ", "
          << m.resolved->country;
      if (m.resolved->precision) out << ", p" << m.resolved->precision;
      if (m.resolved->has_position) out << ", @" << m.resolved->lat << "," << m.resolved->lon;
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
    std::string surface, kind, id, affiliation;  // affiliation: checked when given
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
      size_t a = rest.find('|'), b = rest.find('|', a + 1), c = rest.find('|', b + 1);
      e.surface = trim(rest.substr(0, a));
      e.kind = trim(rest.substr(a + 1, b - a - 1));
      e.id = trim(rest.substr(b + 1, c == std::string::npos ? std::string::npos : c - b - 1));
      if (c != std::string::npos) e.affiliation = trim(rest.substr(c + 1));
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
        if (!e.affiliation.empty() && (!m.resolved || m.resolved->affiliation != (e.affiliation == "-" ? "" : e.affiliation))) continue;
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

double Km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  double a = std::sin((lat2 - lat1) * kRad / 2) * std::sin((lat2 - lat1) * kRad / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin((lon2 - lon1) * kRad / 2) *
                 std::sin((lon2 - lon1) * kRad / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

// Geoparsing scored like Mordecai: a gold toponym counts when a place mention overlaps it;
// exact when the ids agree, country when the countries do, and within 161 km.
TEST(Mentions, GeoparsingScore) {
  const Lexicon* lex = RealLexicon();
  if (!lex) GTEST_SKIP() << "npm data not installed";
  std::ifstream in(SITREP_SOURCE_DIR "/tests/data/lexicon/geoparse.tsv");
  ASSERT_TRUE(in);
  std::string line;
  int gold = 0, exact = 0, country = 0, near = 0;
  std::string misses;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    Document doc;
    doc.text = line.substr(0, tab);
    auto ms = FindMentions(doc, *lex);
    std::stringstream gs(line.substr(tab + 1));
    std::string item;
    while (std::getline(gs, item, ';')) {
      std::vector<std::string> f;
      std::stringstream is(item);
      std::string x;
      while (std::getline(is, x, '|')) {
        while (!x.empty() && x.front() == ' ') x.erase(x.begin());
        while (!x.empty() && x.back() == ' ') x.pop_back();
        f.push_back(x);
      }
      if (f.size() != 5) continue;
      ++gold;
      size_t at = doc.text.find(f[0]);
      ASSERT_NE(at, std::string::npos) << f[0];
      const Mention* hit = nullptr;
      for (const Mention& m : ms) {
        if (m.kind == MentionKind::kPlace && m.resolved && m.span.start < at + f[0].size() &&
            m.span.end > at) {
          hit = &m;
          break;
        }
      }
      if (!hit) {
        misses += " " + f[0];
        continue;
      }
      exact += hit->resolved->id == f[1];
      country += hit->resolved->country == f[2];
      near += Km(hit->resolved->lat, hit->resolved->lon, std::stod(f[3]), std::stod(f[4])) <= 161;
    }
  }
  ASSERT_GT(gold, 80);
  double pe = 1.0 * exact / gold, pc = 1.0 * country / gold, pn = 1.0 * near / gold;
  std::cout << "geoparse: " << gold << " toponyms, exact " << pe << ", country " << pc
            << ", within 161 km " << pn << "; missed:" << misses << "\n";
  EXPECT_GE(pe, 0.90);
  EXPECT_GE(pc, 0.95);
}

// Regression: the focus country counted only places of 100,000 people or more, and a
// country's own name twice as much as any place, so a story set in a small town, naming
// another state twice as an actor, resolved "the regime" to that state. Every mention of a
// place now counts toward its country (twice when the text puts something there), and a
// country named as an actor counts once.
TEST(Mentions, RegressionFocusFromSmallTownNotCountryNamedAsActor) {
  const Lexicon* lex = RealLexicon();
  if (!lex) GTEST_SKIP() << "no GeoNames data (scripts/setup-npm.sh)";
  Document doc;
  doc.text =
      "Government artillery shelled Kafr Nabl on Monday, residents said. Fighters in Kafr Nabl "
      "said the regime had moved tanks to the hills near Kafr Nabl overnight. Iran has sent "
      "advisers to help the regime, though Iran denies any role in the fighting. The regime did "
      "not comment on the shelling of Kafr Nabl.";
  auto ms = FindMentions(doc, *lex);
  int town = 0, regime = 0, iran = 0;
  for (const Mention& m : ms) {
    std::string_view text = doc.view(m.span);
    ASSERT_TRUE(m.resolved) << text;
    if (text == "Kafr Nabl") {
      ++town;
      EXPECT_EQ(m.resolved->country, "SY");
    } else if (text == "the regime" || text == "The regime") {
      ++regime;
      EXPECT_EQ(m.resolved->id, "gov:SY") << m.how;
    } else if (text == "Iran") {
      ++iran;
      EXPECT_EQ(m.resolved->country, "IR");
    }
  }
  EXPECT_EQ(town, 4) << Dump(doc, ms);
  EXPECT_EQ(regime, 3) << Dump(doc, ms);
  EXPECT_EQ(iran, 2) << Dump(doc, ms);
}

// The same for a city whose name is found in several countries (so its mentions count
// once a candidate is chosen): a city named three times as the scene of fighting and
// another state named twice as an actor.
TEST(Mentions, RegressionFocusFromChosenPlacesOfAmbiguousNames) {
  const Lexicon* lex = RealLexicon();
  if (!lex) GTEST_SKIP() << "no GeoNames data (scripts/setup-npm.sh)";
  Document doc;
  doc.text =
      "Fighting went on around Tripoli on Sunday as troops pushed into the southern suburbs. "
      "Shells fell near Tripoli all night, a resident told us. Turkey said its drones had flown "
      "dozens of sorties, and Turkey promised more. The army said it would hold Tripoli.";
  auto ms = FindMentions(doc, *lex);
  int city = 0, army = 0;
  for (const Mention& m : ms) {
    std::string_view text = doc.view(m.span);
    ASSERT_TRUE(m.resolved) << text;
    if (text == "Tripoli") {
      ++city;
      EXPECT_EQ(m.resolved->country, "LY") << m.how;
    } else if (text == "The army") {
      ++army;
      EXPECT_EQ(m.resolved->id, "forces:LY") << m.how;
    } else if (text == "Turkey") {
      EXPECT_EQ(m.resolved->country, "TR");
    }
  }
  EXPECT_EQ(city, 3) << Dump(doc, ms);
  EXPECT_EQ(army, 1) << Dump(doc, ms);
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

// The real articles in ../shared/seeds, when present: mentions are found, every resolved
// place has a country and a position, and sources are recognised.
TEST(Mentions, SharedSeedsWhenPresent) {
  const Lexicon* lex = RealLexicon();
  if (!lex) GTEST_SKIP() << "npm data not installed";
  std::string dir = SITREP_SOURCE_DIR "/../shared/seeds";
  auto files = PosixFileSystem()->ListFilesRecursive(dir);
  if (!files.ok() || files->empty()) GTEST_SKIP() << "no " << dir;
  for (const auto& f : *files) {
    auto text = PosixFileSystem()->ReadFile(f, 1 << 24);
    ASSERT_TRUE(text.ok());
    Document doc;
    doc.text = *text;
    auto ms = FindMentions(doc, *lex);
    int places = 0, sources = 0, actors = 0;
    for (const Mention& m : ms) {
      ASSERT_LE(m.span.end, doc.text.size());
      if (m.kind == MentionKind::kPlace && m.resolved) {
        ++places;
        EXPECT_FALSE(m.resolved->country.empty()) << f << ": " << doc.view(m.span);
        EXPECT_TRUE(m.resolved->has_position) << f << ": " << doc.view(m.span);
      }
      sources += m.kind == MentionKind::kSource;
      actors += m.kind == MentionKind::kActor;
    }
    EXPECT_GT(places, 3) << f;
    EXPECT_GT(actors, 3) << f;
    EXPECT_GT(sources, 0) << f;
  }
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
