// The tagger on table-driven cases (tests/data/time/tagger_cases.tsv), the pre-filter
// against the full tagger, civil-date arithmetic, references and document tagging.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "time/civil.h"
#include "time/lexicon.h"
#include "time/scanner.h"
#include "time/timex.h"

namespace sitrep::time {
namespace {

const std::string kCases = std::string(SITREP_SOURCE_DIR) + "/tests/data/time/tagger_cases.tsv";

std::unique_ptr<Tagger>& SharedTagger() {
  static std::unique_ptr<Tagger> tagger = [] {
    auto t = Tagger::LoadDefault();
    return t.ok() ? std::move(t.value()) : nullptr;
  }();
  return tagger;
}

std::vector<std::string> Split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t p = 0;
  while (true) {
    size_t q = s.find(sep, p);
    out.push_back(s.substr(p, q == std::string::npos ? std::string::npos : q - p));
    if (q == std::string::npos) break;
    p = q + sep.size();
  }
  return out;
}

std::string AnchorWord(AnchorKind k) {
  switch (k) {
    case AnchorKind::kNone: return "@none";
    case AnchorKind::kReference: return "@reference";
    case AnchorKind::kDocumentDate: return "@document";
    case AnchorKind::kPreviousExpression: return "@previous";
  }
  return "@none";
}

// "2016-12-12", or "2016-12-12T04:30" when not at midnight.
std::string CivilString(DateTime t) {
  const CivilTime c = ToCivil(t);
  char buf[40];
  if (c.hour == 0 && c.minute == 0 && c.second == 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", c.year, c.month, c.day, c.hour, c.minute);
  return buf;
}

// "[2016-01-01,2016-12-12)" for a valid interval, "[]" otherwise.
std::string IntervalString(const Interval& iv) {
  if (!iv.valid()) return "[]";
  return "[" + CivilString(iv.begin) + "," + CivilString(iv.end) + ")";
}

TEST(Tagger, Cases) {
  ASSERT_TRUE(SharedTagger()) << "word lists not found";
  std::ifstream in(kCases);
  ASSERT_TRUE(in) << kCases;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = Split(line, "\t");
    ASSERT_GE(cols.size(), 3u) << line;
    if (cols.size() < 4) cols.push_back("");
    auto ref = Reference::Parse(cols[0], AnchorKind::kDocumentDate);
    ASSERT_TRUE(ref.ok()) << line;
    TagOptions opts;
    if (cols[1] == "forward") opts.forward = true;
    if (cols[1] == "nearest") opts.nearest = true;
    if (cols[1] == "dayfirst") opts.numeric_order = NumericDateOrder::kDayFirst;
    const std::string& text = cols[2];
    std::vector<Timex> got = SharedTagger()->Tag(text, *ref, opts);
    std::string got_s;
    for (const Timex& t : got) {
      if (!got_s.empty()) got_s += " ; ";
      const std::string mod(TimexModName(t.mod));
      got_s += text.substr(t.span.start, t.span.end - t.span.start) + " = " + t.value + " " +
               std::string(GrainName(t.grain)) + " " + (mod.empty() ? "-" : mod) + " " + AnchorWord(t.anchor.kind);
    }
    SCOPED_TRACE(text + "\n  got: " + got_s);
    std::vector<std::string> want = cols[3].empty() ? std::vector<std::string>() : Split(cols[3], " ; ");
    EXPECT_EQ(got.size(), want.size());
    for (size_t i = 0; i < want.size() && i < got.size(); ++i) {
      const size_t eq = want[i].find(" = ");
      ASSERT_NE(eq, std::string::npos) << want[i];
      const Timex& t = got[i];
      EXPECT_EQ(text.substr(t.span.start, t.span.end - t.span.start), want[i].substr(0, eq));
      std::istringstream rest(want[i].substr(eq + 3));
      std::string value, grain, mod, anchor, interval, extra;
      rest >> value >> grain >> mod;
      while (rest >> extra) {
        if (!extra.empty() && extra[0] == '@') anchor = extra;
        else if (!extra.empty() && extra[0] == '[') interval = extra;
        else ADD_FAILURE() << "unknown field '" << extra << "' in " << want[i];
      }
      if (!interval.empty()) {
        EXPECT_EQ(IntervalString(t.interval), interval);
      }
      EXPECT_EQ(t.value, value);
      EXPECT_EQ(GrainName(t.grain), grain);
      if (!mod.empty()) {
        EXPECT_EQ(TimexModName(t.mod), mod == "-" ? "" : mod);
      }
      if (!anchor.empty()) {
        EXPECT_EQ(AnchorWord(t.anchor.kind), anchor);
      }
    }
    ++n;
  }
  EXPECT_GE(n, 50);
}

// The pre-filter may only say "no" when the full tagger finds nothing.
TEST(Tagger, PrefilterNeverHidesAnExpression) {
  ASSERT_TRUE(SharedTagger());
  std::vector<std::string> texts;
  std::ifstream in(kCases);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') texts.push_back(Split(line, "\t")[2]);
  // The peer suites' phrases too, when present (read, never copied).
  for (const char* name : {"duckling_time_en.tsv", "chrono_en.tsv"}) {
    std::ifstream tsv(std::string(SITREP_SOURCE_DIR) + "/../shared/eval/time/" + name);
    bool header = true;
    while (std::getline(tsv, line)) {
      if (header) {
        header = false;
        continue;
      }
      texts.push_back(Split(line, "\t")[0]);
    }
  }
  const Reference ref = Reference::DocumentDate(2016, 12, 12);
  int checked = 0;
  for (bool forward : {false, true}) {
    TagOptions with, without;
    with.forward = without.forward = forward;
    without.skip_prefilter = true;
    for (const std::string& t : texts) {
      const bool may = SharedTagger()->MayContainTime(t);
      const size_t full = SharedTagger()->Tag(t, ref, without).size();
      EXPECT_TRUE(may || full == 0) << "the pre-filter hides an expression in: " << t;
      EXPECT_EQ(SharedTagger()->Tag(t, ref, with).size(), may ? full : 0u) << t;
      ++checked;
    }
  }
  EXPECT_GT(checked, 100);
}

// The table-driven pre-filter and scanner agree with their obvious definitions: the
// pre-filter is true exactly when the text has an ASCII digit or an ASCII letter run of 2
// to 16 letters that is a trigger; a word token is capitalised when its first byte is an
// uppercase ASCII letter and all caps when it has two or more ASCII letters, all uppercase.
TEST(Tagger, TableDrivenScansMatchTheirDefinitions) {
  ASSERT_TRUE(SharedTagger());
  auto lex = Lexicon::Load(*PosixFileSystem(), Tagger::DefaultDataDir());
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  std::vector<std::string> texts = {"", "x", "On SUNDAY", "MONDAYS", "tuesday", "Jan.", "in\xc3\xa9March",
                                    "caf\xc3\xa9 MAY", "@[`{ ago", "nothing here at all", "a-b_c~d",
                                    "verylongwordthatisnotatrigger week", "UN-backed forces", "x7"};
  std::ifstream in(kCases);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') texts.push_back(Split(line, "\t")[2]);
  auto letter = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (const std::string& t : texts) {
    bool want = false;
    for (size_t i = 0; i < t.size() && !want;) {
      const unsigned char c = static_cast<unsigned char>(t[i]);
      if (c >= '0' && c <= '9') want = true;
      if (!letter(c)) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < t.size() && letter(static_cast<unsigned char>(t[j]))) ++j;
      if (j - i >= 2 && j - i <= 16 && (*lex)->IsTrigger(t.substr(i, j - i))) want = true;
      i = j;
    }
    EXPECT_EQ(SharedTagger()->MayContainTime(t), want) << t;
    Scan scan;
    ScanText(t, **lex, &scan);
    for (const Tok& tok : scan.toks) {
      if (tok.kind != TokKind::kWord) continue;
      const std::string_view raw = scan.Raw(tok);
      int letters = 0, uppers = 0;
      for (char ch : raw) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (letter(c)) ++letters, uppers += c <= 'Z';
      }
      EXPECT_EQ(tok.cap, raw[0] >= 'A' && raw[0] <= 'Z') << raw;
      EXPECT_EQ(tok.all_caps, letters >= 2 && uppers == letters) << raw;
      std::string low;
      for (char ch : raw) low += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
      EXPECT_EQ(scan.Low(tok), low) << raw;
      EXPECT_EQ(tok.hash, WordHash(low.data(), low.size())) << raw;
    }
  }
}

