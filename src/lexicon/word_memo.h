// Internal to lexicon/. A memo of what is known about a folded word, so that the word's
// later occurrences cost one probe of a small, cache-resident table instead of several
// probes of large ones (the 46 MB gazetteer index: a token slot, its characters, a root
// edge and a value offset, each in its own cache line, for every word of every document).
//
//   WordMemo<Info> memo;
//   const Info& i = memo.Get(key, [&](std::string_view k) { return Compute(k); });
//
// Get returns exactly what `make(key)` returned the first time it saw `key` (the caller
// promises that make is a pure function of the key for as long as the memo lives; call
// Clear when what it depends on changes). The hash only picks where to look: keys are
// compared byte for byte. Bounded: at `max_words` distinct words the memo starts over,
// and keys longer than kMaxKey bytes are not kept (computed on every call), so hostile
// input cannot grow it without limit. Not thread-safe: keep one per thread.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/word_table.h"

namespace sitrep::lexicon {

template <typename Value>
class WordMemo {
 public:
  static constexpr size_t kMaxKey = 48;

  explicit WordMemo(size_t max_words = size_t{1} << 16) : max_words_(max_words < 16 ? 16 : max_words) {
    Reset(1024);
  }

  // The value of `key`: memoised, or make(key) (then kept). The reference stays valid until
  // the next call of Get or Clear.
  template <typename Make>
  const Value& Get(std::string_view key, Make&& make) {
    if (key.size() > kMaxKey) {
      spare_ = make(key);
      return spare_;
    }
    const uint64_t h = WordTable::Hash(key);
    const uint32_t tag = static_cast<uint32_t>(h >> 32) | 1;  // 0 marks an empty slot
    const uint64_t prefix = Prefix(key);
    for (size_t s = static_cast<size_t>(h) & mask_;; s = (s + 1) & mask_) {
      Slot& slot = slots_[s];
      if (slot.tag == 0) break;
      if (slot.tag == tag && slot.prefix == prefix && slot.len == key.size() &&
          (key.size() <= 8 || Same(chars_.data() + slot.off, key.substr(8)))) {
        return slot.value;
      }
    }
    if (size_ >= max_words_) {
      Clear();
    } else if ((size_ + 1) * 2 > slots_.size()) {
      Grow();
    }
    // Insert (the table may have changed above: probe for a free slot again).
    size_t s = static_cast<size_t>(h) & mask_;
    while (slots_[s].tag != 0) s = (s + 1) & mask_;
    Slot& slot = slots_[s];
    slot.tag = tag;
    slot.len = static_cast<uint32_t>(key.size());
    slot.off = static_cast<uint32_t>(chars_.size());
    slot.prefix = prefix;
    if (key.size() > 8) chars_.append(key.substr(8));
    slot.value = make(key);
    ++size_;
    return slot.value;
  }

  // Forgets every word (keeps the capacity).
  void Clear() {
    size_ = 0;
    chars_.clear();
    std::fill(slots_.begin(), slots_.end(), Slot{});
  }

  size_t size() const { return size_; }

 private:
  // One cache line or less per word: the first 8 bytes of the key and the value inline.
  struct Slot {
    uint32_t tag = 0;  // high hash bits | 1; 0 = empty
    uint32_t len = 0;
    uint64_t prefix = 0;  // key bytes 0..7, zero padded
    uint32_t off = 0;     // key bytes 8.. in chars_
    Value value{};
  };

  // Bytes 0..7 of k, zero padded: the same as a memcpy of min(size, 8) bytes into a zeroed
  // word, with loads of fixed size (a memcpy of variable size is a call).
  static uint64_t Prefix(std::string_view k) {
    const char* d = k.data();
    const size_t n = k.size();
    uint64_t p;
    if (n >= 8) {
      std::memcpy(&p, d, 8);
      return p;
    }
    if (n >= 4) {  // two overlapping 4-byte loads
      uint32_t lo, hi;
      std::memcpy(&lo, d, 4);
      std::memcpy(&hi, d + n - 4, 4);
      return lo | static_cast<uint64_t>(hi) << (8 * (n - 4));
    }
    p = 0;
    for (size_t i = 0; i < n; ++i) p |= static_cast<uint64_t>(static_cast<unsigned char>(d[i])) << (8 * i);
    return p;
  }

  static bool Same(const char* a, std::string_view b) {
    // Short keys: a plain loop beats a call to memcmp.
    for (size_t i = 0; i < b.size(); ++i) if (a[i] != b[i]) return false;
    return true;
  }

  void Reset(size_t cap) {
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
  }

  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    Reset(old.size() * 2);
    for (const Slot& o : old) {
      if (o.tag == 0) continue;
      std::string key(reinterpret_cast<const char*>(&o.prefix), o.len < 8 ? o.len : 8);
      if (o.len > 8) key.append(chars_, o.off, o.len - 8);
      const uint64_t h = WordTable::Hash(key);
      size_t s = static_cast<size_t>(h) & mask_;
      while (slots_[s].tag != 0) s = (s + 1) & mask_;
      slots_[s] = o;
    }
  }

  size_t max_words_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::string chars_;
  size_t size_ = 0;
  Value spare_{};
};

}  // namespace sitrep::lexicon
