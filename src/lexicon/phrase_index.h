// Internal to lexicon/. Multi-word phrase matching over folded pieces: a hashed trie.
//
// A phrase is a sequence of folded piece keys ("deir al zor"); each carries uint32
// values (the caller's entry ids). PhraseIndex finds, in one pass over a PieceBuffer,
// every (start, end) piece range that spells a phrase. Each piece key is hashed once
// into a token id (an open-addressing table over a character pool); trie edges are a
// second open-addressing table keyed by (node, token). All storage is flat arrays of
// plain integers, so an index can be written to disk and used straight from mmap.
//
// NaivePhraseMatcher is the slow obvious version (compare every phrase at every
// position); phrase_index_test.cc checks the two agree on random texts.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/fold.h"
#include "sitrep/status.h"

namespace sitrep::lexicon {

struct PhraseMatch {
  uint32_t first = 0;  // first piece
  uint32_t end = 0;    // one past the last piece
  uint32_t node = 0;   // pass to PhraseIndex::Values
};

// What an index says about one piece key by itself (PhraseIndex::Lookup). It depends on
// the key and the index only, so a caller may keep it per distinct key (mentions.cc keeps
// one per word for each thread) and hand it back to FindAllFrom instead of probing again.
struct PieceLookup {
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  uint32_t token = kNone;  // FindToken(key)
  uint32_t root = kNone;   // Next(0, token): the node of the one-piece phrase; kNone if none
  bool ends = false;       // a phrase ends at `root` (Values(root) is not empty)
};

// A small memo of trie steps (PhraseIndex::Next, and whether a phrase ends at the child)
// for one index, kept by a caller between documents (one per thread): the pairs of words
// that recur in text ("of the", "Islamic State") then cost one probe of a table that stays
// in cache instead of a probe of the index's edge table, which does not. Direct mapped: a
// step replaces whatever step shared its slot, so the memo never grows. It must be used
// with one index only; Clear it before using it with another.
class EdgeMemo {
 public:
  explicit EdgeMemo(size_t slots = size_t{1} << 13);  // rounded up to a power of two
  void Clear();

 private:
  friend class PhraseIndex;
  struct Slot {
    uint64_t key = ~0ull;  // (node << 32) | token; ~0 = empty (node is never kNone)
    uint32_t child = 0;
    uint32_t ends = 0;
  };
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
};

class PhraseIndex {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  PhraseIndex() = default;
  PhraseIndex(PhraseIndex&&) = default;
  PhraseIndex& operator=(PhraseIndex&&) = default;

  // Token id of a folded piece key, or kNone when no phrase uses it.
  uint32_t FindToken(std::string_view key) const;
  // Child of `node` along `token`, or kNone. The root is node 0.
  uint32_t Next(uint32_t node, uint32_t token) const;
  // Values of phrases ending at `node` (empty for inner nodes), in insertion order.
  std::span<const uint32_t> Values(uint32_t node) const {
    return values_.subspan(val_off_[node], val_off_[node + 1] - val_off_[node]);
  }

  // Appends every match inside pieces [begin, end) of `buf`, ordered by first piece then
  // length. A phrase never continues onto a piece marked kBreakBefore. `tokens` is
  // scratch space (reused to avoid allocation).
  void FindAll(const PieceBuffer& buf, size_t begin, size_t end, std::vector<uint32_t>* tokens,
               std::vector<PhraseMatch>* out) const;

  // The lookup of one piece key (an empty key finds nothing).
  PieceLookup Lookup(std::string_view key) const;
  // The same matches as FindAll, given looked[i - begin] == Lookup(buf.key(i)) for every
  // piece i in [begin, end) (looked.size() >= end - begin). Only phrases of two or more
  // pieces probe the index, through `memo` when given (it must only ever have been used
  // with this index). Appends to `out`.
  void FindAllFrom(const PieceBuffer& buf, size_t begin, size_t end,
                   std::span<const PieceLookup> looked, EdgeMemo* memo,
                   std::vector<PhraseMatch>* out) const;

  size_t token_count() const { return tok_count_; }
  size_t node_count() const { return val_off_.empty() ? 0 : val_off_.size() - 1; }
  size_t value_count() const { return values_.size(); }
  size_t bytes() const;

  // Serialization: Append writes a self-describing, 8-byte aligned block (the caller
  // keeps `out` 8-byte aligned at the start). View builds an index over such a block
  // without copying; `block` must stay alive and unchanged while the index is used.
  void AppendTo(std::string* out) const;
  static Result<PhraseIndex> View(std::string_view block, size_t* consumed);

 private:
  friend class PhraseIndexBuilder;
  struct TokSlot {
    uint32_t off;
    uint32_t len;  // 0 = empty slot
  };
  struct EdgeSlot {
    uint64_t key;  // (node << 32) | token; ~0 = empty
    uint32_t child;
    uint32_t pad;
  };
  std::span<const TokSlot> tok_slots_;
  std::span<const char> tok_chars_;
  std::span<const EdgeSlot> edges_;
  std::span<const uint32_t> val_off_;
  std::span<const uint32_t> values_;
  uint64_t tok_count_ = 0;
  // Owned storage when built in memory (empty when viewing a block).
  std::shared_ptr<const std::string> owned_;
};

// Collects phrases, then builds a PhraseIndex. Phrases are folded with FoldPhrase by
// Add; AddFolded takes keys already folded and space-joined. Empty phrases are ignored.
class PhraseIndexBuilder {
 public:
  void Add(std::string_view name, uint32_t value) { AddFolded(FoldPhrase(name), value); }
  void AddFolded(std::string_view folded, uint32_t value);
  PhraseIndex Build() const;
  size_t phrase_count() const { return phrases_.size(); }

 private:
  std::vector<std::pair<std::string, uint32_t>> phrases_;
};

// The slow obvious matcher: every phrase compared at every position.
class NaivePhraseMatcher {
 public:
  void Add(std::string_view name, uint32_t value);
  struct Match {
    uint32_t first, end, value;
    friend bool operator==(const Match&, const Match&) = default;
    friend auto operator<=>(const Match&, const Match&) = default;
  };
  // All matches in pieces [begin, end), sorted.
  std::vector<Match> FindAll(const PieceBuffer& buf, size_t begin, size_t end) const;

 private:
  std::vector<std::pair<std::vector<std::string>, uint32_t>> phrases_;
};

}  // namespace sitrep::lexicon
