// Scores the tagger on two other projects' English test suites, read at run time from
// ../shared/eval/time/ (see its README): Duckling's time corpus and chrono's tests.
// Prints accuracy by section and grain, and checks floors from
// tests/data/time/peer_floors.txt (floors may only rise). Skips when the folder is absent.
//
// Set SITREP_PEER_VERBOSE=1 to list every miss.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "time/timex.h"

namespace sitrep::time {
namespace {

const std::string kDir = std::string(SITREP_SOURCE_DIR) + "/../shared/eval/time";

struct Table {
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
};

std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 'n' || s[i + 1] == 't')) {
      out.push_back(s[i + 1] == 'n' ? '\n' : '\t');
      ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

bool ReadTsv(const std::string& path, Table* t) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    size_t p = 0;
    while (true) {
      size_t q = line.find('\t', p);
      cols.push_back(line.substr(p, q == std::string::npos ? std::string::npos : q - p));
      if (q == std::string::npos) break;
      p = q + 1;
    }
    if (first) {
      t->header = cols;
      first = false;
      continue;
    }
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < t->header.size(); ++i) row[t->header[i]] = i < cols.size() ? cols[i] : "";
    t->rows.push_back(std::move(row));
  }
  return true;
}

std::map<std::string, double> ReadFloors() {
  std::map<std::string, double> floors;
  std::ifstream in(std::string(SITREP_SOURCE_DIR) + "/tests/data/time/peer_floors.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string name;
    double v;
    if (ls >> name >> v) floors[name] = v;
  }
  return floors;
}

struct Tally {
  int ok = 0, total = 0;
  void Add(bool good) {
    ++total;
    ok += good;
  }
  double Rate() const { return total ? static_cast<double>(ok) / total : 1.0; }
};

void Print(const std::string& title, const std::map<std::string, Tally>& m) {
  std::cout << title << "\n";
  for (const auto& [k, t] : m) {
    std::printf("  %-34s %4d / %4d  %6.1f%%\n", k.c_str(), t.ok, t.total, 100.0 * t.Rate());
  }
}

bool Verbose() {
  const char* v = std::getenv("SITREP_PEER_VERBOSE");
  return v && *v && *v != '0';
}

// "2013-02-15T00:00:00-02:00" -> naive local seconds.
bool ParseInstant(const std::string& s, DateTime* t) {
  bool has_time;
  return ParseIsoDateTime(s, t, &has_time);
}

// Duckling grain names for ours. Duckling reports the grain of the interval, so a part
// of a period (TIMEX3 "2013-03" with mod END, days 21..31) counts one level finer.
std::string DucklingGrain(Grain g, TimexMod mod) {
  if (mod == TimexMod::kStart || mod == TimexMod::kMid || mod == TimexMod::kEnd) {
    switch (g) {
      case Grain::kYear: return "month";
      case Grain::kMonth:
      case Grain::kWeek: return "day";
      case Grain::kDay: return "hour";
      default: break;
    }
  }
  switch (g) {
    case Grain::kPartOfDay: return "hour";
    case Grain::kSeason: return "day";
    default: return std::string(GrainName(g));
  }
}

const Timex* Longest(const std::vector<Timex>& ts) {
  const Timex* best = nullptr;
  for (const Timex& t : ts) {
    if (!best || t.span.size() > best->span.size()) best = &t;
  }
  return best;
}

class PeerSuite : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!PosixFileSystem()->Stat(kDir).is_directory) GTEST_SKIP() << kDir << " is absent";
    auto t = Tagger::LoadDefault();
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tagger_ = std::move(t.value());
    floors_ = ReadFloors();
  }
  void CheckFloor(const std::string& name, double measured) {
    std::printf("  metric %-34s %6.2f%% (floor %6.2f%%)\n", name.c_str(), 100 * measured, 100 * floors_[name]);
    EXPECT_GE(measured + 1e-9, floors_[name]) << name << " fell below its floor";
  }
  std::unique_ptr<Tagger> tagger_;
  std::map<std::string, double> floors_;
};

