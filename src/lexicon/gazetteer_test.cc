#include "lexicon/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace sitrep::lexicon {
namespace {

const std::string kFixtures = SITREP_SOURCE_DIR "/tests/data/lexicon/geonames";

// Records named `name` (folded lookup of the whole phrase).
std::vector<uint32_t> Lookup(const Gazetteer& g, std::string_view name, uint32_t* flags = nullptr) {
  PieceBuffer buf;
  buf.Split(name, 0);
  std::vector<PhraseMatch> m;
  std::vector<uint32_t> scratch;
  g.names().FindAll(buf, 0, buf.size(), &scratch, &m);
  std::vector<uint32_t> out;
  for (const auto& x : m) {
    if (x.first != 0 || x.end != buf.size()) continue;
    for (uint32_t v : g.names().Values(x.node)) {
      out.push_back(NameRecord(v));
      if (flags) *flags |= NameFlags(v);
    }
  }
  return out;
}

std::unique_ptr<Gazetteer> CompileFixture() {
  GazetteerOptions opt;
  opt.home = SITREP_SOURCE_DIR;
  opt.geonames = kFixtures;
  GazetteerSources src = ResolveSources(opt, *PosixFileSystem());
  src.world_countries.clear();  // keep the fixture independent of the npm install
  GazetteerStats stats;
  auto bytes = CompileGazetteer(src, *PosixFileSystem(), &stats);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  if (!bytes.ok()) return nullptr;
  auto g = Gazetteer::FromBytes(std::move(bytes).value());
  EXPECT_TRUE(g.ok()) << g.status().ToString();
  return g.ok() ? std::move(g).value() : nullptr;
}

TEST(Gazetteer, ResolvesUserDumpDirectory) {
  GazetteerOptions opt;
  opt.home = SITREP_SOURCE_DIR;
  opt.geonames = kFixtures;
  GazetteerSources src = ResolveSources(opt, *PosixFileSystem());
  ASSERT_EQ(src.geonames_tables.size(), 1u);
  EXPECT_EQ(src.geonames_tables[0], kFixtures + "/cities1000.txt");
  EXPECT_EQ(src.alternate_names, kFixtures + "/alternateNamesV2.txt");
  EXPECT_EQ(src.admin1_codes, kFixtures + "/admin1CodesASCII.txt");
  EXPECT_EQ(src.country_info, kFixtures + "/countryInfo.txt");
}

TEST(Gazetteer, CompilesGeoNamesFormats) {
  auto g = CompileFixture();
  ASSERT_TRUE(g);
  // Alternate names from the table column and from alternateNamesV2.
  auto tadmor = Lookup(*g, "Tadmor");
  ASSERT_EQ(tadmor.size(), 1u);
  EXPECT_EQ(g->Id(tadmor[0]), "163808");
  EXPECT_EQ(g->CountryCode(tadmor[0]), "SY");
  EXPECT_NEAR(g->record(tadmor[0]).lat, 34.5624, 1e-4);
  // "Palmyra" names the Syrian town and two American ones.
  EXPECT_EQ(Lookup(*g, "Palmyra").size(), 3u);
  // The admin1 division: id from admin1CodesASCII, name from the ADM1 row.
  uint32_t a1 = g->record(tadmor[0]).admin1;
  ASSERT_NE(a1, Gazetteer::kNone);
  EXPECT_EQ(g->Id(a1), "169575");
  auto prov = Lookup(*g, "Homs province");
  ASSERT_FALSE(prov.empty());
  EXPECT_EQ(prov[0], a1);
  // Countries: ids from countryInfo, names from sitrep's countries.tsv, demonyms flagged.
  uint32_t sy = g->CountryRecord("SY");
  ASSERT_NE(sy, Gazetteer::kNone);
  EXPECT_EQ(g->Id(sy), "163843");
  uint32_t flags = 0;
  auto syrian = Lookup(*g, "Syrian", &flags);
  ASSERT_EQ(syrian.size(), 1u);
  EXPECT_EQ(syrian[0], sy);
  EXPECT_TRUE(flags & kNameDemonym);
  // Codes and links from alternateNames are not names; unknown ids are ignored.
  EXPECT_TRUE(Lookup(*g, "HMS").empty());
  EXPECT_TRUE(Lookup(*g, "Nowhere").empty());
  // Feature classes outside the kept set are dropped.
  EXPECT_TRUE(Lookup(*g, "Some School").empty());
  // sitrep's alias file: a feature of its own, with an acronym matched case-sensitively.
  uint32_t t4flags = 0;
  auto t4 = Lookup(*g, "T4", &t4flags);
  ASSERT_FALSE(t4.empty());
  EXPECT_EQ(g->Id(t4[0]), "sitrep:tiyas-airbase");
  EXPECT_TRUE(t4flags & kNameCaseSensitive);
  EXPECT_EQ(g->record(t4[0]).fclass, 'S');
}

TEST(Gazetteer, LoadsFromFileAndRejectsDamage) {
  auto tmp = std::filesystem::temp_directory_path() / "sitrep_gaz_test.idx";
  GazetteerOptions opt;
  opt.home = SITREP_SOURCE_DIR;
  opt.geonames = kFixtures;
  opt.index_path = tmp.string();
  std::filesystem::remove(tmp);
  std::string used;
  auto g = OpenGazetteer(opt, &used);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(used, tmp.string());
  EXPECT_TRUE(std::filesystem::exists(tmp));
  auto again = Gazetteer::Load(tmp.string());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->size(), (*g)->size());
  {
    std::FILE* f = std::fopen(tmp.string().c_str(), "r+b");
    ASSERT_TRUE(f);
    std::fputs("garbage!", f);
    std::fclose(f);
  }
  auto damaged = Gazetteer::Load(tmp.string());
  EXPECT_FALSE(damaged.ok());
  EXPECT_NE(damaged.status().message().find("rebuild"), std::string::npos);
  std::filesystem::remove(tmp);
  EXPECT_EQ(Gazetteer::Load(tmp.string()).status().code(), StatusCode::kNotFound);
}

// The real data set, when scripts/setup-npm.sh has installed it.
TEST(Gazetteer, RealDataWhenInstalled) {
  GazetteerOptions opt;
  opt.home = SITREP_SOURCE_DIR;
  GazetteerSources src = ResolveSources(opt, *PosixFileSystem());
  if (src.geonames_tables.empty()) GTEST_SKIP() << "npm data not installed";
  auto g = OpenGazetteer(opt);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_GT((*g)->size(), 150000u);
  bool found = false;
  for (uint32_t r : Lookup(**g, "Deir al-Zor")) found |= (*g)->Id(r) == "170794";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace sitrep::lexicon
