// Compiling the gazetteer: GeoNames tables, alternate names, admin1 codes and country
// data, plus sitrep's own data files, into one index (see gazetteer.h for the layout).
#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lexicon/gazetteer.h"
#include "lexicon/tsv.h"

namespace sitrep::lexicon {
namespace {

constexpr uint32_t kNoRec = Gazetteer::kNone;
constexpr uint64_t kMaxInput = 4ull << 30;

// Feature codes kept from classes other than P (the rest of a full dump is dropped).
bool KeepFeature(std::string_view fclass, std::string_view fcode) {
  if (fclass == "P") return true;
  if (fclass == "A") return fcode == "ADM1" || fcode.starts_with("PCL") || fcode == "TERR";
  static const std::unordered_set<std::string_view> kCodes = {
      "AIRB", "AIRF", "AIRP", "MILB", "INSM", "DAM",  "CSTL", "FT",   "RUIN", "ANS",
      "PSTB", "BDG",  "CMPRF", "PS",  "PSN",  "OILF", "GASF", "OILR", "MT",   "MTS",
      "RDGE", "PASS", "HLL",  "HLLS", "VAL",  "PLAT", "PEN",  "ISL",  "STRT", "RGN",
      "OAS",  "DSRT", "MFG",  "PRT",  "GULF", "SEA",  "LK",   "STM",  "CNL",  "HSP"};
  return kCodes.count(fcode) > 0;
}

// A name of up to five letters written all in capitals is an acronym: matched only in
// capitals ("DRC", "T4"), so that ordinary words ("us", "car") never match it.
bool IsAcronym(std::string_view name) {
  int letters = 0;
  for (unsigned char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters > 0 && letters <= 5;
}

float ParseFloat(std::string_view s, bool* ok) {
  float v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  *ok = r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(v);
  return v;
}
uint32_t ParseU32(std::string_view s) {
  uint32_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() ? v : 0;
}

class Builder {
 public:
  explicit Builder(const FileSystem& fs) : fs_(fs) {}
  Status Run(const GazetteerSources& src);
  std::string Finish(GazetteerStats* stats);

 private:
  StrRef Intern(std::string_view s) {
    StrRef r{static_cast<uint32_t>(pool_.size()), static_cast<uint32_t>(s.size())};
    pool_.append(s);
    return r;
  }
  std::string_view Str(StrRef r) const { return std::string_view(pool_).substr(r.off, r.len); }
  uint32_t NewRecord(PlaceKind kind) {
    recs_.emplace_back();
    recs_.back().kind = kind;
    acc_.push_back({});
    return static_cast<uint32_t>(recs_.size() - 1);
  }
  static void SetCode(PlaceRecord& r, std::string_view cc, std::string_view fclass,
                      std::string_view fcode) {
    if (cc.size() == 2) std::memcpy(r.cc, cc.data(), 2);
    r.fclass = fclass.empty() ? 0 : fclass[0];
    std::memset(r.fcode, 0, sizeof r.fcode);
    std::memcpy(r.fcode, fcode.data(), std::min(fcode.size(), sizeof r.fcode));
  }
  // Adds a name; `curated` names are trusted (main name, sitrep's files).
  void AddName(uint32_t rec, std::string_view name, bool curated, uint32_t extra_flags = 0);
  uint32_t Country(std::string_view cc);  // creates on demand
  uint32_t Admin1(std::string_view cc, std::string_view code);

  Status ReadCountriesTsv(const std::string& path);
  Status ReadWorldCountries(const std::string& path);
  Status ReadCountryInfo(const std::string& path);
  Status ReadTable(const std::string& path);
  Status ReadAlternateNames(const std::string& path);
  Status ReadAdmin1Codes(const std::string& path);
  Status ReadAdmin1Tsv(const std::string& path);
  Status ReadPlacesTsv(const std::string& path);
  void DeriveAdmin1FromCapitals();
  void LinkAndPlace();

  Result<std::string> Read(const std::string& path) { return fs_.ReadFile(path, kMaxInput); }

  const FileSystem& fs_;
  std::vector<PlaceRecord> recs_;
  struct Acc {  // running sums for positions computed from members
    double lat = 0, lon = 0;
    uint32_t n = 0;
    bool has_position = false;
  };
  std::vector<Acc> acc_;
  std::string pool_;
  std::vector<std::pair<std::string, uint32_t>> names_;
  std::unordered_map<uint32_t, uint32_t> by_geonameid_;
  std::unordered_map<std::string, uint32_t> countries_;
  std::unordered_map<std::string, uint32_t> admin1_;
  std::unordered_map<uint64_t, uint32_t> name_seen_;  // (record, folded name) -> names_ index
  bool have_admin1_codes_ = false;
  uint64_t skipped_rows_ = 0;
};

void Builder::AddName(uint32_t rec, std::string_view name, bool curated, uint32_t extra_flags) {
  if (name.empty()) return;
  if (!curated) {
    // GeoNames alternates: Latin-script names written as names (capital first), no codes.
    unsigned char c0 = static_cast<unsigned char>(name[0]);
    if (!(c0 >= 'A' && c0 <= 'Z') && c0 < 0x80) return;
    if (IsAcronym(name)) return;
    for (char c : name) if (c >= '0' && c <= '9') return;
  }
  std::string folded = FoldPhrase(name);
  if (folded.empty() || !IsAsciiKey(folded)) return;
  if (!curated && folded.size() < 3) return;
  uint32_t flags = extra_flags | (curated ? static_cast<uint32_t>(kNameMain) : 0u);
  if (IsAcronym(name)) flags |= kNameCaseSensitive;
  // One value per (record, folded name); a second spelling only adds flags.
  uint64_t key = (static_cast<uint64_t>(rec) << 32) ^ std::hash<std::string>()(folded);
  auto [it, inserted] = name_seen_.emplace(key, static_cast<uint32_t>(names_.size()));
  if (!inserted && names_[it->second].first == folded) {
    names_[it->second].second |= flags;
    return;
  }
  // Arabic names written with the article ("Al Qamishli", "Ar Raqqah") are as often written
  // without it ("Qamishli", "Raqqa"): index both.
  std::string bare = folded.starts_with("al ") && folded.size() >= 7 ? folded.substr(3) : "";
  names_.emplace_back(std::move(folded), NameValue(rec, flags));
  if (!bare.empty()) {
    uint64_t bkey = (static_cast<uint64_t>(rec) << 32) ^ std::hash<std::string>()(bare);
    auto [bit, binserted] = name_seen_.emplace(bkey, static_cast<uint32_t>(names_.size()));
    if (!binserted && names_[bit->second].first == bare) return;
    names_.emplace_back(std::move(bare), NameValue(rec, flags & ~static_cast<uint32_t>(kNameCaseSensitive)));
  }
}

uint32_t Builder::Country(std::string_view cc) {
  auto it = countries_.find(std::string(cc));
  if (it != countries_.end()) return it->second;
  uint32_t r = NewRecord(PlaceKind::kCountry);
  SetCode(recs_[r], cc, "A", "PCLI");
  recs_[r].id = Intern("country:" + std::string(cc));
  countries_.emplace(std::string(cc), r);
  return r;
}

uint32_t Builder::Admin1(std::string_view cc, std::string_view code) {
  std::string key = std::string(cc) + "." + std::string(code);
  auto it = admin1_.find(key);
  if (it != admin1_.end()) return it->second;
  uint32_t r = NewRecord(PlaceKind::kAdmin1);
  SetCode(recs_[r], cc, "A", "ADM1");
  recs_[r].id = Intern("admin1:" + key);
  recs_[r].admin1_code = Intern(code);
  admin1_.emplace(key, r);
  return r;
}

Status Builder::ReadCountriesTsv(const std::string& path) {
  auto text = Read(path);
  if (!text.ok()) return text.status();
  return ForEachTsvRow(*text, path, [&](const TsvRow& row) -> Status {
    if (row.fields.size() < 3 || row.fields[0].size() != 2) {
      return row.Error("want: cc, geonameid, names[, demonyms]");
    }
    uint32_t r = Country(row.fields[0]);
    uint32_t gid = ParseU32(row.fields[1]);
    if (gid) {
      recs_[r].geonameid = gid;
      recs_[r].id = {};
      by_geonameid_[gid] = r;
    }
    bool first = true;
    for (auto n : SplitList(row.fields[2])) {
      if (first && recs_[r].name.len == 0) recs_[r].name = Intern(n);
      first = false;
      AddName(r, n, true);
    }
    if (row.fields.size() > 3) {
      for (auto d : SplitList(row.fields[3])) AddName(r, d, true, kNameDemonym);
    }
    return Status::Ok();
  });
}

Status Builder::ReadWorldCountries(const std::string& path) {
  auto text = Read(path);
  if (!text.ok()) return text.status();
  simdjson::dom::parser parser;
  simdjson::padded_string padded(*text);
  simdjson::dom::element doc;
  if (parser.parse(padded).get(doc) != simdjson::SUCCESS) {
    return Status::BadInput(path + ": not valid JSON; reinstall with scripts/setup-npm.sh");
  }
  simdjson::dom::array arr;
  if (doc.get_array().get(arr) != simdjson::SUCCESS) {
    return Status::BadInput(path + ": expected a JSON array of countries");
  }
  for (simdjson::dom::element c : arr) {
    std::string_view cc;
    if (c["cca2"].get_string().get(cc) != simdjson::SUCCESS || cc.size() != 2) continue;
    uint32_t r = Country(cc);
    std::string_view common, official;
    if (c["name"]["common"].get_string().get(common) == simdjson::SUCCESS) {
      if (recs_[r].name.len == 0) recs_[r].name = Intern(common);
      AddName(r, common, true);
    }
    if (c["name"]["official"].get_string().get(official) == simdjson::SUCCESS) {
      AddName(r, official, true);
    }
    simdjson::dom::array alts;
    if (c["altSpellings"].get_array().get(alts) == simdjson::SUCCESS) {
      for (auto a : alts) {
        std::string_view s;
        // Two-letter codes ("SY") are not names news uses.
        if (a.get_string().get(s) == simdjson::SUCCESS && s.size() > 2) AddName(r, s, true);
      }
    }
    for (const char* g : {"m", "f"}) {
      std::string_view d;
      if (c["demonyms"]["eng"][g].get_string().get(d) == simdjson::SUCCESS) {
        AddName(r, d, true, kNameDemonym);
      }
    }
    simdjson::dom::array ll;
    if (c["latlng"].get_array().get(ll) == simdjson::SUCCESS && ll.size() == 2) {
      double lat = 0, lon = 0;
      if (ll.at(0).get_double().get(lat) == simdjson::SUCCESS &&
          ll.at(1).get_double().get(lon) == simdjson::SUCCESS) {
        recs_[r].lat = static_cast<float>(lat);
        recs_[r].lon = static_cast<float>(lon);
        acc_[r].has_position = true;
      }
    }
  }
  return Status::Ok();
}

Status Builder::ReadCountryInfo(const std::string& path) {
  auto text = Read(path);
  if (!text.ok()) return text.status();
  return ForEachTsvRow(*text, path, [&](const TsvRow& row) -> Status {
    if (row.fields.size() < 17 || row.fields[0].size() != 2) return Status::Ok();
    uint32_t r = Country(row.fields[0]);
    if (recs_[r].name.len == 0) recs_[r].name = Intern(row.fields[4]);
    AddName(r, row.fields[4], true);
    if (uint32_t gid = ParseU32(row.fields[16])) {
      recs_[r].geonameid = gid;
      recs_[r].id = {};
      by_geonameid_[gid] = r;
    }
    return Status::Ok();
  });
}

// GeoNames main table: geonameid name asciiname alternatenames lat lon fclass fcode cc cc2
// admin1 admin2 admin3 admin4 population elevation dem timezone moddate.
Status Builder::ReadTable(const std::string& path) {
  auto text = Read(path);
  if (!text.ok()) return text.status();
  return ForEachTsvRow(*text, path, [&](const TsvRow& row) -> Status {
    const auto& f = row.fields;
    if (f.size() < 15) { ++skipped_rows_; return Status::Ok(); }
    uint32_t gid = ParseU32(f[0]);
    bool ok_lat = false, ok_lon = false;
    float lat = ParseFloat(f[4], &ok_lat), lon = ParseFloat(f[5], &ok_lon);
    if (!gid || !ok_lat || !ok_lon || f[1].empty()) { ++skipped_rows_; return Status::Ok(); }
    std::string_view fclass = f[6], fcode = f[7], cc = f[8];
    if (!KeepFeature(fclass, fcode)) return Status::Ok();
    uint32_t r;
    if (fclass == "A" && fcode != "ADM1" && cc.size() == 2) {
      r = Country(cc);  // a country row: merge
      recs_[r].geonameid = gid;
      recs_[r].id = {};
      if (recs_[r].name.len == 0) recs_[r].name = Intern(f[1]);
    } else if (fclass == "A") {
      if (cc.size() != 2 || f[10].empty()) return Status::Ok();
      r = Admin1(cc, f[10]);
      recs_[r].geonameid = gid;
      recs_[r].id = {};
      recs_[r].name = Intern(f[1]);
    } else {
      r = NewRecord(fclass == "P" ? PlaceKind::kPopulated : PlaceKind::kFeature);
      recs_[r].geonameid = gid;
      recs_[r].name = Intern(f[1]);
      SetCode(recs_[r], cc, fclass, fcode);
      recs_[r].admin1_code = Intern(f[10]);
    }
    recs_[r].lat = lat;
    recs_[r].lon = lon;
    acc_[r].has_position = true;
    recs_[r].population = std::max(recs_[r].population, ParseU32(f[14]));
    by_geonameid_[gid] = r;
    AddName(r, f[1], true);
    if (f[2] != f[1]) AddName(r, f[2], true);
    for (auto a : SplitList(f[3], ',')) AddName(r, a, false);
    return Status::Ok();
  });
}

// alternateNames(V2): altid geonameid isolanguage name isPreferred isShort isColloquial
// isHistoric [from to].
Status Builder::ReadAlternateNames(const std::string& path) {
  auto text = Read(path);
  if (!text.ok()) return text.status();
  return ForEachTsvRow(*text, path, [&](const TsvRow& row) -> Status {
    const auto& f = row.fields;
    if (f.size() < 4) return Status::Ok();
    auto it = by_geonameid_.find(ParseU32(f[1]));
    if (it == by_geonameid_.end()) return Status::Ok();
    std::string_view lang = f[2];
    // Codes, links and postal codes are not names.
    if (lang == "link" || lang == "post" || lang == "iata" || lang == "icao" || lang == "faac" ||
        lang == "abbr" || lang == "wkdt" || lang == "unlc" || lang == "fr_1793") {
      return Status::Ok();
    }
    bool colloquial = f.size() > 6 && f[6] == "1";
    if (colloquial) return Status::Ok();
    AddName(it->second, f[3], lang == "en" && f.size() > 4 && f[4] == "1");
    return Status::Ok();
  });
}

// admin1CodesASCII.txt: "CC.code" name asciiname geonameid.
Status Builder::ReadAdmin1Codes(const std::string& path) {
  auto text = Read(path);
  if (!text.ok()) return text.status();
  have_admin1_codes_ = true;
  return ForEachTsvRow(*text, path, [&](const TsvRow& row) -> Status {
    const auto& f = row.fields;
    if (f.size() < 4) return Status::Ok();
    auto dot = f[0].find('.');
    if (dot != 2) return Status::Ok();
    uint32_t r = Admin1(f[0].substr(0, 2), f[0].substr(3));
    if (recs_[r].name.len == 0) recs_[r].name = Intern(f[1]);
    if (uint32_t gid = ParseU32(f[3])) {
      recs_[r].geonameid = gid;
      recs_[r].id = {};
      by_geonameid_[gid] = r;
    }
    AddName(r, f[1], true);
    if (f[2] != f[1]) AddName(r, f[2], true);
    return Status::Ok();
  });
}

Status Builder::ReadAdmin1Tsv(const std::string& path) {
  auto text = Read(path);
  if (!text.ok()) return text.status();
  return ForEachTsvRow(*text, path, [&](const TsvRow& row) -> Status {
    if (row.fields.size() < 3 || row.fields[0].size() != 2 || row.fields[1].empty()) {
      return row.Error("want: cc, admin1 code, names");
    }
    uint32_t r = Admin1(row.fields[0], row.fields[1]);
    bool first = true;
    for (auto n : SplitList(row.fields[2])) {
      // GeoNames' own name (admin1CodesASCII) stays the display name when supplied.
      if (first && (!have_admin1_codes_ || recs_[r].name.len == 0)) recs_[r].name = Intern(n);
      first = false;
      AddName(r, n, true);
    }
    return Status::Ok();
  });
}

Status Builder::ReadPlacesTsv(const std::string& path) {
  auto text = Read(path);
  if (!text.ok()) return text.status();
  return ForEachTsvRow(*text, path, [&](const TsvRow& row) -> Status {
    const auto& f = row.fields;
    if (f.size() >= 2 && f[0].starts_with("gn:")) {
      auto it = by_geonameid_.find(ParseU32(f[0].substr(3)));
      if (it == by_geonameid_.end()) return Status::Ok();  // not in this table
      for (auto n : SplitList(f[1])) AddName(it->second, n, true);
      return Status::Ok();
    }
    if (!f[0].starts_with("sitrep:") || f.size() < 8) {
      return row.Error("want: sitrep:<slug>, names, cc, admin1, lat, lon, class, code; or gn:<id>, names");
    }
    bool ok_lat = false, ok_lon = false;
    float lat = ParseFloat(f[4], &ok_lat), lon = ParseFloat(f[5], &ok_lon);
    if (!ok_lat || !ok_lon || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      return row.Error("latitude/longitude must be decimal degrees");
    }
    uint32_t r = NewRecord(f[6] == "P" ? PlaceKind::kPopulated : PlaceKind::kFeature);
    recs_[r].id = Intern(f[0]);
    SetCode(recs_[r], f[2] == "-" ? std::string_view() : f[2], f[6], f[7]);
    if (f[3] != "-") recs_[r].admin1_code = Intern(f[3]);
    recs_[r].lat = lat;
    recs_[r].lon = lon;
    acc_[r].has_position = true;
    bool first = true;
    for (auto n : SplitList(f[1])) {
      if (first) recs_[r].name = Intern(n);
      first = false;
      AddName(r, n, true);
    }
    return Status::Ok();
  });
}

// Without GeoNames' admin1 names, a division is still found as "<its capital> province"
// (and governorate, region, oblast, state, prefecture): its capital is the populated
// place with feature code PPLA (or PPLC) carrying the same admin1 code.
void Builder::DeriveAdmin1FromCapitals() {
  static constexpr std::string_view kSuffixes[] = {"province", "governorate", "region",
                                                   "oblast",   "state",       "prefecture"};
  const size_t n = recs_.size();
  for (size_t i = 0; i < n; ++i) {
    const PlaceRecord& c = recs_[i];
    std::string_view code(c.fcode, strnlen(c.fcode, sizeof c.fcode));
    if (c.kind != PlaceKind::kPopulated || (code != "PPLA" && code != "PPLC") ||
        c.admin1_code.len == 0 || !c.cc[0]) {
      continue;
    }
    std::string cc(c.cc, 2);
    std::string a1code(Str(c.admin1_code));
    std::string cap(Str(c.name));
    uint32_t r = Admin1(cc, a1code);
    if (recs_[r].name.len == 0) recs_[r].name = Intern(cap + " Province");
    for (auto s : kSuffixes) AddName(r, cap + " " + std::string(s), true);
  }
}

void Builder::LinkAndPlace() {
  for (size_t i = 0; i < recs_.size(); ++i) {
    PlaceRecord& r = recs_[i];
    if (!r.cc[0]) continue;
    std::string cc(r.cc, 2);
    if (r.kind != PlaceKind::kCountry) r.country = Country(cc);
    if (r.kind != PlaceKind::kAdmin1 && r.kind != PlaceKind::kCountry && r.admin1_code.len) {
      auto it = admin1_.find(cc + "." + std::string(Str(r.admin1_code)));
      if (it != admin1_.end()) r.admin1 = it->second;
    }
  }
  // Positions of divisions from their populated places; of countries from the capital.
  for (size_t i = 0; i < recs_.size(); ++i) {
    const PlaceRecord& r = recs_[i];
    if (r.kind != PlaceKind::kPopulated) continue;
    if (r.admin1 != kNoRec) {
      acc_[r.admin1].lat += r.lat;
      acc_[r.admin1].lon += r.lon;
      acc_[r.admin1].n++;
    }
    std::string_view code(r.fcode, strnlen(r.fcode, sizeof r.fcode));
    if (code == "PPLC" && r.country != kNoRec && !acc_[r.country].has_position) {
      recs_[r.country].lat = r.lat;
      recs_[r.country].lon = r.lon;
      acc_[r.country].has_position = true;
    }
  }
  for (size_t i = 0; i < recs_.size(); ++i) {
    if (acc_[i].has_position || acc_[i].n == 0) continue;
    recs_[i].lat = static_cast<float>(acc_[i].lat / acc_[i].n);
    recs_[i].lon = static_cast<float>(acc_[i].lon / acc_[i].n);
    acc_[i].has_position = true;
  }
}

Status Builder::Run(const GazetteerSources& src) {
  if (!src.countries_tsv.empty()) SITREP_RETURN_IF_ERROR(ReadCountriesTsv(src.countries_tsv));
  if (!src.world_countries.empty()) SITREP_RETURN_IF_ERROR(ReadWorldCountries(src.world_countries));
  if (!src.country_info.empty()) SITREP_RETURN_IF_ERROR(ReadCountryInfo(src.country_info));
  for (const auto& t : src.geonames_tables) SITREP_RETURN_IF_ERROR(ReadTable(t));
  if (!src.alternate_names.empty()) SITREP_RETURN_IF_ERROR(ReadAlternateNames(src.alternate_names));
  if (!src.admin1_codes.empty()) SITREP_RETURN_IF_ERROR(ReadAdmin1Codes(src.admin1_codes));
  DeriveAdmin1FromCapitals();
  if (!src.admin1_tsv.empty()) SITREP_RETURN_IF_ERROR(ReadAdmin1Tsv(src.admin1_tsv));
  if (!src.places_tsv.empty()) SITREP_RETURN_IF_ERROR(ReadPlacesTsv(src.places_tsv));
  LinkAndPlace();
  return Status::Ok();
}

void Pad8(std::string* out) {
  while (out->size() % 8) out->push_back('\0');
}

std::string Builder::Finish(GazetteerStats* stats) {
  // Records without a position (a country no source placed) cannot be used: drop their names.
  PhraseIndexBuilder names;
  uint64_t kept = 0;
  for (const auto& [folded, value] : names_) {
    if (!acc_[NameRecord(value)].has_position) continue;
    names.AddFolded(folded, value);
    ++kept;
  }
  for (size_t i = 0; i < recs_.size(); ++i) {
    if (recs_[i].name.len == 0) recs_[i].name = recs_[i].id;
  }
  PhraseIndex index = names.Build();
  std::string out;
  uint64_t header[8] = {0x315A414754495253ull /* "SITRGAZ1" */, 1, recs_.size(), pool_.size(),
                        0, 0, 0, 0};
  out.append(reinterpret_cast<const char*>(header), sizeof header);
  header[4] = out.size();
  out.append(reinterpret_cast<const char*>(recs_.data()), recs_.size() * sizeof(PlaceRecord));
  Pad8(&out);
  header[5] = out.size();
  out.append(pool_);
  Pad8(&out);
  header[6] = out.size();
  index.AppendTo(&out);
  header[7] = out.size();
  std::memcpy(out.data(), header, sizeof header);
  if (stats) {
    stats->records = recs_.size();
    stats->names = kept;
    stats->tokens = index.token_count();
    stats->bytes = out.size();
    for (const auto& r : recs_) {
      switch (r.kind) {
        case PlaceKind::kCountry: stats->countries++; break;
        case PlaceKind::kAdmin1: stats->admin1++; break;
        case PlaceKind::kPopulated: stats->populated++; break;
        case PlaceKind::kFeature: stats->features++; break;
      }
    }
  }
  return out;
}

}  // namespace

Result<std::string> CompileGazetteer(const GazetteerSources& sources, const FileSystem& fs,
                                     GazetteerStats* stats) {
  Builder b(fs);
  SITREP_RETURN_IF_ERROR(b.Run(sources));
  std::string out = b.Finish(stats);
  if (out.size() >= (4ull << 30)) return Status::BadInput("gazetteer index would exceed 4 GiB");
  return out;
}

}  // namespace sitrep::lexicon
