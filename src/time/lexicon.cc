#include "time/lexicon.h"

#include "time/scanner.h"

#include <algorithm>
#include <charconv>

namespace sitrep::time {

void AsciiLower(std::string_view in, std::string* out) {
  out->resize(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    (*out)[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
}

uint64_t LowerHash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 'A' && u <= 'Z') u += 32;
    h ^= u;
    h *= 1099511628211ull;
  }
  return h | 1;  // never 0: 0 marks an empty slot
}

namespace {

// Splits a data file into (line number, fields) with '#' comments and blank lines removed.
struct DataLine {
  int number;
  std::vector<std::string_view> fields;
  std::string_view text;  // trimmed, comment removed
};

std::vector<DataLine> SplitLines(std::string_view content) {
  std::vector<DataLine> out;
  int number = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) {
      if (nl == content.size()) break;
      continue;
    }
    DataLine dl{number, {}, line};
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      if (j > i) dl.fields.push_back(line.substr(i, j - i));
      i = j;
    }
    out.push_back(std::move(dl));
    if (nl == content.size()) break;
  }
  return out;
}

bool ToInt(std::string_view s, int* v) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

Grain UnitGrain(std::string_view s, int8_t* mult) {
  *mult = 1;
  if (s == "second") return Grain::kSecond;
  if (s == "minute") return Grain::kMinute;
  if (s == "hour") return Grain::kHour;
  if (s == "day") return Grain::kDay;
  if (s == "week") return Grain::kWeek;
  if (s == "fortnight") {
    *mult = 2;
    return Grain::kWeek;
  }
  if (s == "month") return Grain::kMonth;
  if (s == "quarter") return Grain::kQuarter;
  if (s == "year") return Grain::kYear;
  if (s == "decade") return Grain::kDecade;
  if (s == "century") return Grain::kCentury;
  return Grain::kNone;
}

TimexMod ModByName(std::string_view s) {
  if (s == "APPROX") return TimexMod::kApprox;
  if (s == "LESS_THAN") return TimexMod::kLessThan;
  if (s == "MORE_THAN") return TimexMod::kMoreThan;
  if (s == "EQUAL_OR_LESS") return TimexMod::kEqualOrLess;
  if (s == "EQUAL_OR_MORE") return TimexMod::kEqualOrMore;
  if (s == "START") return TimexMod::kStart;
  if (s == "MID") return TimexMod::kMid;
  if (s == "END") return TimexMod::kEnd;
  return TimexMod::kNone;
}

// Splits a name into normalised words: lowercase, apostrophes dropped, hyphens and dots
// as separators.
std::vector<std::string> NormaliseName(std::string_view name) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == ' ' || c == '\t' || c == '-' || c == '.') {
      flush();
    } else if (c == '\'') {
      continue;
    } else if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
               static_cast<unsigned char>(name[i + 2]) == 0x99) {
      i += 2;  // U+2019 right single quote
    } else {
      cur.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
    }
  }
  flush();
  return words;
}

Status FileError(const std::string& path, int line, std::string_view what) {
  return Status::BadInput(path + ":" + std::to_string(line) + ": " + std::string(what));
}

}  // namespace

class LexiconLoader {
 public:
  LexiconLoader(const FileSystem& fs, std::string dir, Lexicon* lex) : fs_(fs), dir_(std::move(dir)), lex_(lex) {}

