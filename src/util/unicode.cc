#include "util/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/stringpiece.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <simdjson.h>

#include <cstring>
#include <memory>

namespace sitrep {
namespace {

// Length of the well-formed UTF-8 sequence at p[0..n) (1..4), or 0 with *bad set to the
// length of the maximal invalid subpart that starts there (>= 1). Unicode Table 3-7.
inline size_t WellFormedLength(const uint8_t* p, size_t n, size_t* bad) {
  const uint8_t b0 = p[0];
  if (b0 < 0x80) return 1;
  size_t len;
  uint8_t lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    *bad = 1;
    return 0;
  }
  for (size_t i = 1; i < len; ++i) {
    if (i >= n || p[i] < lo || p[i] > hi) {
      *bad = i;
      return 0;
    }
    lo = 0x80;
    hi = 0xBF;
  }
  return len;
}

// Appends the repaired form of `in` to `out`; returns the number of replacements.
uint32_t RepairInto(std::string_view in, std::string* out) {
  const auto* p = reinterpret_cast<const uint8_t*>(in.data());
  const size_t n = in.size();
  uint32_t replaced = 0;
  size_t i = 0, run = 0;  // [run, i) is valid and not yet copied
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    size_t bad = 0;
    size_t len = WellFormedLength(p + i, n - i, &bad);
    if (len > 0) {
      i += len;
      continue;
    }
    out->append(in.data() + run, i - run);
    out->append(kReplacementUtf8);
    ++replaced;
    i += bad;
    run = i;
  }
  out->append(in.data() + run, n - run);
  return replaced;
}

const icu::Normalizer2* Nfc(UErrorCode* ec) { return icu::Normalizer2::getNFCInstance(*ec); }