TEST_F(PeerSuite, Duckling) {
  Table t;
  ASSERT_TRUE(ReadTsv(kDir + "/duckling_time_en.tsv", &t));
  std::map<std::string, Tally> by_section, by_grain;
  Tally target, corpus_all, negative;
  for (const auto& row : t.rows) {
    const std::string phrase = Unescape(row.at("phrase"));
    const std::string section = row.at("section");
    const std::string grain = row.at("expected_grain");
    const std::string kind = row.at("value_type");
    const std::string expected = row.at("expected_value");
    DateTime reft;
    if (!ParseInstant(row.at("reference_datetime"), &reft)) continue;
    Reference ref = Reference::Instant(reft);
    TagOptions opts;
    opts.forward = true;
    opts.latent = row.at("with_latent") == "true";
    static const std::vector<std::string> kDayFirst = {"region_AU", "region_BZ", "region_GB", "region_IE",
                                                       "region_IN", "region_JM", "region_NZ", "region_TT"};
    for (const auto& r : kDayFirst)
      if (section == r) opts.numeric_order = NumericDateOrder::kDayFirst;
    std::vector<Timex> found = tagger_->Tag(phrase, ref, opts);
    bool good = false;
    std::string got;
    if (kind == "negative") {
      good = found.empty();
      if (!found.empty()) got = found[0].value;
      negative.Add(good);
    } else if (const Timex* x = Longest(found)) {
      got = x->value + " " + std::string(GrainName(x->grain)) + " " + std::string(TimexModName(x->mod));
      if (x->interval.valid()) got += " " + FormatDateTime(x->interval.begin, true) + "/" + FormatDateTime(x->interval.end, true);
      const size_t slash = expected.find('/');
      DateTime eb = 0, ee = 0;
      const bool grain_ok = DucklingGrain(x->grain, x->mod) == grain;
      if (kind == "instant") {
        good = x->interval.valid() && ParseInstant(expected, &eb) && x->interval.begin == eb && grain_ok;
      } else if (kind == "interval" && slash != std::string::npos) {
        good = x->interval.valid() && ParseInstant(expected.substr(0, slash), &eb) &&
               ParseInstant(expected.substr(slash + 1), &ee) && x->interval.begin == eb && x->interval.end == ee &&
               grain_ok;
      } else if (kind == "open_after") {
        good = x->interval.valid() && ParseInstant(expected.substr(0, slash), &eb) && x->interval.begin == eb &&
               (x->bound == Bound::kAfter || x->bound == Bound::kOnOrAfter);
      } else if (kind == "open_before") {
        good = x->interval.valid() && ParseInstant(expected.substr(slash + 1), &eb) && x->interval.begin == eb &&
               (x->bound == Bound::kBefore || x->bound == Bound::kOnOrBefore);
      }
    }
    by_section[section].Add(good);
    if (kind != "negative") by_grain[grain + " " + kind].Add(good);
    if (section == "corpus") {
      corpus_all.Add(good);
      if (grain == "day" || grain == "week" || grain == "month" || grain == "quarter" || grain == "year")
        target.Add(good);
    }
    if (!good && Verbose())
      std::cout << "MISS duckling [" << section << "] " << phrase << " | want " << expected << " " << grain << " "
                << kind << " | got " << got << "\n";
  }
  Print("Duckling by section:", by_section);
  Print("Duckling by grain and kind:", by_grain);
  CheckFloor("duckling.corpus_day_or_coarser", target.Rate());
  CheckFloor("duckling.corpus_all", corpus_all.Rate());
  CheckFloor("duckling.negative_silent", negative.Rate());
}

TEST_F(PeerSuite, Chrono) {
  Table t;
  ASSERT_TRUE(ReadTsv(kDir + "/chrono_en.tsv", &t));
  const std::regex full_date(R"(^([-+]?\d{4,6})-(\d\d)-(\d\d)(T(\d\d):(\d\d|XX))?)");
  std::map<std::string, Tally> by_file;
  Tally full, negative, with_time;
  for (const auto& row : t.rows) {
    const std::string text = Unescape(row.at("text"));
    const std::string kind = row.at("kind");
    const std::string parser = row.at("parser");
    const std::string options = row.at("options");
    const std::string start = row.at("expected_start");
    std::string file = row.at("source_file");
    if (file.rfind("test/en/", 0) == 0) file = file.substr(8);
    DateTime reft;
    if (!ParseInstant(row.at("reference_date"), &reft)) continue;
    Reference ref = Reference::Instant(reft);
    TagOptions opts;
    opts.types = (1u << static_cast<unsigned>(TimexType::kDate)) | (1u << static_cast<unsigned>(TimexType::kTime));
    if (options.find("forwardDate\":true") != std::string::npos) opts.forward = true;
    else opts.nearest = true;
    if (parser.find("strict") != std::string::npos) opts.strict = true;
    if (parser.find("GB") != std::string::npos) opts.numeric_order = NumericDateOrder::kDayFirst;
    std::vector<Timex> found = tagger_->Tag(text, ref, opts);
    if (kind == "negative") {
      const bool good = found.empty();
      negative.Add(good);
      by_file[file + " (negative)"].Add(good);
      if (!good && Verbose())
        std::cout << "MISS chrono negative [" << parser << "] " << text << " | got " << found[0].value << "\n";
      continue;
    }
    std::smatch m;
    if (!std::regex_search(start, m, full_date)) continue;
    // Which of ours answers: the one covering the expected match text, else the n-th.
    const Timex* x = nullptr;
    const std::string match_text = row.at("expected_match_text");
    const int index = std::atoi(row.at("result_index").c_str());
    size_t pos = match_text.empty() ? std::string::npos : text.find(match_text);
    if (pos != std::string::npos) {
      for (const Timex& f : found)
        if (f.span.start < pos + match_text.size() && f.span.end > pos) {
          x = &f;
          break;
        }
    } else if (index < static_cast<int>(found.size())) {
      x = &found[index];
    }
    const int y = std::atoi(m[1].str().c_str()), mo = std::atoi(m[2].str().c_str()), d = std::atoi(m[3].str().c_str());
    bool good = false;
    std::string got = x ? x->value : "(nothing)";
    if (x && x->interval.valid() && IsValidDate(y, mo, d)) {
      const DateTime day = MakeDateTime(y, mo, d);
      if (x->grain <= Grain::kDay) {
        good = DaysOf(x->interval.begin) == DaysOf(day);
      } else {
        good = x->interval.begin <= day && day < x->interval.end;
      }
      if (good && m[4].matched && m[6].str() != "XX") {
        const int hh = std::atoi(m[5].str().c_str());
        const bool time_ok = x->grain < Grain::kDay && ToCivil(x->interval.begin).hour == hh;
        with_time.Add(time_ok);
      }
    }
    full.Add(good);
    by_file[file].Add(good);
    if (!good && Verbose())
      std::cout << "MISS chrono [" << parser << (opts.forward ? " fwd" : "") << "] " << text << " @"
                << row.at("reference_date") << " | want " << start << " | got " << got << "\n";
  }
  Print("chrono by test file:", by_file);
  std::printf("  rows with an expected hour, hour also right: %d / %d\n", with_time.ok, with_time.total);
  CheckFloor("chrono.full_date", full.Rate());
  CheckFloor("chrono.negative_silent", negative.Rate());
}

}  // namespace
}  // namespace sitrep::time
