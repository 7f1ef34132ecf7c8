// Outlet conventions of scraped pages and wire copy: masthead, copyright line, dateline.
// See outlet.h for the order and why. Everything here is linear in the lines looked at.
#include "ingest/outlet.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace sitrep::ingest {
namespace {

bool Upper(char c) { return c >= 'A' && c <= 'Z'; }
bool Digit(char c) { return c >= '0' && c <= '9'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Non-blank lines of `text`, trimmed, in order.
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(pos, end - pos));
    if (!line.empty()) out.push_back(line);
    pos = end + 1;
  }
  return out;
}

// Splits at the separators of a navigation bar: '|', '·', '•', '/' or a gap of three or
// more spaces (or a tab). Returns the items, trimmed, empty ones dropped.
std::vector<std::string_view> NavItems(std::string_view s) {
  std::vector<std::string_view> items;
  size_t start = 0, i = 0;
  auto cut = [&](size_t end, size_t next) {
    std::string_view item = Trim(s.substr(start, end - start));
    if (!item.empty()) items.push_back(item);
    start = i = next;
  };
  while (i < s.size()) {
    if (s[i] == '|' || s[i] == '\t') {
      cut(i, i + 1);
    } else if (s.compare(i, 2, "\xC2\xB7") == 0) {  // ·
      cut(i, i + 2);
    } else if (s.compare(i, 3, "\xE2\x80\xA2") == 0) {  // •
      cut(i, i + 3);
    } else if (s.compare(i, 3, "   ") == 0) {
      size_t j = i;
      while (j < s.size() && s[j] == ' ') ++j;
      cut(i, j);
    } else {
      ++i;
    }
  }
  cut(s.size(), s.size());
  return items;
}

// A navigation bar: three or more short items ("Home | Syria | Iraq").
bool IsNavBar(std::string_view s) {
  std::vector<std::string_view> items = NavItems(s);
  if (items.size() < 3) return false;
  return std::all_of(items.begin(), items.end(), [](std::string_view it) { return it.size() <= 30; });
}

// An outlet name in capitals: one to five words of capital letters (and '&', '-', '\'',
// '.'), at least four letters in all, no digits.
bool IsCapsName(std::string_view s) {
  if (s.empty() || s.size() > 48 || !Upper(s.front())) return false;
  int words = 1, letters = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (Upper(c)) {
      ++letters;
    } else if (c == ' ') {
      if (i + 1 < s.size() && s[i + 1] == ' ') return false;
      ++words;
    } else if (c != '&' && c != '-' && c != '\'' && c != '.') {
      return false;
    }
  }
  return words <= 5 && letters >= 4;
}

