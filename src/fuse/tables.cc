#include "fuse/tables.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "text/fold.h"
#include "util/hash.h"

namespace sitrep::fuse {
namespace {

bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

// The claim's words if the sentence starts at byte `start` of the document; empty when
// the span does not fit inside the quote from there.
std::string_view PieceAt(const ClaimRecord& c, uint32_t start) {
  if (c.span.empty() || c.span.start < start) return {};
  size_t off = c.span.start - start;
  if (off + c.span.size() > c.quote.size()) return {};
  return std::string_view(c.quote).substr(off, c.span.size());
}

// The claim's item and modifier, folded once.
struct Folded {
  std::string item, modifier;
};

// Does the piece cut at sentence start `start` look like this claim's words?
bool Plausible(const ClaimRecord& c, const Folded& f, uint32_t start) {
  std::string_view p = PieceAt(c, start);
  if (p.empty()) return false;
  size_t off = c.span.start - start;
  if (off > 0 && IsWordByte(c.quote[off - 1]) && IsWordByte(p.front())) return false;
  size_t end = off + p.size();
  if (end < c.quote.size() && IsWordByte(c.quote[end]) && IsWordByte(p.back())) return false;
  if (!c.number.empty() && c.number.start >= c.span.start && c.number.end <= c.span.end) {
    size_t n = c.number.start - c.span.start;
    size_t e = c.number.end - c.span.start;
    if (n > 0 && IsWordByte(p[n - 1]) && IsWordByte(p[n])) return false;
    if (!IsWordByte(p[n])) return false;
    if (e > n && e <= p.size() && !IsWordByte(p[e - 1])) return false;
    if (e > n && e < p.size() && IsWordByte(p[e])) return false;
  }
  if (f.item.empty() && f.modifier.empty()) return true;
  std::string folded = text::FoldForMatch(p);
  if (!f.item.empty() && folded.find(f.item) == std::string::npos) return false;
  if (!f.modifier.empty() && folded.find(f.modifier) == std::string::npos) return false;
  return true;
}

std::string Rebuilt(const ClaimRecord& c) {
  if (c.vague && c.high < 0) return "an unstated number of " + (c.item.empty() ? std::string("them") : c.item);
  std::string s = c.modifier;
  auto add = [&s](std::string_view w) {
    if (w.empty()) return;
    if (!s.empty()) s += ' ';
    s += w;
  };
  if (c.low >= 0 && c.high >= 0 && c.low != c.high) {
    add(FormatNumber(c.low) + "-" + FormatNumber(c.high));
  } else if (c.low >= 0) {
    add(FormatNumber(c.low));
  } else if (c.high >= 0) {
    add(FormatNumber(c.high));
  }
  add(c.item);
  return s;
}

}  // namespace

std::string UrlHost(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  size_t end = rest.find_first_of("/:?#");
  std::string host(rest.substr(0, end));
  for (char& ch : host) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

std::string OutletName(const DocInfo* doc, std::string_view reported_by) {
  if (doc != nullptr && !doc->outlet.empty()) return doc->outlet;
  if (!reported_by.empty()) return std::string(reported_by);
  if (doc != nullptr) {
    std::string host = UrlHost(doc->url);
    if (host.empty()) host = UrlHost(doc->source);
    if (!host.empty()) return host;
    // A local file: its name ("path:LINE" of a JSON Lines record: the file's name).
    std::string_view src = doc->source;
    if (size_t slash = src.rfind('/'); slash != std::string_view::npos) src.remove_prefix(slash + 1);
    if (size_t colon = src.rfind(':'); colon != std::string_view::npos && colon + 1 < src.size() &&
        src.find_first_not_of("0123456789", colon + 1) == std::string_view::npos) {
      src = src.substr(0, colon);
    }
    if (!src.empty() && src != "-") return "(unknown outlet: " + std::string(src) + ")";
  }
  return "(unknown outlet)";
}

std::map<std::string, const DocInfo*, std::less<>> DocsById(const Input& in) {
  std::map<std::string, const DocInfo*, std::less<>> m;
  for (const DocInfo& d : in.docs) m.emplace(d.id, &d);
  return m;
}

std::string SetId(char prefix, std::vector<std::string> parts) {
  std::sort(parts.begin(), parts.end());
  std::string joined;
  for (const std::string& p : parts) {
    joined += p;
    joined += '\n';
  }
  return std::string(1, prefix) + ContentId(joined);
}

std::string FormatNumber(double v) {
  if (v < 0) return "?";
  if (v == std::floor(v) && v < 1e15) {
    std::string digits = std::to_string(static_cast<long long>(v));
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return out;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string ClaimText(const ClaimRecord& c,
                      const std::vector<std::pair<Span, std::string_view>>& anchors) {
  if (c.quote.empty() || c.span.empty()) return Rebuilt(c);
  const Folded f{text::FoldForMatch(c.item), text::FoldForMatch(c.modifier)};
  // Votes for the sentence's start offset from the other records of the sentence.
  std::map<uint32_t, int> votes;
  std::string_view q = c.quote;
  for (const auto& [sp, text] : anchors) {
    if (text.empty() || sp.empty()) continue;
    for (size_t pos = q.find(text); pos != std::string_view::npos; pos = q.find(text, pos + 1)) {
      if (sp.start >= pos) ++votes[static_cast<uint32_t>(sp.start - pos)];
    }
  }
  std::vector<uint32_t> starts;
  int best = 0;
  for (const auto& [start, n] : votes) {
    if (!Plausible(c, f, start)) continue;
    if (n > best) best = n, starts.clear();
    if (n == best) starts.push_back(start);
  }
  if (starts.empty()) {
    // No anchor fits: every place the span could sit in the sentence.
    for (size_t off = 0; off + c.span.size() <= q.size() && off <= c.span.start; ++off) {
      uint32_t start = static_cast<uint32_t>(c.span.start - off);
      if (Plausible(c, f, start)) starts.push_back(start);
    }
  }
  if (starts.empty()) return Rebuilt(c);
  std::string_view first = PieceAt(c, starts.front());
  for (uint32_t s : starts)
    if (PieceAt(c, s) != first) return Rebuilt(c);
  return std::string(first);
}

}  // namespace sitrep::fuse
