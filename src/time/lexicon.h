// Internal to time/. The word lists the tagger reads (data/time/*.txt), compiled once
// into hash tables: one LexEntry per lowercase word, the multi-word modifier and holiday
// phrases, and the pre-filter's trigger table.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/env.h"
#include "sitrep/status.h"
#include "time/holidays.h"
#include "time/timex.h"

namespace sitrep::time {

enum LexFlag : uint32_t {
  kLexMonth = 1u << 0,
  kLexWeekday = 1u << 1,
  kLexUnit = 1u << 2,
  kLexCardinal = 1u << 3,
  kLexOrdinal = 1u << 4,
  kLexTens = 1u << 5,
  kLexTensOrdinal = 1u << 6,
  kLexScale = 1u << 7,
  kLexVague = 1u << 8,
  kLexDigitWord = 1u << 9,  // "oh", "o" as zero in "twelve oh three"
  kLexDayPart = 1u << 10,
  kLexSeason = 1u << 11,
  kLexAbbr = 1u << 12,
  kLexAmbiguous = 1u << 13,
  kLexPlural = 1u << 14,
  kLexClipped = 1u << 15,
  kLexFuture = 1u << 16,
  kLexFutureTo = 1u << 17,
  kLexPast = 1u << 18,
  kLexNotPast = 1u << 19,
  kLexPresent = 1u << 20,
  kLexModifierStart = 1u << 21,  // first word of a modifiers.txt entry
  kLexHolidayStart = 1u << 22,   // first word of a holiday name
  kLexTrigger = 1u << 23,        // the pre-filter lets a sentence with this word through
  kLexStarter = 1u << 24,        // a closed-class word an expression may start with ("the", "since")
  kLexHolidayAnchor = 1u << 25,  // first word of a long holiday name ("martin luther king's day")
};

uint64_t LowerHash(std::string_view s);

// What the lexicon knows of one lowercase word. A word may have several roles
// ("second": unit and ordinal; "may": month, ambiguous).
struct LexEntry {
  uint32_t flags = 0;
  int8_t month = 0;     // 1..12
  int8_t weekday = 0;   // 1..7
  Grain unit = Grain::kNone;
  int8_t unit_mult = 1;  // "fortnight" is 2 weeks
  int16_t cardinal = -1;  // cardinal, tens, scale, vague and digit words
  int16_t ordinal = -1;   // ordinal and tens_ordinal words
  int8_t day_part = -1;   // index into Lexicon::day_parts()
  int8_t season = -1;     // index into Lexicon::seasons()
  int16_t modifiers = -1; // index of the modifier phrases starting with this word
};

struct DayPart {
  std::string code;  // TIMEX3 code: MO AF EV NI DT MI
  int start_hour = 0;
  int end_hour = 0;  // exclusive, may exceed 24
};

struct Season {
  std::string code;  // SP SU FA WI
  int start_month = 0, start_day = 0;
  int end_month = 0, end_day = 0;  // exclusive
};

struct Phrase {
  std::vector<std::string> words;  // normalised: lowercase, no apostrophes
  std::vector<uint64_t> hashes;    // WordHash of each word (scanner.h)
  int value = 0;                   // TimexMod for modifiers, holiday index for holidays
};

class Lexicon {
 public:
  // Reads every list from `dir`. Errors name the file and line.
  static Result<std::unique_ptr<Lexicon>> Load(const FileSystem& fs, const std::string& dir);

