#include "util/hash.h"

#include <xxhash.h>

namespace sitrep {

uint64_t Hash64(std::string_view data) { return XXH3_64bits(data.data(), data.size()); }

std::string ContentId(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t h = Hash64(text);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[h & 0xF];
    h >>= 4;
  }
  return out;
}

}  // namespace sitrep
