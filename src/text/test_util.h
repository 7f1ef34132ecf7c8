// Internal to text/ tests. Reading the plain-text case files under tests/data/text/.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "text/resources.h"

namespace sitrep::text::testing {

inline std::string DataPath(std::string_view name) {
  return std::string(SITREP_SOURCE_DIR) + "/tests/data/text/" + std::string(name);
}

// The whole file, or "" with a test failure when it cannot be read.
inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> out;
  std::string line;
  std::istringstream in(s);
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

inline void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Case files may write invisible characters as \uXXXX (four hex digits), \t, \n, \\.
inline std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out.push_back(s[i]);
      continue;
    }
    const char c = s[++i];
    if (c == 't') out.push_back('\t');
    else if (c == 'n') out.push_back('\n');
    else if (c == '\\') out.push_back('\\');
    else if (c == 'u' && i + 4 < s.size()) {
      AppendUtf8(static_cast<char32_t>(std::stoul(std::string(s.substr(i + 1, 4)), nullptr, 16)),
                 &out);
      i += 4;
    } else {
      out.push_back('\\');
      out.push_back(c);
    }
  }
  return out;
}

// Collapses runs of white space (ASCII and NBSP) to one space and trims.
inline std::string Squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool ws = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' ||
                    (s.substr(i, 2) == "\xC2\xA0" && (++i, true));
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(s[i]);
  }
  return out;
}

inline const Resources& Res() {
  static std::shared_ptr<const Resources> res = [] {
    auto r = DefaultResources();
    if (!r.ok()) {
      ADD_FAILURE() << r.status().ToString();
      return std::shared_ptr<const Resources>();
    }
    return *r;
  }();
  return *res;
}

}  // namespace sitrep::text::testing
