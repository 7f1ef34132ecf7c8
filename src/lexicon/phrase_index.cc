// The hashed trie behind every lexicon lookup; see phrase_index.h.
#include "lexicon/phrase_index.h"

// Inlined: the hash of every piece of every document goes through it (same values as the
// library's XXH3_64bits, so indexes written before stay valid).
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace sitrep::lexicon {
namespace {

constexpr uint64_t kMagic = 0x3130584449524850ull;  // "PHRIDX01"
constexpr uint64_t kEmptyEdge = ~0ull;

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

uint64_t PowerOfTwoAtLeast(uint64_t n) {
  uint64_t c = 16;
  while (c < n) c <<= 1;
  return c;
}

std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Short keys: a plain loop beats a call to memcmp.
bool SameBytes(const char* a, const char* b, size_t n) {
  for (size_t i = 0; i < n; ++i) if (a[i] != b[i]) return false;
  return true;
}

void Pad8(std::string* out) {
  while (out->size() % 8) out->push_back('\0');
}

template <typename T>
void AppendArray(std::string* out, const T* data, size_t n) {
  out->append(reinterpret_cast<const char*>(data), n * sizeof(T));
  Pad8(out);
}

}  // namespace

uint32_t PhraseIndex::FindToken(std::string_view key) const {
  if (tok_slots_.empty() || key.empty()) return kNone;
  const uint64_t mask = tok_slots_.size() - 1;
  uint64_t h = XXH3_64bits(key.data(), key.size()) & mask;
  while (true) {
    const TokSlot& s = tok_slots_[h];
    if (s.len == 0) return kNone;
    if (s.len == key.size() && SameBytes(tok_chars_.data() + s.off, key.data(), key.size())) {
      return static_cast<uint32_t>(h);
    }
    h = (h + 1) & mask;
  }
}

uint32_t PhraseIndex::Next(uint32_t node, uint32_t token) const {
  if (edges_.empty()) return kNone;
  const uint64_t mask = edges_.size() - 1;
  const uint64_t key = (static_cast<uint64_t>(node) << 32) | token;
  uint64_t h = Mix(key) & mask;
  while (true) {
    const EdgeSlot& e = edges_[h];
    if (e.key == key) return e.child;
    if (e.key == kEmptyEdge) return kNone;
    h = (h + 1) & mask;
  }
}

void PhraseIndex::FindAll(const PieceBuffer& buf, size_t begin, size_t end,
                          std::vector<uint32_t>* tokens, std::vector<PhraseMatch>* out) const {
  if (val_off_.empty()) return;
  tokens->resize(end > begin ? end - begin : 0);
  if (tok_slots_.empty() || edges_.empty()) {
    for (size_t i = begin; i < end; ++i) (*tokens)[i - begin] = FindToken(buf.key(i));
  } else {
    // The same as FindToken per piece, in sweeps so that the cache misses of a large
    // (mapped) index overlap instead of following one another: hash every piece and
    // prefetch its token slot; probe; prefetch the root edge of each token found (and,
    // below, the second edge of each phrase start).
    const uint64_t tmask = tok_slots_.size() - 1;
    for (size_t i = begin; i < end; ++i) {
      std::string_view k = buf.key(i);
      const uint32_t h = static_cast<uint32_t>(XXH3_64bits(k.data(), k.size()) & tmask);
      (*tokens)[i - begin] = h;
      __builtin_prefetch(&tok_slots_[h]);
    }
    // The characters of the slot each piece hashed to, when their length fits.
    for (size_t i = begin; i < end; ++i) {
      const TokSlot& slot = tok_slots_[(*tokens)[i - begin]];
      if (slot.len != 0 && slot.len == buf.pieces[i].key_len) __builtin_prefetch(tok_chars_.data() + slot.off);
    }
    for (size_t i = begin; i < end; ++i) {
      std::string_view k = buf.key(i);
      uint32_t& t = (*tokens)[i - begin];
      if (k.empty()) {
        t = kNone;
        continue;
      }
      uint64_t h = t;
      while (true) {
        const TokSlot& slot = tok_slots_[h];
        if (slot.len == 0) {
          t = kNone;
          break;
        }
        if (slot.len == k.size() && SameBytes(tok_chars_.data() + slot.off, k.data(), k.size())) {
          t = static_cast<uint32_t>(h);
          break;
        }
        h = (h + 1) & tmask;
      }
      if (t != kNone) __builtin_prefetch(&edges_[Mix(t) & (edges_.size() - 1)]);  // (root << 32) | t
    }
  }
  // Root children of every piece (their edges were prefetched above), prefetching the edge
  // a phrase of two pieces would take next; kept after the tokens in the scratch vector.
  const size_t count = end > begin ? end - begin : 0;
  tokens->resize(2 * count);
  uint32_t* tok = tokens->data();
  uint32_t* root = tok + count;
  const uint64_t emask = edges_.empty() ? 0 : edges_.size() - 1;
  for (size_t i = 0; i < count; ++i) {
    root[i] = tok[i] == kNone ? kNone : Next(0, tok[i]);
    if (root[i] != kNone) __builtin_prefetch(&val_off_[root[i]]);
    if (root[i] != kNone && i + 1 < count && tok[i + 1] != kNone && !edges_.empty() &&
        !(buf.pieces[begin + i + 1].flags & kBreakBefore)) {
      __builtin_prefetch(&edges_[Mix((static_cast<uint64_t>(root[i]) << 32) | tok[i + 1]) & emask]);
    }
  }
  for (size_t i = begin; i < end; ++i) {
    uint32_t node = root[i - begin];
    if (node == kNone) continue;
    if (val_off_[node + 1] > val_off_[node]) {
      out->push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), node});
    }
    for (size_t j = i + 1; j < end; ++j) {
      if (buf.pieces[j].flags & kBreakBefore) break;
      if (tok[j - begin] == kNone) break;
      node = Next(node, tok[j - begin]);
      if (node == kNone) break;
      if (val_off_[node + 1] > val_off_[node]) {
        out->push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j + 1), node});
      }
    }
  }
}