  // The entry of a lowercase word, or nullptr.
  const LexEntry* Find(std::string_view lower) const {
    auto it = words_.find(lower);
    return it == words_.end() ? nullptr : &it->second;
  }
  // The same, given the word's WordHash (scanner.h): a bit of a small filter (most words
  // of running text stop there), then one probe of a flat table. Sets *flags to the
  // entry's flags (0 when there is none) from the slot, so callers need not touch the entry.
  const LexEntry* Find(std::string_view lower, uint64_t hash, uint32_t* flags) const {
    *flags = 0;
    if (slots_.empty()) {
      const LexEntry* e = Find(lower);
      if (e) *flags = e->flags;
      return e;
    }
    if (!TestBit(word_bits_, hash)) return nullptr;
    for (size_t i = hash & slot_mask_;; i = (i + 1) & slot_mask_) {
      const Slot& s = slots_[i];
      if (!s.entry) return nullptr;
      if (s.hash == hash && (!exact_compare_ || *s.word == lower)) {
        *flags = s.flags;
        return s.entry;
      }
    }
  }
  const LexEntry* Find(std::string_view lower, uint64_t hash) const {
    uint32_t flags;
    return Find(lower, hash, &flags);
  }
  const std::vector<DayPart>& day_parts() const { return day_parts_; }
  const std::vector<Season>& seasons() const { return seasons_; }
  const std::vector<Holiday>& holidays() const { return holidays_; }
  // Phrases whose first word is `first`, longest first.
  const std::vector<Phrase>* Modifiers(std::string_view first) const;
  const std::vector<Phrase>* ModifierList(int index) const {
    return index >= 0 && index < static_cast<int>(modifier_lists_.size()) ? modifier_lists_[index] : nullptr;
  }
  const std::vector<Phrase>* HolidayNames(std::string_view first) const;

  // The pre-filter's question for one ASCII word of any case: is it a trigger?
  bool IsTrigger(std::string_view word) const { return IsTriggerHash(LowerHash(word)); }
  // The same given LowerHash(word).
  bool IsTriggerHash(uint64_t h) const {
    if (!TestBit(trigger_bits_, h)) return false;
    for (size_t i = h & trigger_mask_;; i = (i + 1) & trigger_mask_) {
      if (trigger_table_[i] == h) return true;
      if (trigger_table_[i] == 0) return false;
    }
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using WordMap = std::unordered_map<std::string, LexEntry, Hash, std::equal_to<>>;
  using PhraseMap = std::unordered_map<std::string, std::vector<Phrase>, Hash, std::equal_to<>>;

  LexEntry& Add(std::string_view word) { return words_[std::string(word)]; }
  void AddTrigger(std::string_view word);
  void BuildTriggers();

  WordMap words_;
  PhraseMap modifiers_;
  std::vector<const std::vector<Phrase>*> modifier_lists_;
  PhraseMap holiday_names_;
  std::vector<DayPart> day_parts_;
  std::vector<Season> seasons_;
  std::vector<Holiday> holidays_;
  struct Slot {
    uint64_t hash = 0;
    const std::string* word = nullptr;
    const LexEntry* entry = nullptr;
    uint32_t flags = 0;  // entry->flags, final once the lexicon is built
  };
  // 4096-bit filters over the word and trigger hashes: a clear bit means "not there".
  static constexpr size_t kFilterWords = 64;
  static bool TestBit(const uint64_t (&bits)[kFilterWords], uint64_t h) {
    return (bits[(h >> 40) & (kFilterWords - 1)] >> ((h >> 50) & 63)) & 1;
  }
  static void SetBit(uint64_t (&bits)[kFilterWords], uint64_t h) {
    bits[(h >> 40) & (kFilterWords - 1)] |= uint64_t{1} << ((h >> 50) & 63);
  }
  uint64_t word_bits_[kFilterWords] = {};
  uint64_t trigger_bits_[kFilterWords] = {};
  std::vector<Slot> slots_;  // open addressing over words_, by WordHash
  uint64_t slot_mask_ = 0;
  bool exact_compare_ = false;  // set when two words share a 64-bit hash
  // Open-addressing table of 64-bit hashes of lowercase trigger words (0 = empty).
  std::vector<uint64_t> trigger_table_;
  uint64_t trigger_mask_ = 0;
  friend class LexiconLoader;
};

// Lowercases ASCII letters; other bytes are kept.
void AsciiLower(std::string_view in, std::string* out);
// FNV-1a of the ASCII-lowercased bytes.
uint64_t LowerHash(std::string_view s);

// Closed-class words the grammar itself recognises (today, ago, noon, ...): triggers too.
const std::vector<std::string_view>& GrammarTriggerWords();
// Closed-class words an expression may start with ("the", "since", "between"); no triggers.
const std::vector<std::string_view>& GrammarStarterWords();

}  // namespace sitrep::time
