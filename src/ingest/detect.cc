#include "ingest/detect.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "util/unicode.h"

namespace sitrep::ingest {
namespace {

using namespace std::string_view_literals;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerPrefix(std::string_view s, size_t n) {
  std::string out(s.substr(0, n));
  for (char& c : out) c = Lower(c);
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.starts_with(kUtf8Bom)) s.remove_prefix(kUtf8Bom.size());
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  return s.substr(i);
}

struct Magic {
  std::string_view bytes;
  size_t offset;
  std::string_view name;
  std::string_view advice = "";
};

// Known binary and unsupported formats. Longest and most specific first.
constexpr Magic kMagics[] = {
    {"\x89PNG\r\n\x1a\n"sv, 0, "PNG image"},
    {"%PDF-"sv, 0, "PDF document", "extract its text first (e.g. pdftotext)"},
    {"\xFF\xD8\xFF"sv, 0, "JPEG image"},
    {"GIF87a"sv, 0, "GIF image"},
    {"GIF89a"sv, 0, "GIF image"},
    {"II*\0"sv, 0, "TIFF image"},
    {"MM\0*"sv, 0, "TIFF image"},
    {"PK\x03\x04"sv, 0, "ZIP archive or Office document", "unpack it or save it as text first"},
    {"PK\x05\x06"sv, 0, "ZIP archive", "unpack it first"},
    {"PK\x07\x08"sv, 0, "ZIP archive", "unpack it first"},
    {"\x7f" "ELF"sv, 0, "ELF executable"},
    {"\xFD" "7zXZ\0"sv, 0, "xz-compressed data", "decompress it first"},
    {"BZh"sv, 0, ""},  // bzip2: checked with its block magic below
    {"7z\xBC\xAF\x27\x1C"sv, 0, "7-Zip archive", "unpack it first"},
    {"Rar!\x1A\x07"sv, 0, "RAR archive", "unpack it first"},
    {"\x04\x22\x4D\x18"sv, 0, "LZ4-compressed data", "decompress it first"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, 0, "legacy Microsoft Office document"},
    {"SQLite format 3"sv, 0, "SQLite database"},
    {"\0asm"sv, 0, "WebAssembly module"},
    {"\xCA\xFE\xBA\xBE"sv, 0, "Java class file or Mach-O binary"},
    {"\xCF\xFA\xED\xFE"sv, 0, "Mach-O executable"},
    {"\xCE\xFA\xED\xFE"sv, 0, "Mach-O executable"},
    {"\x1A\x45\xDF\xA3"sv, 0, "Matroska/WebM video"},
    {"OggS"sv, 0, "Ogg media"},
    {"fLaC"sv, 0, "FLAC audio"},
    {"ID3"sv, 0, "MP3 audio"},
    {"ftyp"sv, 4, "MP4/QuickTime media"},
    {"wOFF"sv, 0, "web font"},
    {"wOF2"sv, 0, "web font"},
    {"{\\rtf"sv, 0, "RTF document", "save it as plain text or HTML"},
    {"ustar"sv, 257, "tar archive", "unpack it first"},
};

}  // namespace

std::string BinaryMagic(std::string_view bytes) {
  auto describe = [](const Magic& m) {
    std::string out(m.name);
    if (!m.advice.empty()) out += "; " + std::string(m.advice);
    return out;
  };
  for (const Magic& m : kMagics) {
    if (bytes.size() < m.offset + m.bytes.size()) continue;
    if (bytes.substr(m.offset, m.bytes.size()) != m.bytes) continue;
    if (m.bytes == "BZh") {
      // "BZh" + level digit + the block magic (pi) or the end-of-stream magic (sqrt pi).
      if (bytes.size() >= 10 && bytes[3] >= '1' && bytes[3] <= '9' &&
          (bytes.substr(4, 6) == "\x31\x41\x59\x26\x53\x59" || bytes.substr(4, 6) == "\x17\x72\x45\x38\x50\x90")) {
        return "bzip2-compressed data; decompress it first";
      }
      continue;
    }
    if (m.bytes == "ID3" && (bytes.size() < 5 || bytes[3] < 2 || bytes[3] > 4)) continue;
    return describe(m);
  }
  if (bytes.size() >= 12 && bytes.starts_with("RIFF")) {
    std::string_view kind = bytes.substr(8, 4);
    if (kind == "WEBP") return "WebP image";
    if (kind == "WAVE") return "WAV audio";
    if (kind == "AVI ") return "AVI video";
  }
  return "";
}

bool LooksBinary(std::string_view bytes, std::string* why) {
  std::string_view sample = bytes.substr(0, kBinarySniffBytes);
  size_t controls = 0;
  for (char ch : sample) {
    auto c = static_cast<uint8_t>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1B) ++controls;
  }
  if (controls >= 2 && controls * 20 > sample.size()) {
    *why = std::to_string(controls) + " of the first " + std::to_string(sample.size()) +
           " bytes are NUL or control characters";
    return true;
  }
  return false;
}

