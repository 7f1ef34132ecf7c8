// Internal to ingest/ tests. A sink that keeps everything, and fixture helpers.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace sitrep::ingest::testing {

class CollectSink : public Sink {
 public:
  Status OnDocument(Document&& doc) override {
    docs.push_back(std::move(doc));
    return Status::Ok();
  }
  void OnRejected(Rejection rejection) override { rejected.push_back(std::move(rejection)); }
  void OnProgress(uint64_t done, uint64_t total) override { progress.emplace_back(done, total); }

  std::vector<Document> docs;
  std::vector<Rejection> rejected;
  std::vector<std::pair<uint64_t, uint64_t>> progress;
};

// "\n", "\t", "\\" and "\xHH" escapes, as the table files use them.
inline std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    if (c == 'n') out += '\n';
    else if (c == 't') out += '\t';
    else if (c == 'x' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else out += c;
  }
  return out;
}

inline std::string DataDir() { return SITREP_SOURCE_DIR "/tests/data/ingest"; }

inline std::string ReadFixture(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Reads one buffer and returns the sink.
inline CollectSink Read(const std::string& name, std::string bytes, Options options = {}) {
  CollectSink sink;
  Status st = ReadBuffer(name, std::move(bytes), options, sink);
  if (!st.ok()) sink.rejected.push_back({name, "ReadBuffer failed: " + st.ToString()});
  return sink;
}

inline std::string_view HintName(LineHint h) {
  switch (h) {
    case LineHint::kNone: return "none";
    case LineHint::kHeading: return "heading";
    case LineHint::kCaption: return "caption";
    case LineHint::kBoilerplate: return "boilerplate";
    case LineHint::kListItem: return "list";
    case LineHint::kLinkOnly: return "link";
  }
  return "?";
}

}  // namespace sitrep::ingest::testing
