#include "extract/annotate.h"

#include <gtest/gtest.h>

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
