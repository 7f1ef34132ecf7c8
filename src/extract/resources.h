// Internal to extract/. The data files of the extract stage (data/extract/), loaded once
// and shared read-only by any number of threads.
//
//   ontology.tsv     event types and their ACLED / CAMEO / PLOVER mapping
//   triggers.tsv     trigger words and phrases per event type, with a frame
//   claim_kinds.tsv  what a number counts (nouns, casualty words before and after)
//   quantities.tsv   number words, multipliers and vague quantities ("dozens")
//   modifiers.tsv    bounds before a number ("at least", "as many as")
//   instruments.tsv  words naming the means of an attack ("warplanes" -> aircraft)
//
// Every phrase is stored folded (text::FoldForMatch) and split into words on spaces, so it
// can be compared with the folded tokens of a sentence.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/words.h"
#include "lexicon/word_table.h"
#include "sitrep/env.h"
#include "sitrep/status.h"

namespace sitrep::extract {

struct EventType {
  std::string id;        // "control_gained"
  std::string label;     // "control gained"
  std::string acled_event_type;
  std::string acled_sub_event_type;
  std::string cameo;
  std::string plover;
  std::string description;
};

// How the parties sit around a trigger; see data/extract/triggers.tsv.
enum class Frame : uint8_t { kVerb, kNoun, kFall, kLose };
std::string_view FrameName(Frame f);  // "verb", "noun", "fall", "lose"

struct Trigger {
  uint16_t type = 0;               // index into Resources::event_types()
  Frame frame = Frame::kVerb;
  std::vector<FoldedWord> words;  // folded
  std::string phrase;              // as written in the file
};

enum class KindRole : uint8_t { kNoun, kAfter, kBefore };

struct ClaimKindWord {
  std::string kind;                // "people", "tanks", "killed", ...
  KindRole role = KindRole::kNoun;
  std::vector<FoldedWord> words;  // folded
};

enum class QuantityKind : uint8_t { kExact, kMult, kVague };

struct Quantity {
  std::vector<FoldedWord> words;  // folded
  double low = 0, high = 0;        // high < 0: open
  double acled = 0;
  QuantityKind kind = QuantityKind::kExact;
};

enum class ModEffect : uint8_t { kNone, kAtLeast, kMoreThan, kApprox, kUpTo, kAtMost, kLessThan };
std::string_view ModEffectName(ModEffect e);  // "", "at_least", "more_than", ...

struct Modifier {
  std::vector<FoldedWord> words;  // folded
  ModEffect effect = ModEffect::kNone;
};


// Hash for unordered containers keyed by std::string that are looked up by string_view
// without building a std::string (C++20 heterogeneous lookup).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// A 1024-bit filter over words (length, first and last byte): MayHave() is false only for
// words never added, so a lookup can skip the hash table for most words of a sentence.
class KeyFilter {
 public:
  void Add(std::string_view w) { bits_[Bit(w) >> 6] |= uint64_t{1} << (Bit(w) & 63); }
  bool MayHave(std::string_view w) const { return (bits_[Bit(w) >> 6] >> (Bit(w) & 63) & 1) != 0; }

 private:
  static uint32_t Bit(std::string_view w) {
    if (w.empty()) return 0;
    const uint32_t h = static_cast<uint32_t>(w.size()) * 131u +
                       static_cast<unsigned char>(w.front()) * 31u + static_cast<unsigned char>(w.back());
    return (h * 2654435761u) >> 22;
  }
  uint64_t bits_[16] = {};
};

class Resources {
 public:
  // Reads the six files from `data_dir` through `fs`. Fails with NotFound naming a
  // missing file, or BadInput "<path>:<line>: <why>" for a malformed row (wrong column
  // count, unknown event type, frame, role or effect, bad number).
  static Result<std::unique_ptr<Resources>> Load(const FileSystem& fs, const std::string& data_dir);
  // Load() from $SITREP_HOME/data/extract (else the source tree's data/extract), once per process; later calls return the
  // same object (or the same failure).
  static Result<const Resources*> Default();
  static std::string DefaultDataDir();

  const std::vector<EventType>& event_types() const { return types_; }
  // Index of the event type `id`, or -1.
  int FindEventType(std::string_view id) const;
  const std::vector<Trigger>& triggers() const { return triggers_; }
  const std::vector<ClaimKindWord>& kind_words() const { return kind_words_; }
  const std::vector<Quantity>& quantities() const { return quantities_; }
  const std::vector<Modifier>& modifiers() const { return modifiers_; }

