// A small driver for the fuzz targets in the default (g++) build, where libFuzzer is not
// available. Runs LLVMFuzzerTestOneInput over every file under the directories (or files)
// named on the command line, in sorted order, and then over `--mutations N` (default 200)
// deterministic pseudo-random mutations of each file, seeded by `--seed S` (default 1)
// and the file's name, so every run explores the same inputs and a failure reproduces.
//
//   fuzz_replay_html [--mutations N] [--seed S] [--quiet] DIR_OR_FILE...
//
// A missing directory is skipped (a corpus with no regressions yet). A target that finds
// a violation aborts; before each mutated input runs, its bytes are written to
// `--crash-dir` (default: none) so the input can be kept as a regression file.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxMutant = 64 * 1024;

// SplitMix64: small, fast, and the same on every platform.
struct Rng {
  uint64_t s;
  uint64_t Next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }
};

uint64_t HashName(std::string_view s) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// Fragments that matter to the formats: markup, JSON, line breaks, odd UTF-8, magic bytes.
const std::vector<std::string>& Dictionary() {
  static const std::vector<std::string> d = {
      "<", ">", "</", "<p>", "</p>", "<br>", "<h1>", "<li>", "<nav>", "<figcaption>", "<script>",
      "<meta charset=\"windows-1252\">", "<meta charset=\"utf-16\">", "<title>", "&amp;", "&#x0;", "&#55296;",
      "{", "}", "\"", "\\", "\\u0000", "\\ud800", ":", ",", "[", "]", "{\"text\":\"", "{\"html\":\"",
      "\"title\":", "\"published\":", "\"id\":", "null", "1e999", "\n", "\r\n", "\r", "\n\n", "\t",
      std::string("\0", 1), "\xef\xbb\xbf", "\xff\xfe", "\xfe\xff", "\xc3\xa9", "e\xcc\x81", "\xe2\x80\xa8",
      "\xe2\x80\xa9", "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\xc0\xaf", "\xf4\x90\x80\x80", "\x80", "\xe2\x80",
      std::string("\x1f\x8b\x08\x00", 4), "\x28\xb5\x2f\xfd", "%PDF-", "\x89PNG", ". ", "? ", "! ", "...",
      " -- ", "\xe2\x80\x94", "\xe2\x80\x9c", "\xe2\x80\x9d", "Mr. ", "U.S. ", "12", "2016", "31", "00:00",
      "March ", "Sunday", " ago", " later", "last ", "next ", "since ", "between ", " and ", "-", "/",
      "(AP) ", "By ", "Photo: ", "Updated ", "Share", "Advertisement", "1,000", "\xd9\xa1\xd9\xa2"};
  return d;
}

std::string Mutate(const std::string& in, Rng& rng) {
  std::string s = in;
  const int steps = 1 + static_cast<int>(rng.Below(4));
  for (int i = 0; i < steps; ++i) {
    const size_t at = rng.Below(s.size() + 1);
    switch (rng.Below(9)) {
      case 0:  // flip a bit
        if (!s.empty()) s[rng.Below(s.size())] ^= static_cast<char>(1u << rng.Below(8));
        break;
      case 1:  // set a random byte
        if (!s.empty()) s[rng.Below(s.size())] = static_cast<char>(rng.Below(256));
        break;
      case 2:  // insert random bytes
        s.insert(at, std::string(1 + rng.Below(4), static_cast<char>(rng.Below(256))));
        break;
      case 3:  // erase a range
        if (!s.empty()) s.erase(at == s.size() ? at - 1 : at, 1 + rng.Below(16));
        break;
      case 4:
      case 5: {  // insert a dictionary fragment
        const auto& d = Dictionary();
        s.insert(at, d[rng.Below(d.size())]);
        break;
      }
      case 6:  // duplicate a range somewhere else
        if (!s.empty()) {
          const size_t from = rng.Below(s.size());
          const std::string piece = s.substr(from, 1 + rng.Below(64));
          s.insert(rng.Below(s.size() + 1), piece);
        }
        break;
      case 7:  // truncate
        s.resize(rng.Below(s.size() + 1));
        break;
      case 8:  // repeat a short range many times (long lines, deep nesting)
        if (!s.empty()) {
          const size_t from = rng.Below(s.size());
          const std::string piece = s.substr(from, 1 + rng.Below(8));
          std::string rep;
          for (size_t n = 1 + rng.Below(200); n > 0; --n) rep += piece;
          s.insert(from, rep);
        }
        break;
    }
    if (s.size() > kMaxMutant) s.resize(kMaxMutant);
  }
  return s;
}

bool ReadFile(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

void Run(const std::string& bytes) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  long mutations = 200;
  uint64_t seed = 1;
  bool quiet = false;
  std::string crash_dir;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--mutations" && i + 1 < argc) {
      mutations = std::strtol(argv[++i], nullptr, 10);
    } else if (a == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--crash-dir" && i + 1 < argc) {
      crash_dir = argv[++i];
    } else if (a == "--quiet") {
      quiet = true;
    } else {
      std::error_code ec;
      const fs::path p(argv[i]);
      if (fs::is_regular_file(p, ec)) {
        files.push_back(p);
      } else if (fs::is_directory(p, ec)) {
        for (const auto& e : fs::recursive_directory_iterator(p, ec))
          if (e.is_regular_file() && e.path().filename().string()[0] != '.') files.push_back(e.path());
      } else {
        std::fprintf(stderr, "replay: skipping %s (not found)\n", argv[i]);
      }
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "replay: no input files\n");
    return 2;
  }
  long runs = 0;
  for (const fs::path& p : files) {
    std::string bytes;
    if (!ReadFile(p, &bytes)) {
      std::fprintf(stderr, "replay: cannot read %s\n", p.c_str());
      return 2;
    }
    if (!quiet) std::fprintf(stderr, "replay: %s (%zu bytes)\n", p.c_str(), bytes.size());
    Run(bytes);
    ++runs;
    Rng rng{seed ^ HashName(p.filename().string())};
    for (long m = 0; m < mutations; ++m) {
      const std::string mutant = Mutate(bytes, rng);
      if (!crash_dir.empty()) {
        std::ofstream out(fs::path(crash_dir) / "last-input", std::ios::binary | std::ios::trunc);
        out.write(mutant.data(), static_cast<std::streamsize>(mutant.size()));
      }
      Run(mutant);
      ++runs;
    }
  }
  std::fprintf(stderr, "replay: %ld inputs from %zu files, all passed\n", runs, files.size());
  return 0;
}
