// Near-duplicate documents: MinHash signatures of word 5-shingles, and groups of documents
// whose signatures agree on at least 80% of positions.
//
// Signature. The text is split into words (runs of letters, marks and digits; everything
// else separates), each word folded (ASCII lower-cased inline, other code points through
// text::AppendFoldedCodePoint) and hashed with XXH3-64. Five consecutive word hashes make
// a shingle hash (XXH3-64 of the 40 bytes, little-endian order fixed by hand so the value
// is the same on every machine). Each of the kMinHashSize positions applies its own
// multiply-add permutation (a odd, b; constants from splitmix64 with a fixed seed) and
// keeps the minimum of the high 32 bits. Cost: one XXH3 per word and per shingle plus 64
// multiply-adds per shingle; no allocation per word beyond one reused buffer.
//
// Groups. Two documents are duplicates when Similarity >= kThreshold; groups are the
// connected components of that relation (syndicated copies of copies join one group).
// Candidate pairs come from locality-sensitive banding: 16 bands of 4 positions. This is
// exact, not approximate: two signatures agreeing on >= 52 of 64 positions differ in at
// most 12, which can spoil at most 12 of the 16 bands, so they share at least one band
// and are always compared. FindDuplicatesSlow compares every pair; the test checks both
// agree.
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <numeric>
#include <unordered_map>

#include "fuse/parts.h"
#include "text/chars.h"
#include "text/fold.h"

namespace sitrep::fuse {
namespace {

constexpr double kThreshold = 0.8;
constexpr int kShingle = 5;
constexpr int kBands = 16;
constexpr int kRows = kMinHashSize / kBands;

struct Perm {
  uint64_t a, b;
};

constexpr uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

constexpr std::array<Perm, kMinHashSize> MakePerms() {
  std::array<Perm, kMinHashSize> p{};
  uint64_t state = 0x5175726570ull;  // fixed: signatures must never change between builds
  for (auto& x : p) {
    x.a = SplitMix(&state) | 1;
    x.b = SplitMix(&state);
  }
  return p;
}

constexpr std::array<Perm, kMinHashSize> kPerms = MakePerms();

inline void Mix(uint64_t x, std::vector<uint32_t>* sig) {
  uint32_t* s = sig->data();
  for (int k = 0; k < kMinHashSize; ++k) {
    auto v = static_cast<uint32_t>((kPerms[k].a * x + kPerms[k].b) >> 32);
    if (v < s[k]) s[k] = v;
  }
}

inline bool IsWordChar(char32_t c) {
  if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  auto k = text::ClassOf(c);
  return k == text::CharClass::kLetter || k == text::CharClass::kMark ||
         k == text::CharClass::kDigit || k == text::CharClass::kNumber;
}

// Calls fn(hash) for each folded word of `s`, in order.
template <typename Fn>
void ForEachWordHash(std::string_view s, Fn fn) {
  std::string word;
  uint32_t i = 0;
  const auto n = static_cast<uint32_t>(s.size());
  while (i < n) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80 && !IsWordChar(b)) {
      ++i;
      continue;
    }
    word.clear();
    while (i < n) {
      b = static_cast<unsigned char>(s[i]);
      if (b < 0x80) {
        if (!IsWordChar(b)) break;
        word.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
        ++i;
        continue;
      }
      uint32_t j = i;
      char32_t c = text::DecodeAt(s, &j);
      if (j > n) j = n;  // truncated sequence at the end: stop
      if (!IsWordChar(c)) break;
      text::AppendFoldedCodePoint(c, &word);
      i = j;
    }
    if (word.empty()) {  // a non-word code point
      uint32_t j = i;
      text::DecodeAt(s, &j);
      i = std::min(j, n);
      continue;
    }
    fn(XXH3_64bits(word.data(), word.size()));
  }
}

uint64_t ShingleHash(const uint64_t* ring, int start) {
  unsigned char buf[8 * kShingle];
  for (int w = 0; w < kShingle; ++w) {
    uint64_t h = ring[(start + w) % kShingle];
    for (int k = 0; k < 8; ++k) buf[w * 8 + k] = static_cast<unsigned char>(h >> (8 * k));
  }
  return XXH3_64bits(buf, sizeof buf);
}

