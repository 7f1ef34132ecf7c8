#include "sitrep/env.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <algorithm>

namespace sitrep {
namespace {

class RealClock final : public Clock {
 public:
  int64_t NowUnixSeconds() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

class RealFileSystem final : public FileSystem {
 public:
  Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) const override {
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
      return Status::NotFound(path + ": no such file");
    }
    if (std::filesystem::is_directory(status)) {
      return Status::BadInput(path + ": is a directory");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
    std::string out;
    if (std::filesystem::is_regular_file(status)) {
      uint64_t size = std::filesystem::file_size(path, ec);
      if (!ec && size > max_bytes) {
        return Status::BadInput(path + ": file of " + std::to_string(size) +
                                " bytes is larger than the limit of " +
                                std::to_string(max_bytes));
      }
      if (!ec) out.reserve(size);
    }
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
      out.append(buf, static_cast<size_t>(in.gcount()));
      if (out.size() > max_bytes) {
        return Status::BadInput(path + ": larger than the limit of " + std::to_string(max_bytes) +
                                " bytes");
      }
    }
    if (in.bad()) return Status::IoError(path + ": read failed: " + std::strerror(errno));
    return out;
  }

  FileInfo Stat(const std::string& path) const override {
    std::error_code ec;
    auto st = std::filesystem::status(path, ec);
    FileInfo info;
    if (ec || !std::filesystem::exists(st)) return info;
    info.exists = true;
    info.is_directory = std::filesystem::is_directory(st);
    if (std::filesystem::is_regular_file(st)) info.size = std::filesystem::file_size(path, ec);
    return info;
  }

  Result<std::vector<std::string>> ListFilesRecursive(const std::string& dir) const override {
    std::vector<std::string> out;
    std::error_code ec;
    auto it = std::filesystem::recursive_directory_iterator(
        dir, std::filesystem::directory_options::skip_permission_denied, ec);
    if (ec) return Status::IoError(dir + ": cannot list: " + ec.message());
    for (auto end = std::filesystem::recursive_directory_iterator(); it != end; it.increment(ec)) {
      if (ec) return Status::IoError(dir + ": cannot list: " + ec.message());
      const auto& p = it->path();
      std::string name = p.filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) out.push_back(p.string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

}  // namespace

std::string SitrepHome() {
  const char* home = std::getenv("SITREP_HOME");
  if (home != nullptr && *home != '\0') return home;
  return SITREP_SOURCE_DIR;
}

const Clock* SystemClock() {
  static const RealClock clock;
  return &clock;
}

const FileSystem* PosixFileSystem() {
  static const RealFileSystem fs;
  return &fs;
}

Result<std::string> MemoryFileSystem::ReadFile(const std::string& path, uint64_t max_bytes) const {
  auto it = files_.find(path);
  if (it == files_.end()) return Status::NotFound(path + ": no such file");
  if (it->second.size() > max_bytes) {
    return Status::BadInput(path + ": larger than the limit of " + std::to_string(max_bytes) +
                            " bytes");
  }
  return it->second;
}

FileInfo MemoryFileSystem::Stat(const std::string& path) const {
  FileInfo info;
  auto it = files_.find(path);
  if (it != files_.end()) {
    info.exists = true;
    info.size = it->second.size();
    return info;
  }
  std::string prefix = path.empty() || path.back() == '/' ? path : path + "/";
  auto lb = files_.lower_bound(prefix);
  if (lb != files_.end() && lb->first.compare(0, prefix.size(), prefix) == 0) {
    info.exists = true;
    info.is_directory = true;
  }
  return info;
}

Result<std::vector<std::string>> MemoryFileSystem::ListFilesRecursive(const std::string& dir) const {
  std::string prefix = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  std::vector<std::string> out;
  for (auto it = files_.lower_bound(prefix);
       it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    std::string_view rest = std::string_view(it->first).substr(prefix.size());
    bool hidden = rest.starts_with('.') || rest.find("/.") != std::string_view::npos;
    if (!hidden) out.push_back(it->first);
  }
  return out;
}

}  // namespace sitrep
