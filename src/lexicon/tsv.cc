#include "lexicon/tsv.h"

namespace sitrep::lexicon {

Status ForEachTsvRow(std::string_view text, std::string_view path,
                     const std::function<Status(const TsvRow&)>& fn) {
  TsvRow row;
  row.path = path;
  size_t pos = 0;
  uint32_t line = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view l = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.empty() || l[0] == '#') continue;
    row.fields.clear();
    size_t i = 0;
    while (true) {
      size_t t = l.find('\t', i);
      if (t == std::string_view::npos) {
        row.fields.push_back(l.substr(i));
        break;
      }
      row.fields.push_back(l.substr(i, t - i));
      i = t + 1;
    }
    row.line = line;
    Status st = fn(row);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

std::vector<std::string_view> SplitList(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(sep, i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view item = s.substr(i, j - i);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) out.push_back(item);
    i = j + 1;
  }
  return out;
}

}  // namespace sitrep::lexicon
