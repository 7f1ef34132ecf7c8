// Internal to sitrep. Content hashes: stable ids for documents and other content.
//
// The hash is XXH3-64 (seed 0) from libxxhash: fast (many GB/s), stable across
// platforms and library versions (the XXH3 output is frozen since xxHash 0.8.0), and not
// cryptographic: do not use it where an adversary could choose colliding inputs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep {

// XXH3-64 of the bytes of `data`.
uint64_t Hash64(std::string_view data);

// Exactly 16 lowercase hex digits of Hash64(text), most significant first: equal text
// gives the same id on every machine and every run. Document ids prepend "h".
std::string ContentId(std::string_view text);

}  // namespace sitrep