PieceLookup PhraseIndex::Lookup(std::string_view key) const {
  PieceLookup r;
  if (val_off_.empty()) return r;
  r.token = FindToken(key);
  if (r.token == kNone) return r;
  r.root = Next(0, r.token);
  r.ends = r.root != kNone && val_off_[r.root + 1] > val_off_[r.root];
  return r;
}

EdgeMemo::EdgeMemo(size_t slots) {
  slots_.assign(PowerOfTwoAtLeast(slots), Slot{});
  mask_ = slots_.size() - 1;
}

void EdgeMemo::Clear() { std::fill(slots_.begin(), slots_.end(), Slot{}); }

void PhraseIndex::FindAllFrom(const PieceBuffer& buf, size_t begin, size_t end,
                              std::span<const PieceLookup> looked, EdgeMemo* memo,
                              std::vector<PhraseMatch>* out) const {
  if (val_off_.empty() || end <= begin) return;
  const size_t count = end - begin;
  const Piece* pieces = buf.pieces.data() + begin;
  if (memo == nullptr && !edges_.empty()) {
    // The second edge of every phrase start, fetched before the walk needs it.
    const uint64_t emask = edges_.size() - 1;
    for (size_t i = 0; i + 1 < count; ++i) {
      if (looked[i].root != kNone && looked[i + 1].token != kNone &&
          !(pieces[i + 1].flags & kBreakBefore)) {
        __builtin_prefetch(&edges_[Mix((static_cast<uint64_t>(looked[i].root) << 32) | looked[i + 1].token) & emask]);
      }
    }
  }
  // One step of the walk: the child of `node` along `token` and whether a phrase ends there.
  auto step = [&](uint32_t node, uint32_t token, bool* ends) -> uint32_t {
    const uint64_t key = (static_cast<uint64_t>(node) << 32) | token;
    EdgeMemo::Slot* slot = nullptr;
    if (memo != nullptr) {
      slot = &memo->slots_[Mix(key) & memo->mask_];
      if (slot->key == key) {
        *ends = slot->ends != 0;
        return slot->child;
      }
    }
    const uint32_t child = Next(node, token);
    *ends = child != kNone && val_off_[child + 1] > val_off_[child];
    if (slot != nullptr) *slot = EdgeMemo::Slot{key, child, *ends ? 1u : 0u};
    return child;
  };
  for (size_t i = 0; i < count; ++i) {
    uint32_t node = looked[i].root;
    if (node == kNone) continue;
    const uint32_t first = static_cast<uint32_t>(begin + i);
    if (looked[i].ends) out->push_back({first, first + 1, node});
    for (size_t j = i + 1; j < count; ++j) {
      if (pieces[j].flags & kBreakBefore) break;
      if (looked[j].token == kNone) break;
      bool ends = false;
      node = step(node, looked[j].token, &ends);
      if (node == kNone) break;
      if (ends) out->push_back({first, static_cast<uint32_t>(begin + j + 1), node});
    }
  }
}