// The scanner's hashed lexicon probe agrees with the plain map lookup on every word of
// the cases and of the word lists themselves.
TEST(Lexicon, HashedLookupMatchesMapLookup) {
  auto lex = Lexicon::Load(*PosixFileSystem(), Tagger::DefaultDataDir());
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  std::string all;
  for (const std::string& name : {std::string("tagger_cases.tsv")}) {
    auto c = PosixFileSystem()->ReadFile(std::string(SITREP_SOURCE_DIR) + "/tests/data/time/" + name, 1 << 22);
    ASSERT_TRUE(c.ok());
    all += *c;
  }
  auto files = PosixFileSystem()->ListFilesRecursive(Tagger::DefaultDataDir());
  ASSERT_TRUE(files.ok());
  for (const std::string& f : *files) {
    auto c = PosixFileSystem()->ReadFile(f, 1 << 22);
    ASSERT_TRUE(c.ok());
    all += "\n" + *c;
  }
  Scan scan;
  ScanText(all, **lex, &scan);
  int words = 0;
  for (const Tok& t : scan.toks) {
    if (t.kind != TokKind::kWord) continue;
    EXPECT_EQ(t.lex, (*lex)->Find(scan.Low(t))) << scan.Low(t);
    ++words;
  }
  EXPECT_GT(words, 1000);
}

