// Internal to ingest/. Deciding what an input is from its bytes (and, second, its name).
//
// All functions look at a bounded prefix of the input (at most 64 KiB), so they cost
// the same on a 1 KB file and a 1 GB one. None of them allocates more than a few bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "sitrep/document.h"

namespace sitrep::ingest {

// How much of an input the binary check looks at.
inline constexpr size_t kBinarySniffBytes = 8 << 10;

// A human name for a known binary or unsupported format recognised by its magic bytes
// ("PNG image", "PDF document; extract its text first (e.g. pdftotext)", "tar archive;
// unpack it first", ...), or "" when the start of `bytes` matches none. gzip and zstd
// are not listed: ingest undoes them.
std::string BinaryMagic(std::string_view bytes);

// True when the first kBinarySniffBytes of `bytes` hold many control bytes: at least 2,
// and more than 1 in 20 bytes being NUL or a C0 control other than \t \n \v \f \r and
// ESC. `*why` says how many. Text with a stray NUL or two is not binary.
bool LooksBinary(std::string_view bytes, std::string* why);

// Byte-order marks. Utf16Bom/Utf32Bom return the ICU charset name ("UTF-16LE", ...) or
// "" when `bytes` does not start with such a mark.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
std::string_view Utf16Or32Bom(std::string_view bytes);

// True when the first 64 KiB of `bytes`, which is not valid UTF-8, looks like text in a
// legacy 8-bit encoding rather than UTF-8 with a few damaged bytes: at least 3 invalid
// sequences, and at least one invalid sequence for every 4 valid multi-byte ones.
// `*why` gets the counts.
bool LooksLikeLegacyEncoding(std::string_view bytes, std::string* why);

// The charset an HTML document declares in its first 1024 bytes (<meta charset=...> or
// <meta http-equiv="Content-Type" content="...; charset=...">, or an XML declaration's
// encoding="..."), lowercased; "" when none.
std::string DeclaredHtmlCharset(std::string_view html);

// True for the labels that mean UTF-8 ("utf-8", "utf8", "unicode-1-1-utf-8").
bool IsUtf8Label(std::string_view charset);

// The lowercased extension of the last path component of `name` ("a/b.HTML" -> "html"),
// "" when there is none.
std::string Extension(std::string_view name);

// `name` without a trailing ".gz", ".gzip", ".zst" or ".zstd" (any case), else `name`.
std::string_view StripCompressionExtension(std::string_view name);

// The format of decoded text `text` named `name`. By content first: JSON Lines when the
// first non-blank lines (up to 8, within 64 KiB) all start with '{' and the first one
// ends with '}'; HTML when the text starts with '<' and a common tag appears in the first
// 4 KiB. Then by extension: .jsonl/.ndjson, .html/.htm/.xhtml/.shtml. Then HTML again when
// "<!doctype html", "<html", "<head" or "<body" appears in the first 1 KiB. Else text.
InputFormat DetectFormat(std::string_view name, std::string_view text);

}  // namespace sitrep::ingest