// "ORIENT FREE PRESS" -> "Orient Free Press"; short words that are ordinary English or
// Arabic-article words are cased too ("THE", "OF", "AL"), other short ones are acronyms
// and stay ("BBC", "AP").
std::string TitleCase(std::string_view caps) {
  static constexpr std::array<std::string_view, 26> kWords = {
      "THE", "OF", "AND", "FOR", "IN", "ON", "AT", "BY", "TO", "AL", "EL", "DE", "LA",
      "LE",  "NEW", "DAY", "SUN", "WAR", "NET", "NOW", "ONE", "OUR", "TWO", "BIG", "RED", "OLD"};
  std::string out;
  size_t i = 0;
  bool first = true;
  while (i <= caps.size()) {
    size_t end = caps.find(' ', i);
    if (end == std::string_view::npos) end = caps.size();
    std::string_view w = caps.substr(i, end - i);
    if (!out.empty()) out += ' ';
    const bool common = std::find(kWords.begin(), kWords.end(), w) != kWords.end();
    if (w.size() <= 3 && !common) {
      out += w;
    } else {
      const bool small = common && !first && w != "NEW" && w.size() <= 3 && w != "AL" && w != "EL";
      for (size_t k = 0; k < w.size(); ++k) {
        char c = w[k];
        bool cap = !small && (k == 0 || w[k - 1] == '-' || w[k - 1] == '\'' || w[k - 1] == '.');
        out += cap ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    first = false;
    i = end + 1;
  }
  return out;
}

OutletGuess Masthead(const std::vector<std::string_view>& lines) {
  const size_t n = std::min<size_t>(lines.size(), 5);
  for (size_t i = 0; i < n; ++i) {
    std::string_view line = lines[i];
    // The name alone, or the name and the bar on one line, apart by a wide gap or a bar.
    size_t gap = line.find("   ");
    size_t bar = line.find('|');
    size_t cut = std::min(gap, bar);
    std::string_view head = Trim(line.substr(0, cut));
    if (!IsCapsName(head)) continue;
    bool nav = cut != std::string_view::npos ? IsNavBar(line.substr(cut)) || IsNavBar(line)
                                              : (i + 1 < lines.size() && IsNavBar(lines[i + 1]));
    if (!nav) continue;
    return {TitleCase(head), "masthead", std::string(line)};
  }
  return {};
}

OutletGuess Copyright(const std::vector<std::string_view>& lines) {
  const size_t from = lines.size() > 12 ? lines.size() - 12 : 0;
  for (size_t i = lines.size(); i-- > from;) {
    std::string_view s = lines[i];
    std::string_view rest;
    for (std::string_view p : {"\xC2\xA9", "(c)", "(C)", "Copyright", "COPYRIGHT", "copyright"}) {
      if (s.starts_with(p)) {
        rest = s.substr(p.size());
        break;
      }
    }
    if (rest.empty() || s.find('/') != std::string_view::npos) continue;
    rest = Trim(rest);
    if (rest.starts_with("\xC2\xA9")) rest = Trim(rest.substr(2));
    // Years: "2015", "2010-2016", "2010–2016", then an optional comma.
    size_t k = 0;
    while (k < rest.size() && (Digit(rest[k]) || rest[k] == '-')) ++k;
    if (rest.compare(k, 3, "\xE2\x80\x93") == 0) {
      k += 3;
      while (k < rest.size() && Digit(rest[k])) ++k;
    }
    rest = rest.substr(k);
    if (rest.starts_with(",")) rest.remove_prefix(1);
    rest = Trim(rest);
    size_t end = rest.size();
    for (std::string_view stop : {". ", ",", "|", ";", " All rights", " all rights", " - ", " \xE2\x80\x93 "}) {
      end = std::min(end, rest.find(stop));
    }
    std::string_view name = Trim(rest.substr(0, end));
    if (name.ends_with(".")) name.remove_suffix(1);
    if (name.empty() || name.size() > 60 || !Upper(name.front())) continue;
    if (name.find("Photo") != std::string_view::npos || name.find("PHOTO") != std::string_view::npos) continue;
    if (std::count(name.begin(), name.end(), ' ') > 5) continue;
    if (std::any_of(name.begin(), name.end(), Digit)) continue;
    return {std::string(name), "copyright", std::string(s)};
  }
  return {};
}

OutletGuess Dateline(const std::vector<std::string_view>& lines) {
  const size_t n = std::min<size_t>(lines.size(), 40);
  for (size_t i = 0; i < n; ++i) {
    std::string_view s = lines[i];
    // A place in capitals: at least two capital letters before anything else.
    size_t k = 0;
    while (k < s.size() && (Upper(s[k]) || s[k] == ' ' || s[k] == '-' || s[k] == '\'' || s[k] == '.')) ++k;
    if (k < 2 || !Upper(s[0]) || !Upper(s[1])) continue;
    size_t open = s.find('(', k);
    if (open == std::string_view::npos || open - k > 60) continue;
    if (s.substr(k, open - k).find(')') != std::string_view::npos) continue;
    size_t close = s.find(')', open);
    if (close == std::string_view::npos || close - open - 1 > 40 || close == open + 1) continue;
    std::string_view name = Trim(s.substr(open + 1, close - open - 1));
    if (name.empty() || !Upper(name.front()) || std::any_of(name.begin(), name.end(), Digit)) continue;
    std::string_view after = s.substr(close + 1);
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    if (!(after.starts_with("-") || after.starts_with("\xE2\x80\x93") || after.starts_with("\xE2\x80\x94"))) continue;
    return {std::string(name), "dateline", std::string(s.substr(0, std::min<size_t>(s.size(), close + 1)))};
  }
  return {};
}

}  // namespace

OutletGuess InferOutlet(std::string_view text) {
  constexpr size_t kBig = 1u << 20, kEdge = 64u << 10;
  std::vector<std::string_view> head, tail;
  if (text.size() > kBig) {
    head = Lines(text.substr(0, kEdge));
    tail = Lines(text.substr(text.size() - kEdge));
  } else {
    head = Lines(text);
    tail = head;
  }
  if (OutletGuess g = Masthead(head); !g.name.empty()) return g;
  if (OutletGuess g = Copyright(tail); !g.name.empty()) return g;
  return Dateline(head);
}

}  // namespace sitrep::ingest
