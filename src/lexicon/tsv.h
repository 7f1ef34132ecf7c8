// Internal to lexicon/. Reading sitrep's tab-separated data files and GeoNames dumps.
//
// Lines starting with '#' and blank lines are skipped; a trailing '\r' is dropped. Fields
// are views into the text passed in, valid while it lives.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::lexicon {

struct TsvRow {
  std::vector<std::string_view> fields;
  uint32_t line = 0;           // 1-based
  std::string_view path;       // for messages
  // BadInput "<path>:<line>: <msg>".
  Status Error(std::string_view msg) const {
    return Status::BadInput(std::string(path) + ":" + std::to_string(line) + ": " + std::string(msg));
  }
};

// Calls `fn` for each data row; stops at and returns the first non-ok Status.
Status ForEachTsvRow(std::string_view text, std::string_view path,
                     const std::function<Status(const TsvRow&)>& fn);

// Splits a list field on `sep`, trimming spaces; empty items dropped.
std::vector<std::string_view> SplitList(std::string_view s, char sep = '|');

}  // namespace sitrep::lexicon