// Union-find over indices.
struct Sets {
  std::vector<uint32_t> parent;
  explicit Sets(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// Orders documents for the canonical choice: known date first, earliest date, then id.
bool Earlier(const DocInfo& a, const DocInfo& b) {
  bool ka = !a.date.value.empty(), kb = !b.date.value.empty();
  if (ka != kb) return ka;
  if (ka && a.date.value != b.date.value) return a.date.value < b.date.value;
  return a.id < b.id;
}

std::vector<DuplicateGroup> GroupsFromSets(const Input& in, Sets& sets) {
  std::map<uint32_t, std::vector<uint32_t>> comps;
  for (uint32_t i = 0; i < in.docs.size(); ++i) comps[sets.Find(i)].push_back(i);
  std::vector<DuplicateGroup> out;
  for (auto& [root, members] : comps) {
    if (members.size() < 2) continue;
    uint32_t canon = members[0];
    for (uint32_t m : members)
      if (Earlier(in.docs[m], in.docs[canon])) canon = m;
    DuplicateGroup g;
    g.canonical = in.docs[canon].id;
    g.similarity = 1;
    for (size_t x = 0; x < members.size(); ++x) {
      if (members[x] != canon) g.copies.push_back(in.docs[members[x]].id);
      for (size_t y = x + 1; y < members.size(); ++y)
        g.similarity = std::min(
            g.similarity, Similarity(in.docs[members[x]].minhash, in.docs[members[y]].minhash));
    }
    std::sort(g.copies.begin(), g.copies.end());
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(),
            [](const DuplicateGroup& a, const DuplicateGroup& b) { return a.canonical < b.canonical; });
  return out;
}

bool Usable(const DocInfo& d) { return d.minhash.size() == static_cast<size_t>(kMinHashSize); }

}  // namespace

std::vector<uint32_t> MinHash(std::string_view s) {
  std::vector<uint32_t> sig(kMinHashSize, UINT32_MAX);
  uint64_t ring[kShingle];
  uint64_t words = 0;
  ForEachWordHash(s, [&](uint64_t h) {
    ring[words % kShingle] = h;
    ++words;
    if (words >= kShingle) Mix(ShingleHash(ring, static_cast<int>(words % kShingle)), &sig);
  });
  if (words == 0) return {};
  if (words < kShingle)
    for (uint64_t w = 0; w < words; ++w) Mix(ring[w], &sig);
  return sig;
}

double Similarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t n = std::min(a.size(), b.size());
  if (n == 0) return 0;
  size_t same = 0;
  for (size_t i = 0; i < n; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(n);
}

std::vector<DuplicateGroup> FindDuplicates(const Input& in) {
  Sets sets(in.docs.size());
  for (int band = 0; band < kBands; ++band) {
    std::unordered_map<uint64_t, std::vector<uint32_t>> buckets;
    for (uint32_t i = 0; i < in.docs.size(); ++i) {
      if (!Usable(in.docs[i])) continue;
      uint64_t h = XXH3_64bits(in.docs[i].minhash.data() + band * kRows, kRows * sizeof(uint32_t));
      buckets[h].push_back(i);
    }
    for (auto& [h, members] : buckets) {
      for (size_t x = 0; x < members.size(); ++x)
        for (size_t y = x + 1; y < members.size(); ++y) {
          uint32_t a = members[x], b = members[y];
          if (sets.Find(a) == sets.Find(b)) continue;
          if (Similarity(in.docs[a].minhash, in.docs[b].minhash) >= kThreshold) sets.Join(a, b);
        }
    }
  }
  return GroupsFromSets(in, sets);
}

std::vector<DuplicateGroup> FindDuplicatesSlow(const Input& in) {
  Sets sets(in.docs.size());
  for (uint32_t a = 0; a < in.docs.size(); ++a)
    for (uint32_t b = a + 1; b < in.docs.size(); ++b)
      if (Usable(in.docs[a]) && Usable(in.docs[b]) &&
          Similarity(in.docs[a].minhash, in.docs[b].minhash) >= kThreshold)
        sets.Join(a, b);
  return GroupsFromSets(in, sets);
}

}  // namespace sitrep::fuse