size_t PhraseIndex::bytes() const {
  return tok_slots_.size_bytes() + tok_chars_.size_bytes() + edges_.size_bytes() +
         val_off_.size_bytes() + values_.size_bytes();
}

void PhraseIndex::AppendTo(std::string* out) const {
  uint64_t header[7] = {kMagic,          tok_slots_.size(), tok_chars_.size(), edges_.size(),
                        val_off_.size(), values_.size(),    tok_count_};
  AppendArray(out, header, 7);
  AppendArray(out, tok_slots_.data(), tok_slots_.size());
  AppendArray(out, tok_chars_.data(), tok_chars_.size());
  AppendArray(out, edges_.data(), edges_.size());
  AppendArray(out, val_off_.data(), val_off_.size());
  AppendArray(out, values_.data(), values_.size());
}

Result<PhraseIndex> PhraseIndex::View(std::string_view block, size_t* consumed) {
  auto bad = [](const char* what) {
    return Status::BadInput(std::string("phrase index is damaged (") + what +
                            "); delete the index file to rebuild it");
  };
  if (block.size() < 56 || reinterpret_cast<uintptr_t>(block.data()) % 8 != 0) {
    return bad("short or misaligned");
  }
  uint64_t h[7];
  std::memcpy(h, block.data(), sizeof h);
  if (h[0] != kMagic) return bad("magic");
  size_t pos = 56;
  PhraseIndex idx;
  auto take = [&](auto& span, uint64_t n) -> bool {
    using T = typename std::remove_reference_t<decltype(span)>::element_type;
    uint64_t bytes = n * sizeof(T);
    if (n > block.size() || pos + bytes > block.size()) return false;
    span = std::span<const T>(reinterpret_cast<const T*>(block.data() + pos), n);
    pos += (bytes + 7) / 8 * 8;
    return true;
  };
  if (!take(idx.tok_slots_, h[1]) || !take(idx.tok_chars_, h[2]) || !take(idx.edges_, h[3]) ||
      !take(idx.val_off_, h[4]) || !take(idx.values_, h[5])) {
    return bad("truncated");
  }
  if ((idx.tok_slots_.size() & (idx.tok_slots_.size() - 1)) != 0 ||
      (idx.edges_.size() & (idx.edges_.size() - 1)) != 0 ||
      (!idx.val_off_.empty() && idx.val_off_.back() != idx.values_.size())) {
    return bad("inconsistent sizes");
  }
  idx.tok_count_ = h[6];
  if (consumed) *consumed = pos;
  return idx;
}

void PhraseIndexBuilder::AddFolded(std::string_view folded, uint32_t value) {
  if (folded.empty()) return;
  phrases_.emplace_back(std::string(folded), value);
}

