// A fixed table of short words (folded keys) for the per-word tests of the rules: which
// of a few dozen or a few thousand words a word of the text is, with one cheap hash and
// usually one probe. Used where std::unordered_set<std::string> was looked up once or
// several times per word of every sentence (the extract rules' word sets, the extract
// resources' first-word indexes, the lexicon's key sets).
//
//   WordTable t({"said", "told", "added"});
//   t.Find("told") == 1;  t.Find("spoke") == WordTable::kNone;
//
// Find returns the index of the word in the order given (duplicates: the first), so a
// caller can keep parallel arrays of values. Keys are copied into the table. The answer is
// exactly that of comparing the word with every key (WordTableSlow in tests): the hash only
// picks where to look. Immutable after construction; safe to share between threads.
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::lexicon {

class WordTable {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  WordTable() { Build({}); }
  explicit WordTable(const std::vector<std::string_view>& words) { Build(words); }
  WordTable(std::initializer_list<std::string_view> words) { Build(std::vector<std::string_view>(words)); }

  // Index of `w` among the words given, or kNone.
  uint32_t Find(std::string_view w) const {
    const uint64_t h = Hash(w);
    for (uint32_t s = static_cast<uint32_t>(h) & mask_;; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.index == kNone) return kNone;
      if (slot.hash == h && slot.len == w.size() &&
          std::memcmp(chars_.data() + slot.off, w.data(), w.size()) == 0) {
        return slot.index;
      }
    }
  }
  bool Has(std::string_view w) const { return Find(w) != kNone; }
  size_t size() const { return size_; }
  std::string_view word(uint32_t i) const { return std::string_view(chars_).substr(offs_[i], lens_[i]); }

  // The hash used: the length and up to the first and last 8 bytes, mixed. Exposed so that
  // tests can check collisions are harmless.
  static uint64_t Hash(std::string_view w) {
    uint64_t a, b;
    Key(w, &a, &b);
    return Mix(a, b, w.size());
  }
  // The hash's two parts: up to the first and last 8 bytes of w (with its length they
  // determine a word of up to 16 bytes), and their mix. Also used by extract's WordKeyTable.
  static void Key(std::string_view w, uint64_t* a, uint64_t* b) {
    const size_t n = w.size();
    *a = 0;
    *b = 0;
    if (n >= 8) {
      std::memcpy(a, w.data(), 8);
      std::memcpy(b, w.data() + n - 8, 8);
    } else if (n >= 4) {
      uint32_t x, y;
      std::memcpy(&x, w.data(), 4);
      std::memcpy(&y, w.data() + n - 4, 4);
      *a = x;
      *b = y;
    } else if (n > 0) {
      *a = static_cast<unsigned char>(w[0]) | static_cast<uint64_t>(static_cast<unsigned char>(w[n / 2])) << 8 |
           static_cast<uint64_t>(static_cast<unsigned char>(w[n - 1])) << 16;
    }
  }
  static uint64_t Mix(uint64_t a, uint64_t b, size_t n) {
    uint64_t h = (a ^ 0x9E3779B97F4A7C15ull) * 0xBF58476D1CE4E5B9ull;
    h ^= (b + n) * 0x94D049BB133111EBull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return h;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t off = 0;
    uint32_t len = 0;
    uint32_t index = kNone;
  };

  void Build(const std::vector<std::string_view>& words) {
    uint32_t cap = 16;
    while (cap < words.size() * 4) cap <<= 1;  // at most a quarter full: short probes
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (uint32_t i = 0; i < words.size(); ++i) {
      std::string_view w = words[i];
      offs_.push_back(static_cast<uint32_t>(chars_.size()));
      lens_.push_back(static_cast<uint32_t>(w.size()));
      chars_.append(w);
    }
    size_ = words.size();
    for (uint32_t i = 0; i < words.size(); ++i) {
      if (Find(words[i]) != kNone) continue;  // a duplicate: the first one answers
      const uint64_t h = Hash(words[i]);
      uint32_t s = static_cast<uint32_t>(h) & mask_;
      while (slots_[s].index != kNone) s = (s + 1) & mask_;
      slots_[s] = Slot{h, offs_[i], lens_[i], i};
    }
  }

  std::vector<Slot> slots_;
  uint32_t mask_ = 0;
  std::string chars_;
  std::vector<uint32_t> offs_, lens_;
  size_t size_ = 0;
};

}  // namespace sitrep::lexicon
