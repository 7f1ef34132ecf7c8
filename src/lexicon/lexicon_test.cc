#include "lexicon/lexicon.h"

#include <gtest/gtest.h>

#include <iostream>

#include "lexicon/mentions.h"

namespace sitrep::lexicon {
namespace {

const std::string kData = SITREP_SOURCE_DIR "/data/lexicon";

// A small gazetteer compiled from the GeoNames-format fixtures, so these tests run without
// the npm data.
std::unique_ptr<Gazetteer> FixtureGazetteer() {
  GazetteerOptions opt;
  opt.home = SITREP_SOURCE_DIR;
  opt.geonames = SITREP_SOURCE_DIR "/tests/data/lexicon/geonames";
  GazetteerSources src = ResolveSources(opt, *PosixFileSystem());
  src.world_countries.clear();
  auto bytes = CompileGazetteer(src, *PosixFileSystem(), nullptr);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto g = Gazetteer::FromBytes(std::move(bytes).value());
  EXPECT_TRUE(g.ok());
  return std::move(g).value();
}

std::unique_ptr<Lexicon> FixtureLexicon() {
  auto lex = Lexicon::Build(FixtureGazetteer(), kData, *PosixFileSystem());
  EXPECT_TRUE(lex.ok()) << lex.status().ToString();
  return lex.ok() ? std::move(lex).value() : nullptr;
}

TEST(Lexicon, ReadsDataFilesAndGeneratesStateActors) {
  auto lex = FixtureLexicon();
  ASSERT_TRUE(lex);
  EXPECT_NE(lex->FindEntity("isis"), Gazetteer::kNone);
  EXPECT_NE(lex->FindEntity("sohr"), Gazetteer::kNone);
  uint32_t f = lex->FindEntity("forces:SY");
  ASSERT_NE(f, Gazetteer::kNone);
  EXPECT_EQ(lex->entity(f).type, "state-forces");
  EXPECT_EQ(lex->entity(f).country, "SY");
  EXPECT_NE(lex->FindEntity("gov:RU"), Gazetteer::kNone);
  EXPECT_TRUE(lex->IsPlaceStopword("march"));
  EXPECT_FALSE(lex->IsPlaceStopword("aleppo"));
}

TEST(Lexicon, MalformedDataFileNamesFileAndLine) {
  MemoryFileSystem fs;
  fs.Add("d/actors.tsv", "# comment\nisis\tnsag\n");
  auto lex = Lexicon::Build(FixtureGazetteer(), "d", fs);
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), StatusCode::kBadInput);
  EXPECT_NE(lex.status().message().find("d/actors.tsv:2"), std::string::npos) << lex.status().message();
}

TEST(Lexicon, DuplicateIdIsAnError) {
  MemoryFileSystem fs;
  fs.Add("d/actors.tsv", "x\tnsag\t-\t-\tGroup X\nx\tnsag\t-\t-\tGroup Y\n");
  auto lex = Lexicon::Build(FixtureGazetteer(), "d", fs);
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("duplicate id x"), std::string::npos);
}

TEST(Lexicon, MissingDataFileIsNotFound) {
  MemoryFileSystem fs;
  auto lex = Lexicon::Build(FixtureGazetteer(), "nowhere", fs);
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), StatusCode::kNotFound);
}

// Context rules on the fixture gazetteer (runs without the npm data).
const Mention* Find(const Document& doc, const std::vector<Mention>& ms, std::string_view surface,
                    int nth = 0) {
  for (const Mention& m : ms) {
    if (doc.view(m.span) == surface && nth-- == 0) return &m;
  }
  return nullptr;
}

TEST(Lexicon, ContextRulesOnFixtureGazetteer) {
  auto lex = FixtureLexicon();
  ASSERT_TRUE(lex);
  Document doc;
  doc.text =
      "Militants of the Islamic State attacked Palmyra, known as Tadmur in Arabic, 200 km "
      "(120 miles) southeast of Aleppo. The group later entered the city. The Governor of Homs "
      "province, Zayd Al-Qarani, said the army held a ridge a few kilometres west of the city. "
      "He added that Damascus and Moscow had been warned.";
  auto ms = FindMentions(doc, *lex);
  const Mention* palmyra = Find(doc, ms, "Palmyra");
  ASSERT_TRUE(palmyra && palmyra->resolved);
  EXPECT_EQ(palmyra->resolved->id, "163808");  // the Syrian town, not the American ones
  EXPECT_EQ(palmyra->resolved->precision, 1);
  const Mention* tadmur = Find(doc, ms, "Tadmur");
  ASSERT_TRUE(tadmur && tadmur->resolved);
  EXPECT_EQ(tadmur->resolved->id, "163808");
  EXPECT_NE(tadmur->how.find("gloss"), std::string::npos);
  const Mention* aleppo = Find(doc, ms, "Aleppo");
  ASSERT_TRUE(aleppo && aleppo->resolved);
  EXPECT_EQ(aleppo->resolved->direction, "southeast");
  EXPECT_DOUBLE_EQ(aleppo->resolved->offset_km, 200);
  EXPECT_EQ(aleppo->resolved->precision, 2);
  const Mention* group = Find(doc, ms, "The group");
  ASSERT_TRUE(group && group->resolved);
  EXPECT_EQ(group->resolved->id, "isis");
  const Mention* city = Find(doc, ms, "the city");
  ASSERT_TRUE(city && city->resolved);
  EXPECT_EQ(city->resolved->id, "163808");
  const Mention* city2 = Find(doc, ms, "the city", 1);
  ASSERT_TRUE(city2 && city2->resolved);
  EXPECT_EQ(city2->resolved->direction, "west");
  const Mention* gov = Find(doc, ms, "Zayd Al-Qarani");
  if (!gov) {
    for (const Mention& m : ms) std::cerr << doc.view(m.span) << " | " << m.how << "\n";
  }
  ASSERT_TRUE(gov && gov->resolved);
  EXPECT_EQ(gov->kind, MentionKind::kPerson);
  EXPECT_EQ(gov->resolved->affiliation, "gov:SY");
  const Mention* he = Find(doc, ms, "He");
  ASSERT_TRUE(he && he->resolved);
  EXPECT_EQ(he->resolved->name, "Zayd Al-Qarani");
  const Mention* army = Find(doc, ms, "the army");
  ASSERT_TRUE(army && army->resolved);
  EXPECT_EQ(army->resolved->id, "forces:SY");
  const Mention* moscow = Find(doc, ms, "Moscow");
  ASSERT_TRUE(moscow && moscow->resolved);
  EXPECT_EQ(moscow->kind, MentionKind::kActor);
  EXPECT_EQ(moscow->resolved->id, "gov:RU");
  EXPECT_EQ(FocusCountry(ms), "SY");
}

TEST(Lexicon, UnknownNamesAreNotForced) {
  auto lex = FixtureLexicon();
  ASSERT_TRUE(lex);
  Document doc;
  doc.text = "Fighters entered the village of Qutayfa al-Gharbiya on Monday. Gates and Marlow met.";
  auto ms = FindMentions(doc, *lex);
  const Mention* v = Find(doc, ms, "Qutayfa al-Gharbiya");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->kind, MentionKind::kPlace);
  EXPECT_FALSE(v->resolved.has_value());
  EXPECT_EQ(Find(doc, ms, "Gates"), nullptr);
  EXPECT_EQ(Find(doc, ms, "Marlow"), nullptr);
}

}  // namespace
}  // namespace sitrep::lexicon