PhraseIndex PhraseIndexBuilder::Build() const {
  // 1. Unique tokens, placed in the open-addressing table; a token's id is its slot.
  std::unordered_map<std::string_view, uint32_t> token_ids;
  std::vector<std::string_view> unique;
  for (const auto& [phrase, value] : phrases_) {
    for (auto t : SplitSpaces(phrase)) {
      if (token_ids.emplace(t, 0).second) unique.push_back(t);
    }
  }
  const uint64_t tok_cap = PowerOfTwoAtLeast(unique.size() * 2 + 1);
  std::vector<PhraseIndex::TokSlot> tok_slots(tok_cap, PhraseIndex::TokSlot{0, 0});
  std::string chars;
  for (auto t : unique) {
    uint64_t h = XXH3_64bits(t.data(), t.size()) & (tok_cap - 1);
    while (tok_slots[h].len != 0) h = (h + 1) & (tok_cap - 1);
    tok_slots[h] = {static_cast<uint32_t>(chars.size()), static_cast<uint32_t>(t.size())};
    chars.append(t);
    token_ids[t] = static_cast<uint32_t>(h);
  }
  // 2. The trie.
  std::unordered_map<uint64_t, uint32_t> edges;
  std::vector<std::vector<uint32_t>> node_values(1);
  for (const auto& [phrase, value] : phrases_) {
    uint32_t node = 0;
    for (auto t : SplitSpaces(phrase)) {
      uint64_t key = (static_cast<uint64_t>(node) << 32) | token_ids[t];
      auto [it, inserted] = edges.emplace(key, static_cast<uint32_t>(node_values.size()));
      if (inserted) node_values.emplace_back();
      node = it->second;
    }
    auto& v = node_values[node];
    if (std::find(v.begin(), v.end(), value) == v.end()) v.push_back(value);
  }
  const uint64_t edge_cap = PowerOfTwoAtLeast(edges.size() * 2 + 1);
  std::vector<PhraseIndex::EdgeSlot> edge_slots(edge_cap, PhraseIndex::EdgeSlot{kEmptyEdge, 0, 0});
  for (const auto& [key, child] : edges) {
    uint64_t h = Mix(key) & (edge_cap - 1);
    while (edge_slots[h].key != kEmptyEdge) h = (h + 1) & (edge_cap - 1);
    edge_slots[h] = {key, child, 0};
  }
  std::vector<uint32_t> val_off;
  std::vector<uint32_t> values;
  val_off.reserve(node_values.size() + 1);
  for (const auto& v : node_values) {
    val_off.push_back(static_cast<uint32_t>(values.size()));
    values.insert(values.end(), v.begin(), v.end());
  }
  val_off.push_back(static_cast<uint32_t>(values.size()));

  // 3. One owned block in the serialized layout, viewed like a file.
  PhraseIndex tmp;
  tmp.tok_slots_ = tok_slots;
  tmp.tok_chars_ = std::span<const char>(chars.data(), chars.size());
  tmp.edges_ = edge_slots;
  tmp.val_off_ = val_off;
  tmp.values_ = values;
  tmp.tok_count_ = unique.size();
  auto block = std::make_shared<std::string>();
  // std::string storage is at least 8-byte aligned from operator new; the header keeps
  // every array 8-byte aligned relative to it.
  tmp.AppendTo(block.get());
  size_t used = 0;
  Result<PhraseIndex> viewed = PhraseIndex::View(*block, &used);
  PhraseIndex out = std::move(viewed).value();
  out.owned_ = std::move(block);
  return out;
}

void NaivePhraseMatcher::Add(std::string_view name, uint32_t value) {
  std::string folded = FoldPhrase(name);
  if (folded.empty()) return;
  std::vector<std::string> toks;
  for (auto t : SplitSpaces(folded)) toks.emplace_back(t);
  phrases_.emplace_back(std::move(toks), value);
}

std::vector<NaivePhraseMatcher::Match> NaivePhraseMatcher::FindAll(const PieceBuffer& buf,
                                                                   size_t begin,
                                                                   size_t end) const {
  std::vector<Match> out;
  for (size_t i = begin; i < end; ++i) {
    for (const auto& [toks, value] : phrases_) {
      if (i + toks.size() > end) continue;
      bool ok = true;
      for (size_t k = 0; k < toks.size() && ok; ++k) {
        if (k > 0 && (buf.pieces[i + k].flags & kBreakBefore)) ok = false;
        else if (buf.key(i + k) != toks[k]) ok = false;
      }
      if (ok) out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + toks.size()), value});
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace sitrep::lexicon
