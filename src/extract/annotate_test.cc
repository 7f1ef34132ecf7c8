#include "extract/annotate.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "extract/test_util.h"

namespace sitrep::extract {
namespace {

TEST(AnnotateTest, ClaimJoinsTheEventItCounts) {
  auto res = Resources::Default();
  ASSERT_TRUE(res.ok());
  Document doc = testing::MakeDocument(
      "The militia withdrew from the town as an air strike killed 12 people near the market.", "d");
  doc.date.value = "2020-05-04";
  doc.date.precision = DatePrecision::kDay;
  Annotate(Annotator{*res, nullptr, testing::TestTagger()}, doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  const EventRecord* linked = nullptr;
  for (const EventRecord& e : doc.events) {
    if (e.id == doc.claims[0].event) linked = &e;
  }
  ASSERT_NE(linked, nullptr) << doc.claims[0].event;
  EXPECT_EQ(linked->type, "air_strike");
  EXPECT_EQ(linked->instrument, "aircraft");
  EXPECT_EQ(doc.claims[0].date, "2020-05-04");
}

// Annotate moves the strings of its own extraction into the records; AttachRecords copies
// them from the caller's. Both give the same records.
TEST(AnnotateTest, MovingRecordsEqualsCopyingThem) {
  auto res = Resources::Default();
  ASSERT_TRUE(res.ok());
  const char* const texts[] = {
      "The militia withdrew from the town as an air strike killed 12 people near the market, the army said.",
      "Rebels said on Sunday they had recaptured the airport from government forces. At least 30 fighters "
      "were killed, according to a monitoring group.\n\nThe government denied it. Unofficial reports suggest "
      "the spoils amount to the following:\n\u2022 30 tanks\n\u2022 4 rocket launchers",
  };
  for (const char* text : texts) {
    Document a = testing::MakeDocument(text, "a-long-document-id-beyond-sso");
    a.date.value = "2020-05-04";
    a.date.precision = DatePrecision::kDay;
    a.outlet = "an outlet with a long name";
    Document b = a;
    Annotate(Annotator{*res, nullptr, testing::TestTagger()}, a);

    auto ref = time::Reference::Parse(b.date.value, time::AnchorKind::kDocumentDate);
    ASSERT_TRUE(ref.ok());
    const std::vector<lexicon::Mention> mentions;
    const std::vector<time::DocumentTimex> timexes = time::TagDocument(*testing::TestTagger(), b, *ref, {});
    const Extraction x = Extract(**res, b, mentions, timexes);
    AttachRecords(**res, mentions, timexes, x, b);
    EXPECT_FALSE(b.events.empty());
    EXPECT_EQ(testing::Flat(a), testing::Flat(b));
  }
}

TEST(AnnotateTest, TimexToDate) {
  EXPECT_EQ(TimexToDate("2016-03-27T10:00").first, "2016-03-27");
  EXPECT_EQ(TimexToDate("2016-03").second, DatePrecision::kMonth);
  EXPECT_EQ(TimexToDate("2016-W12").first, "2016-03");
  EXPECT_EQ(TimexToDate("2016-SU").second, DatePrecision::kYear);
  EXPECT_EQ(TimexToDate("XXXX-03-27").second, DatePrecision::kNone);
  EXPECT_EQ(TimexToDate("P3D").first, "");
}

}  // namespace
}  // namespace sitrep::extract
