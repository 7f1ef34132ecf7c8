// The outside world behind small interfaces: the clock and the file system.
//
// Library code never asks the operating system for "now" or for a file directly; it is
// handed a Clock and a FileSystem, so tests pin "today" and feed files from memory.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual int64_t NowUnixSeconds() const = 0;
};

// The real clock. The returned pointer is a process-wide singleton; do not delete it.
const Clock* SystemClock();

// A clock that always says the same instant; for tests.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t unix_seconds) : now_(unix_seconds) {}
  int64_t NowUnixSeconds() const override { return now_; }

 private:
  int64_t now_;
};

struct FileInfo {
  bool exists = false;
  bool is_directory = false;
  uint64_t size = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Reads a whole file. Fails with NotFound or IoError carrying the path and the reason.
  // Files larger than `max_bytes` fail with BadInput without being read.
  virtual Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) const = 0;
  virtual FileInfo Stat(const std::string& path) const = 0;
  // Regular files under `dir`, recursively, sorted by path; hidden entries (".name") skipped.
  virtual Result<std::vector<std::string>> ListFilesRecursive(const std::string& dir) const = 0;
};

// The folder holding sitrep's data files (data/) and bundled examples (examples/):
// $SITREP_HOME when set and non-empty, else the source tree this binary was built from.
// The one place that reads SITREP_HOME; stages take folders as arguments and use this only
// for their defaults.
std::string SitrepHome();

// The real file system. Process-wide singleton; do not delete it.
const FileSystem* PosixFileSystem();

// Files held in memory, keyed by path ("dir/a.txt"); directories are implied by paths.
class MemoryFileSystem final : public FileSystem {
 public:
  void Add(std::string path, std::string content) { files_[std::move(path)] = std::move(content); }
  Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) const override;
  FileInfo Stat(const std::string& path) const override;
  Result<std::vector<std::string>> ListFilesRecursive(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace sitrep