  // The instrument a folded word names ("jets" -> "aircraft"), or empty.
  // (Each lookup of this class also takes a FoldedWord, probing with the hash it carries.)
  template <typename W>
  std::string_view InstrumentOf(const W& folded) const {
    const WordEntry* e = Lookup(folded);
    return e == nullptr ? std::string_view() : e->instrument;
  }

  // Indices (into the vectors above) of entries whose first word is `folded`, longest first;
  // nullptr when none.
  template <typename W>
  const std::vector<uint32_t>* TriggersStartingWith(const W& folded) const {
    const WordEntry* e = Lookup(folded);
    return e == nullptr ? nullptr : e->triggers;
  }
  template <typename W>
  const std::vector<uint32_t>* KindWordsStartingWith(const W& folded) const {
    const WordEntry* e = Lookup(folded);
    return e == nullptr ? nullptr : e->kind_words;
  }
  template <typename W>
  const std::vector<uint32_t>* QuantitiesStartingWith(const W& folded) const {
    const WordEntry* e = Lookup(folded);
    return e == nullptr ? nullptr : e->quantities;
  }
  template <typename W>
  const std::vector<uint32_t>* ModifiersStartingWith(const W& folded) const {
    const WordEntry* e = Lookup(folded);
    return e == nullptr ? nullptr : e->modifiers;
  }

  // Everything the data files say about a folded word as a first word, in one lookup (the
  // five functions above each do this lookup); nullptr when the word starts no entry and
  // names no instrument. A caller testing one word for several of them can look it up once.
  struct WordEntry {
    const std::vector<uint32_t>* triggers = nullptr;    // as TriggersStartingWith
    const std::vector<uint32_t>* kind_words = nullptr;  // as KindWordsStartingWith
    const std::vector<uint32_t>* quantities = nullptr;  // as QuantitiesStartingWith
    const std::vector<uint32_t>* modifiers = nullptr;   // as ModifiersStartingWith
    std::string_view instrument;                        // as InstrumentOf
  };
  // False only for a folded word that starts no trigger: a 128-byte filter asked before
  // TriggersStartingWith or Lookup spares most words of a sentence the hash table probe.
  // (A sealed FoldedWord asks a 1 KB filter over the top 13 bits of its hash instead, which
  // lets through about one word in twenty that starts no trigger.)
  bool MayStartTrigger(std::string_view folded) const { return trig_filter_.MayHave(folded); }
  template <IsFoldedWord W>
  bool MayStartTrigger(const W& folded) const {
    if (!folded.sealed()) return trig_filter_.MayHave(folded);
    const uint64_t bit = folded.hash() >> kTrigFilterShift;
    return (trig_hash_filter_[bit >> 6] >> (bit & 63) & 1) != 0;
  }

  const WordEntry* Lookup(std::string_view folded) const {
    const uint32_t i = words_.Find(folded);
    return i == WordKeyTable::kNone ? nullptr : &entries_[i];
  }
  template <IsFoldedWord W>
  const WordEntry* Lookup(const W& folded) const {
    const uint32_t i = words_.Find(folded);
    return i == WordKeyTable::kNone ? nullptr : &entries_[i];
  }

 private:
  Resources() = default;
  void Index();

  std::vector<EventType> types_;
  std::vector<Trigger> triggers_;
  std::vector<ClaimKindWord> kind_words_;
  std::vector<Quantity> quantities_;
  std::vector<Modifier> modifiers_;
  template <typename V>
  using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
  StringMap<std::string> instruments_;
  StringMap<std::vector<uint32_t>> trig_idx_, kind_idx_, qty_idx_, mod_idx_;
  // Every key of the four indexes and of instruments_, with what each means (Lookup).
  WordKeyTable words_;
  std::vector<WordEntry> entries_;
  WordKeyTable type_table_;  // the ids of types_, in order (FindEventType)
  KeyFilter trig_filter_;  // the first words of triggers_
  static constexpr int kTrigFilterShift = 64 - 13;
  uint64_t trig_hash_filter_[(1 << 13) / 64] = {};  // the same, by the top 13 bits of their hash
};

// Folds `phrase` and splits it on spaces.
std::vector<std::string> FoldWords(std::string_view phrase);

}  // namespace sitrep::extract