std::string_view Utf16Or32Bom(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return "UTF-32LE";
  if (bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return "UTF-32BE";
  if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
  return "";
}

bool LooksLikeLegacyEncoding(std::string_view bytes, std::string* why) {
  std::string_view sample = bytes.substr(0, 64 << 10);
  // Count well-formed multi-byte sequences and invalid subparts by repairing the sample.
  std::string repaired;
  uint32_t invalid = RepairUtf8(sample, &repaired);
  size_t multibyte = 0;
  for (size_t i = 0; i < repaired.size(); ++i) {
    auto c = static_cast<uint8_t>(repaired[i]);
    if (c >= 0xC0) ++multibyte;
  }
  multibyte -= std::min<size_t>(multibyte, invalid);  // the U+FFFD we inserted
  if (invalid >= 3 && invalid * 4 >= multibyte) {
    *why = std::to_string(invalid) + " invalid UTF-8 sequences and " + std::to_string(multibyte) +
           " valid ones in the first " + std::to_string(sample.size()) + " bytes";
    return true;
  }
  return false;
}

std::string DeclaredHtmlCharset(std::string_view html) {
  std::string head = LowerPrefix(html, 1024);
  for (std::string_view key : {"charset", "encoding"}) {
    size_t pos = 0;
    while ((pos = head.find(key, pos)) != std::string::npos) {
      pos += key.size();
      size_t i = pos;
      while (i < head.size() && IsSpace(head[i])) ++i;
      if (i >= head.size() || head[i] != '=') continue;
      ++i;
      while (i < head.size() && (IsSpace(head[i]) || head[i] == '"' || head[i] == '\'')) ++i;
      size_t start = i;
      while (i < head.size() && (std::isalnum(static_cast<unsigned char>(head[i])) || head[i] == '-' ||
                                 head[i] == '_' || head[i] == '.' || head[i] == ':')) {
        ++i;
      }
      if (i > start) return head.substr(start, i - start);
    }
  }
  return "";
}

bool IsUtf8Label(std::string_view charset) {
  return charset == "utf-8" || charset == "utf8" || charset == "unicode-1-1-utf-8";
}

std::string Extension(std::string_view name) {
  size_t slash = name.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  return LowerPrefix(base.substr(dot + 1), std::string_view::npos);
}

std::string_view StripCompressionExtension(std::string_view name) {
  std::string ext = Extension(name);
  if (ext == "gz" || ext == "gzip" || ext == "zst" || ext == "zstd") {
    return name.substr(0, name.size() - ext.size() - 1);
  }
  return name;
}

namespace {

bool LooksLikeJsonLines(std::string_view text) {
  std::string_view window = text.substr(0, 64 << 10);
  size_t pos = 0;
  int seen = 0;
  while (pos < window.size() && seen < 8) {
    size_t end = window.find('\n', pos);
    bool complete = end != std::string_view::npos;
    std::string_view line = window.substr(pos, complete ? end - pos : std::string_view::npos);
    pos = complete ? end + 1 : window.size();
    size_t a = 0;
    while (a < line.size() && IsSpace(line[a])) ++a;
    if (seen == 0 && a + 3 <= line.size() && line.substr(a, 3) == kUtf8Bom) a += 3;
    if (a == line.size()) continue;  // blank
    if (line[a] != '{') return false;
    if (seen == 0 && (complete || text.size() == window.size())) {
      size_t b = line.size();
      while (b > a && IsSpace(line[b - 1])) --b;
      if (line[b - 1] != '}') return false;
    }
    ++seen;
  }
  return seen > 0;
}

bool StartsLikeHtml(std::string_view text) {
  std::string_view s = SkipBomAndSpace(text);
  if (!s.starts_with('<')) return false;
  std::string head = LowerPrefix(s, 4096);
  static constexpr std::string_view kTags[] = {
      "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<p>", "<p ", "<div",
      "<article", "<section", "<main", "<br", "<h1", "<h2", "<table", "<span", "<a href", "<ul",
      "<script", "<link", "<header", "<nav"};
  return std::any_of(std::begin(kTags), std::end(kTags),
                     [&](std::string_view tag) { return head.find(tag) != std::string::npos; });
}

bool MentionsHtmlStructure(std::string_view text) {
  std::string head = LowerPrefix(text, 1024);
  for (std::string_view tag : {"<!doctype html", "<html", "<head>", "<body"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

InputFormat DetectFormat(std::string_view name, std::string_view text) {
  if (LooksLikeJsonLines(text)) return InputFormat::kJsonLines;
  if (StartsLikeHtml(text)) return InputFormat::kHtml;
  std::string ext = Extension(name);
  if (ext == "jsonl" || ext == "ndjson") return InputFormat::kJsonLines;
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return InputFormat::kHtml;
  if (MentionsHtmlStructure(text)) return InputFormat::kHtml;
  return InputFormat::kText;
}

}  // namespace sitrep::ingest