  Status LoadAll() {
    SITREP_RETURN_IF_ERROR(Each("months.txt", 2, [&](const DataLine& l, const std::string& path) -> Status {
      int m;
      if (!ToInt(l.fields[1], &m) || m < 1 || m > 12) return FileError(path, l.number, "month number must be 1..12");
      LexEntry& e = lex_->Add(l.fields[0]);
      e.flags |= kLexMonth | kLexTrigger;
      e.month = static_cast<int8_t>(m);
      return Flags(l, 2, &e, path);
    }));
    SITREP_RETURN_IF_ERROR(Each("weekdays.txt", 2, [&](const DataLine& l, const std::string& path) -> Status {
      int d;
      if (!ToInt(l.fields[1], &d) || d < 1 || d > 7) return FileError(path, l.number, "weekday number must be 1..7");
      LexEntry& e = lex_->Add(l.fields[0]);
      e.flags |= kLexWeekday | kLexTrigger;
      e.weekday = static_cast<int8_t>(d);
      return Flags(l, 2, &e, path);
    }));
    SITREP_RETURN_IF_ERROR(Each("units.txt", 2, [&](const DataLine& l, const std::string& path) -> Status {
      int8_t mult;
      Grain g = UnitGrain(l.fields[1], &mult);
      if (g == Grain::kNone) return FileError(path, l.number, "unknown unit '" + std::string(l.fields[1]) + "'");
      LexEntry& e = lex_->Add(l.fields[0]);
      e.flags |= kLexUnit;
      e.unit = g;
      e.unit_mult = mult;
      SITREP_RETURN_IF_ERROR(Flags(l, 2, &e, path));
      if (!(e.flags & kLexClipped)) e.flags |= kLexTrigger;
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(Each("numbers.txt", 3, [&](const DataLine& l, const std::string& path) -> Status {
      int v;
      if (!ToInt(l.fields[1], &v) || v < 0 || v > 10000) return FileError(path, l.number, "bad number value");
      LexEntry& e = lex_->Add(l.fields[0]);
      std::string_view kind = l.fields[2];
      if (kind == "cardinal") {
        e.flags |= kLexCardinal;
        e.cardinal = static_cast<int16_t>(v);
      } else if (kind == "ordinal") {
        e.flags |= kLexOrdinal;
        e.ordinal = static_cast<int16_t>(v);
      } else if (kind == "tens") {
        e.flags |= kLexTens | kLexCardinal;
        e.cardinal = static_cast<int16_t>(v);
      } else if (kind == "tens_ordinal") {
        e.flags |= kLexTensOrdinal | kLexOrdinal;
        e.ordinal = static_cast<int16_t>(v);
      } else if (kind == "scale") {
        e.flags |= kLexScale;
        e.cardinal = static_cast<int16_t>(v);
      } else if (kind == "vague") {
        e.flags |= kLexVague;
        e.cardinal = static_cast<int16_t>(v);
      } else if (kind == "digit") {
        e.flags |= kLexDigitWord;
        e.cardinal = static_cast<int16_t>(v);
      } else {
        return FileError(path, l.number, "unknown number kind '" + std::string(kind) + "'");
      }
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(Each("day_parts.txt", 4, [&](const DataLine& l, const std::string& path) -> Status {
      DayPart p;
      p.code = std::string(l.fields[1]);
      if (!ToInt(l.fields[2], &p.start_hour) || !ToInt(l.fields[3], &p.end_hour) || p.end_hour <= p.start_hour)
        return FileError(path, l.number, "bad hours");
      LexEntry& e = lex_->Add(l.fields[0]);
      e.flags |= kLexDayPart | kLexTrigger;
      if (l.fields[0].back() == 's' && l.fields[0] != "dusk") e.flags |= kLexPlural;
      e.day_part = static_cast<int8_t>(lex_->day_parts_.size());
      lex_->day_parts_.push_back(std::move(p));
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(Each("seasons.txt", 4, [&](const DataLine& l, const std::string& path) -> Status {
      Season s;
      s.code = std::string(l.fields[1]);
      if (!MonthDay(l.fields[2], &s.start_month, &s.start_day) || !MonthDay(l.fields[3], &s.end_month, &s.end_day))
        return FileError(path, l.number, "dates must be MM-DD");
      LexEntry& e = lex_->Add(l.fields[0]);
      e.flags |= kLexSeason | kLexTrigger;
      e.season = static_cast<int8_t>(lex_->seasons_.size());
      lex_->seasons_.push_back(std::move(s));
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(Each("tense.txt", 2, [&](const DataLine& l, const std::string& path) -> Status {
      LexEntry& e = lex_->Add(l.fields[0]);
      std::string_view k = l.fields[1];
      if (k == "future") e.flags |= kLexFuture;
      else if (k == "future_to") e.flags |= kLexFutureTo;
      else if (k == "past") e.flags |= kLexPast;
      else if (k == "not_past") e.flags |= kLexNotPast;
      else if (k == "present") e.flags |= kLexPresent;
      else return FileError(path, l.number, "unknown tense cue kind '" + std::string(k) + "'");
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(Each("modifiers.txt", 3, [&](const DataLine& l, const std::string& path) -> Status {
      size_t eq = l.text.find('=');
      if (eq == std::string_view::npos) return FileError(path, l.number, "expected WORDS = MOD");
      std::string_view mod_name = l.text.substr(eq + 1);
      while (!mod_name.empty() && mod_name.front() == ' ') mod_name.remove_prefix(1);
      TimexMod mod = ModByName(mod_name);
      if (mod == TimexMod::kNone) return FileError(path, l.number, "unknown mod '" + std::string(mod_name) + "'");
      Phrase p;
      p.words = NormaliseName(l.text.substr(0, eq));
      if (p.words.empty()) return FileError(path, l.number, "no words");
      for (const auto& w : p.words) p.hashes.push_back(WordHash(w.data(), w.size()));
      p.value = static_cast<int>(mod);
      lex_->Add(p.words[0]).flags |= kLexModifierStart;
      lex_->modifiers_[p.words[0]].push_back(std::move(p));
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(Each("holidays.txt", 3, [&](const DataLine& l, const std::string& path) -> Status {
      size_t eq = l.text.find('=');
      if (eq == std::string_view::npos) return FileError(path, l.number, "expected NAMES = RULE");
      Holiday h;
      Status st = ParseHolidayRule(l.text.substr(eq + 1), &h);
      if (!st.ok()) return FileError(path, l.number, st.message());
      const int index = static_cast<int>(lex_->holidays_.size());
      std::string_view names = l.text.substr(0, eq);
      bool first = true;
      while (!names.empty()) {
        size_t bar = names.find('|');
        std::string_view name = names.substr(0, bar);
        Phrase p;
        p.words = NormaliseName(name);
        p.value = index;
        if (!p.words.empty()) {
          if (first) {
            for (const auto& w : p.words) h.name += (h.name.empty() ? "" : " ") + w;
            first = false;
          }
          lex_->Add(p.words[0]).flags |= kLexHolidayStart;
          // The scanner splits at apostrophes: "valentine's" starts with "valentine".
          std::string_view raw = name;
          while (!raw.empty() && raw.front() == ' ') raw.remove_prefix(1);
          std::string first(raw.substr(0, raw.find_first_of(" -.'")));
          for (char& c : first) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
          if (!first.empty()) lex_->Add(first).flags |= kLexHolidayStart;
          // The pre-filter needs one word of the name: its longest piece without an
          // apostrophe ("ascension" for "the prophet's ascension"), not "the".
          std::string longest;
          size_t k = 0;
          while (k < raw.size()) {
            size_t e = raw.find_first_of(" -.", k);
            if (e == std::string_view::npos) e = raw.size();
            std::string_view piece = raw.substr(k, e - k);
            if (piece.find('\'') == std::string_view::npos && piece.size() > longest.size()) longest = std::string(piece);
            k = e + 1;
          }
          if (longest.empty()) longest = first;
          for (char& c : longest) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
          // Names with a time word in them ("civil rights day") need nothing more.
          bool has_time_word = false;
          for (const auto& w : p.words) {
            const LexEntry* e = lex_->Find(w);
            if (e && (e->flags & (kLexUnit | kLexMonth | kLexWeekday | kLexDayPart | kLexSeason)) &&
                !(e->flags & kLexClipped))
              has_time_word = true;
          }
          if (!has_time_word) lex_->Add(longest).flags |= kLexTrigger;
          // Long names hold their time word far from the start: the start anchors them.
          if (p.words.size() >= 4) {
            lex_->Add(p.words[0]).flags |= kLexHolidayAnchor;
            if (!first.empty()) lex_->Add(first).flags |= kLexHolidayAnchor;
          }
          lex_->holiday_names_[p.words[0]].push_back(std::move(p));
        }
        if (bar == std::string_view::npos) break;
        names.remove_prefix(bar + 1);
      }
      lex_->holidays_.push_back(std::move(h));
      return Status::Ok();
    }));
    for (auto* map : {&lex_->modifiers_, &lex_->holiday_names_}) {
      for (auto& [first, list] : *map) {
        std::stable_sort(list.begin(), list.end(),
                         [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
      }
    }
    for (auto& [first, list] : lex_->modifiers_) {
      lex_->Add(first).modifiers = static_cast<int16_t>(lex_->modifier_lists_.size());
      lex_->modifier_lists_.push_back(&list);
    }
    for (std::string_view w : GrammarTriggerWords()) lex_->Add(w).flags |= kLexTrigger;
    for (std::string_view w : GrammarStarterWords()) lex_->Add(w).flags |= kLexStarter;
    lex_->BuildTriggers();
    return Status::Ok();
  }

 private:
  template <typename Fn>
  Status Each(const char* name, size_t min_fields, Fn&& fn) {
    const std::string path = dir_ + "/" + name;
    Result<std::string> content = fs_.ReadFile(path, 4 << 20);
    if (!content.ok()) return content.status();
    for (const DataLine& l : SplitLines(*content)) {
      if (l.fields.size() < min_fields && l.text.find('=') == std::string_view::npos)
        return FileError(path, l.number, "expected at least " + std::to_string(min_fields) + " fields");
      SITREP_RETURN_IF_ERROR(fn(l, path));
    }
    return Status::Ok();
  }

  static Status Flags(const DataLine& l, size_t from, LexEntry* e, const std::string& path) {
    for (size_t i = from; i < l.fields.size(); ++i) {
      std::string_view f = l.fields[i];
      if (f == "abbr") e->flags |= kLexAbbr;
      else if (f == "ambiguous") e->flags |= kLexAmbiguous;
      else if (f == "plural") e->flags |= kLexPlural;
      else if (f == "clipped") e->flags |= kLexClipped;
      else return FileError(path, l.number, "unknown flag '" + std::string(f) + "'");
    }
    return Status::Ok();
  }

  static bool MonthDay(std::string_view s, int* m, int* d) {
    return s.size() == 5 && s[2] == '-' && ToInt(s.substr(0, 2), m) && ToInt(s.substr(3, 2), d) && *m >= 1 &&
           *m <= 12 && *d >= 1 && *d <= 31;
  }

  const FileSystem& fs_;
  std::string dir_;
  Lexicon* lex_;
};

Result<std::unique_ptr<Lexicon>> Lexicon::Load(const FileSystem& fs, const std::string& dir) {
  auto lex = std::make_unique<Lexicon>();
  LexiconLoader loader(fs, dir, lex.get());
  Status st = loader.LoadAll();
  if (!st.ok()) return st;
  return lex;
}

const std::vector<Phrase>* Lexicon::Modifiers(std::string_view first) const {
  auto it = modifiers_.find(first);
  return it == modifiers_.end() ? nullptr : &it->second;
}

const std::vector<Phrase>* Lexicon::HolidayNames(std::string_view first) const {
  auto it = holiday_names_.find(first);
  return it == holiday_names_.end() ? nullptr : &it->second;
}

void Lexicon::BuildTriggers() {
  size_t slots = 64;
  while (slots < words_.size() * 3) slots <<= 1;
  slots_.assign(slots, Slot());
  slot_mask_ = slots - 1;
  for (const auto& [word, e] : words_) {
    const uint64_t h = WordHash(word.data(), word.size());
    size_t i = h & slot_mask_;
    while (slots_[i].entry) {
      if (slots_[i].hash == h) exact_compare_ = true;  // two lexicon words share a hash
      i = (i + 1) & slot_mask_;
    }
    slots_[i] = {h, &word, &e, e.flags};
    SetBit(word_bits_, h);
  }
  std::vector<uint64_t> hashes;
  for (const auto& [word, e] : words_) {
    if (e.flags & kLexTrigger) hashes.push_back(LowerHash(word));
  }
  size_t cap = 64;
  while (cap < hashes.size() * 4) cap <<= 1;
  trigger_table_.assign(cap, 0);
  trigger_mask_ = cap - 1;
  for (uint64_t h : hashes) {
    size_t i = h & trigger_mask_;
    while (trigger_table_[i] != 0 && trigger_table_[i] != h) i = (i + 1) & trigger_mask_;
    trigger_table_[i] = h;
    SetBit(trigger_bits_, h);
  }
}

}  // namespace sitrep::time