TEST(Tagger, EmptyAndHostileInput) {
  ASSERT_TRUE(SharedTagger());
  const Reference ref = Reference::DocumentDate(2016, 12, 12);
  EXPECT_TRUE(SharedTagger()->Tag("", ref, {}).empty());
  std::string long_text;
  for (int i = 0; i < 2000; ++i) long_text += "on Sunday, March 3 and 4/5/2016 at 3 pm ";
  EXPECT_GE(SharedTagger()->Tag(long_text, ref, {}).size(), 2000u);
  std::string junk(5000, '9');
  junk += " \xff\xfe 12:: // -- ";
  (void)SharedTagger()->Tag(junk, ref, {});
  // Without a reference: absolute dates resolve, relative ones stay underspecified.
  std::vector<Timex> t = SharedTagger()->Tag("On Sunday, March 27 and on March 1, 2017.", Reference::Unknown(), {});
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "XXXX-03-27");
  EXPECT_EQ(t[0].stated.weekday, 7);
  EXPECT_FALSE(t[0].interval.valid());
  EXPECT_EQ(t[1].value, "2017-03-01");
  EXPECT_TRUE(t[1].interval.valid());
}

TEST(Tagger, ReferenceKnownOnlyToTheMonth) {
  ASSERT_TRUE(SharedTagger());
  Reference ref = Reference::DocumentDate(2016, 12, 1);
  ref.precision = Grain::kMonth;
  std::vector<Timex> t =
      SharedTagger()->Tag("Fighting resumed yesterday, three months after a truce agreed on March 3.", ref, {});
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].value, "2016-12");
  EXPECT_EQ(t[0].grain, Grain::kMonth);
  EXPECT_EQ(t[0].mod, TimexMod::kApprox);
  EXPECT_EQ(t[2].value, "2016-03-03");  // absolute enough: the month fixes the year
}

// Regression: a weekday against a reference known only to the year was searched from
// January 1 and landed in the year before ("Saturday" in a "2016" document gave 2015-12-26).
TEST(Tagger, WeekdayAgainstAYearOnlyReferenceStaysInThatYear) {
  ASSERT_TRUE(SharedTagger());
  auto ref = Reference::Parse("2016", AnchorKind::kDocumentDate);
  ASSERT_TRUE(ref.ok());
  std::vector<Timex> t = SharedTagger()->Tag("The town was shelled on Saturday.", *ref, {});
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "2016");
  EXPECT_EQ(t[0].grain, Grain::kYear);
  EXPECT_EQ(t[0].mod, TimexMod::kApprox);
}