// Length of a white space character at the start of s (0 if none). `zero_width` also
// accepts U+200B and U+FEFF.
size_t SpaceLength(std::string_view s, bool zero_width) {
  if (s.empty()) return 0;
  const auto b0 = static_cast<uint8_t>(s[0]);
  if (b0 == ' ' || (b0 >= 0x09 && b0 <= 0x0D)) return 1;
  if (b0 < 0xC2) return 0;
  if (s.size() >= 2 && b0 == 0xC2) {
    const auto b1 = static_cast<uint8_t>(s[1]);
    return (b1 == 0x85 || b1 == 0xA0) ? 2 : 0;
  }
  if (s.size() < 3) return 0;
  const auto b1 = static_cast<uint8_t>(s[1]);
  const auto b2 = static_cast<uint8_t>(s[2]);
  switch (b0) {
    case 0xE1: return (b1 == 0x9A && b2 == 0x80) ? 3 : 0;  // U+1680
    case 0xE2:
      if (b1 == 0x80) {
        if (b2 >= 0x80 && b2 <= 0x8A) return 3;              // U+2000..U+200A
        if (b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) return 3;  // U+2028, U+2029, U+202F
        if (b2 == 0x8B && zero_width) return 3;              // U+200B
        return 0;
      }
      return (b1 == 0x81 && b2 == 0x9F) ? 3 : 0;  // U+205F
    case 0xE3: return (b1 == 0x80 && b2 == 0x80) ? 3 : 0;  // U+3000
    case 0xEF: return (zero_width && b1 == 0xBB && b2 == 0xBF) ? 3 : 0;  // U+FEFF
    default: return 0;
  }
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

bool IsValidUtf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

bool IsValidUtf8Slow(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<uint8_t>(s[i]);
    size_t len;
    uint32_t cp;
    if (b0 < 0x80) {
      ++i;
      continue;
    } else if ((b0 & 0xE0) == 0xC0) {
      len = 2, cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
      len = 3, cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
      len = 4, cp = b0 & 0x07;
    } else {
      return false;
    }
    if (s.size() - i < len) return false;
    for (size_t k = 1; k < len; ++k) {
      const auto b = static_cast<uint8_t>(s[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

bool IsAscii(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t acc = 0;
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    acc |= w;
    p += 8;
    n -= 8;
  }
  while (n > 0) {
    acc |= static_cast<uint8_t>(*p++);
    --n;
  }
  return (acc & 0x8080808080808080ull) == 0;
}

uint32_t RepairUtf8(std::string_view in, std::string* out) {
  out->clear();
  if (IsValidUtf8(in)) {
    out->assign(in);
    return 0;
  }
  out->reserve(in.size() + 16);
  return RepairInto(in, out);
}

uint32_t RepairUtf8(std::string* text) {
  if (IsValidUtf8(*text)) return 0;
  std::string out;
  out.reserve(text->size() + 16);
  uint32_t replaced = RepairInto(*text, &out);
  text->swap(out);
  return replaced;
}

uint32_t NormalizeNewlines(std::string* text) {
  char* p = text->data();
  const size_t n = text->size();
  size_t i = 0;
  // Skip to the first byte that could need a change.
  while (i < n && p[i] != '\r' && p[i] != '\0' && static_cast<uint8_t>(p[i]) != 0xE2) ++i;
  if (i == n) return 0;
  uint32_t nuls = 0;
  size_t w = i;
  while (i < n) {
    const char c = p[i];
    if (c == '\r') {
      p[w++] = '\n';
      i += (i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
    } else if (c == '\0') {
      ++nuls;
      ++i;
    } else if (static_cast<uint8_t>(c) == 0xE2 && i + 2 < n && static_cast<uint8_t>(p[i + 1]) == 0x80 &&
               (static_cast<uint8_t>(p[i + 2]) == 0xA8 || static_cast<uint8_t>(p[i + 2]) == 0xA9)) {
      p[w++] = '\n';
      i += 3;
    } else {
      p[w++] = c;
      ++i;
    }
  }
  text->resize(w);
  return nuls;
}

bool IsNfc(std::string_view utf8) {
  if (IsAscii(utf8)) return true;
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = Nfc(&ec);
  if (U_FAILURE(ec)) return false;
  bool yes = nfc->isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), ec);
  return U_SUCCESS(ec) && yes;
}

Status NormalizeNfc(std::string* text) {
  if (IsAscii(*text)) return Status::Ok();
  if (text->size() > INT32_MAX) return Status::BadInput("text too large for NFC normalisation (over 2 GiB)");
  if (!IsValidUtf8(*text)) return Status::BadInput("NFC normalisation needs valid UTF-8");
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = Nfc(&ec);
  if (U_FAILURE(ec)) return Status::Internal(std::string("ICU NFC data unavailable: ") + u_errorName(ec));
  icu::StringPiece piece(text->data(), static_cast<int32_t>(text->size()));
  bool yes = nfc->isNormalizedUTF8(piece, ec);
  if (U_FAILURE(ec)) return Status::BadInput("NFC normalisation needs valid UTF-8");
  if (yes) return Status::Ok();
  std::string out;
  out.reserve(text->size() + text->size() / 8);
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, ec);
  if (U_FAILURE(ec)) return Status::BadInput(std::string("NFC normalisation failed: ") + u_errorName(ec));
  text->swap(out);
  return Status::Ok();
}

Status NormalizeNfcSlow(std::string* text) {
  if (!IsValidUtf8Slow(*text)) return Status::BadInput("NFC normalisation needs valid UTF-8");
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = Nfc(&ec);
  if (U_FAILURE(ec)) return Status::Internal(std::string("ICU NFC data unavailable: ") + u_errorName(ec));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(*text);
  icu::UnicodeString normal = nfc->normalize(u, ec);
  if (U_FAILURE(ec)) return Status::BadInput(std::string("NFC normalisation failed: ") + u_errorName(ec));
  text->clear();
  normal.toUTF8String(*text);
  return Status::Ok();
}

size_t CountCodePoints(std::string_view utf8) {
  size_t count = 0;
  for (char c : utf8) count += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return count;
}

bool IsBlank(std::string_view utf8) {
  size_t i = 0;
  while (i < utf8.size()) {
    size_t len = SpaceLength(utf8.substr(i), /*zero_width=*/true);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

size_t WhitespaceLength(std::string_view s) { return SpaceLength(s, /*zero_width=*/false); }

Status DecodeCharset(std::string_view bytes, std::string_view charset, std::string* out) {
  std::string name = LowerAscii(charset);
  // WHATWG: these labels all mean windows-1252 on the web.
  static constexpr std::string_view kWin1252[] = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
                                                  "l1", "ascii", "us-ascii", "cp819", "ibm819",
                                                  "iso-ir-100", "x-cp1252", "cp1252"};
  for (std::string_view alias : kWin1252) {
    if (name == alias) name = "windows-1252";
  }
  if (bytes.size() > INT32_MAX / 2) return Status::BadInput("input too large to decode from " + name);
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(name.c_str(), &ec), ucnv_close);
  if (U_FAILURE(ec) || conv == nullptr) {
    return Status::BadInput("unknown character set \"" + std::string(charset) + "\"");
  }
  icu::UnicodeString u;
  const int32_t cap = static_cast<int32_t>(bytes.size()) * 2 + 16;
  UChar* buf = u.getBuffer(cap);
  if (buf == nullptr) return Status::Internal("out of memory decoding " + name);
  int32_t len = ucnv_toUChars(conv.get(), buf, cap, bytes.data(), static_cast<int32_t>(bytes.size()), &ec);
  u.releaseBuffer(U_SUCCESS(ec) ? len : 0);
  if (U_FAILURE(ec)) {
    return Status::BadInput("cannot decode " + name + ": " + u_errorName(ec));
  }
  // Some legacy converters substitute U+001A (SUB); make every substitution U+FFFD.
  u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x1A)), icu::UnicodeString(static_cast<UChar>(0xFFFD)));
  out->clear();
  u.toUTF8String(*out);
  return Status::Ok();
}

}  // namespace sitrep