TEST(Tagger, LoadReportsMissingAndBadFiles) {
  MemoryFileSystem fs;
  auto missing = Tagger::Load(fs, "nowhere");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("months.txt"), std::string::npos);
  // A bad line names its file and line.
  auto real = PosixFileSystem()->ListFilesRecursive(Tagger::DefaultDataDir());
  ASSERT_TRUE(real.ok());
  for (const std::string& p : *real) {
    auto c = PosixFileSystem()->ReadFile(p, 1 << 20);
    ASSERT_TRUE(c.ok());
    fs.Add("d/" + p.substr(p.rfind('/') + 1), *c);
  }
  fs.Add("d/months.txt", "january 1\nfebruary thirteen\n");
  auto bad = Tagger::Load(fs, "d");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("months.txt:2"), std::string::npos) << bad.status().message();
}

TEST(Reference, Parse) {
  auto d = Reference::Parse("2016-12-11");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->precision, Grain::kDay);
  EXPECT_EQ(d->Value(), "2016-12-11");
  auto t = Reference::Parse("2013-02-12T04:30:00-02:00");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->precision, Grain::kSecond);
  EXPECT_EQ(FormatDateTime(t->time, true), "2013-02-12T04:30:00");
  EXPECT_FALSE(Reference::Parse("12/11/2016").ok());
  EXPECT_FALSE(Reference::Parse("2016-13-01").ok());
  EXPECT_FALSE(Reference::Parse("").ok());
}

TEST(Civil, RoundTripsAndWeekdays) {
  for (int64_t d = -800000; d <= 800000; d += 997) {
    const CivilDate c = CivilFromDays(d);
    EXPECT_EQ(DaysFromCivil(c.year, c.month, c.day), d);
  }
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(Weekday(2016, 3, 27), 7);   // a Sunday
  EXPECT_EQ(Weekday(2013, 2, 12), 2);   // a Tuesday
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_EQ(DaysInMonth(2016, 2), 29);
  int y, w;
  IsoWeek(DaysFromCivil(2016, 12, 11), &y, &w);
  EXPECT_EQ(y, 2016);
  EXPECT_EQ(w, 49);
  IsoWeek(DaysFromCivil(2021, 1, 3), &y, &w);  // belongs to 2020-W53
  EXPECT_EQ(y, 2020);
  EXPECT_EQ(w, 53);
  EXPECT_EQ(IsoWeekMonday(2020, 53), DaysFromCivil(2020, 12, 28));
  EXPECT_EQ(FormatDate(WesternEaster(2016)), "2016-03-27");
  EXPECT_EQ(FormatDate(WesternEaster(2013)), "2013-03-31");
  EXPECT_EQ(FormatDate(OrthodoxEaster(2018)), "2018-04-08");
  EXPECT_EQ(FormatDateTime(AddMonthsClamped(MakeDateTime(2016, 1, 31), 1), false), "2016-02-29T00:00");
  EXPECT_EQ(FormatYear(-345), "-0345");
  DateTime t;
  bool has_time;
  EXPECT_TRUE(ParseIsoDateTime("2016-05-07T23:45:00.487+01:00", &t, &has_time));
  EXPECT_TRUE(has_time);
  EXPECT_EQ(FormatDateTime(t, true), "2016-05-07T23:45:00");
}

TEST(TagDocument, AnchorsCarryAcrossSentencesButNotFromCaptions) {
  ASSERT_TRUE(SharedTagger());
  Document doc;
  doc.text = "Troops withdrew on Friday.\nA day later the militia left.\nA photo taken in 2008.";
  doc.lines.resize(3);
  doc.lines[0].span = {0, 26};
  doc.lines[1].span = {27, 56};
  doc.lines[2].span = {57, 79};
  doc.lines[2].kind = LineKind::kCaption;
  doc.sentences = {{{0, 26}, 0, LineKind::kBody}, {{27, 56}, 1, LineKind::kBody}, {{57, 79}, 2, LineKind::kCaption}};
  std::vector<DocumentTimex> found =
      TagDocument(*SharedTagger(), doc, Reference::DocumentDate(2016, 12, 12), {});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].timex.value, "2016-12-09");
  EXPECT_EQ(doc.view(found[1].timex.span), "A day later");
  EXPECT_EQ(found[1].timex.value, "2016-12-10");
  EXPECT_EQ(found[1].timex.anchor.kind, AnchorKind::kPreviousExpression);
  EXPECT_EQ(found[1].timex.anchor.offset, found[0].timex.span.start);
  EXPECT_EQ(found[2].sentence, 2u);
  EXPECT_EQ(found[2].timex.value, "2008");
}

}  // namespace
}  // namespace sitrep::time
