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

std::string Flat(const EntityRef& e) {
  std::ostringstream o;
  o << "{" << e.text << "|" << e.span.start << "-" << e.span.end << "|" << e.id << "|" << e.name << "|" << e.kind
    << "|" << e.country << "|" << e.has_position << "|" << e.lat << "|" << e.lon << "|" << e.precision << "|"
    << e.how << "}";
  return o.str();
}

// Every field of the records, one line each.
std::string Flat(const Document& doc) {
  std::ostringstream o;
  for (const MentionRecord& m : doc.mentions) {
    o << "m " << m.id << "|" << m.document << "|" << m.sentence << "|" << Flat(m.entity) << "|" << m.type << "|"
      << m.refers_to << "\n";
  }
  for (const EventRecord& e : doc.events) {
    o << "e " << e.id << "|" << e.document << "|" << e.sentence << "|" << e.span.start << "-" << e.span.end << "|"
      << e.trigger << "|" << e.type << "|" << e.status << "|" << e.frame << "|" << e.rule << "|" << Flat(e.agent)
      << Flat(e.target) << Flat(e.place) << "|" << e.instrument << "|" << e.date << "|"
      << static_cast<int>(e.date_precision) << "|" << e.timex << "|" << e.time_span.start << "-" << e.time_span.end
      << "|" << e.time_source << "|" << Flat(e.claimed_by) << "|" << e.reported_by << "|"
      << static_cast<int>(e.line_kind) << "|" << e.quote << "\n";
  }
  for (const ClaimRecord& c : doc.claims) {
    o << "c " << c.id << "|" << c.document << "|" << c.sentence << "|" << c.span.start << "-" << c.span.end << "|"
      << c.number.start << "-" << c.number.end << "|" << c.kind << "|" << c.item << "|" << c.calibre << "|" << c.low
      << "|" << c.high << "|" << c.acled << "|" << c.modifier << "|" << c.effect << "|" << c.approx << "|"
      << c.vague << "|" << Flat(c.about) << Flat(c.claimed_by) << "|" << c.reported_by << "|" << Flat(c.place)
      << "|" << c.date << "|" << static_cast<int>(c.date_precision) << "|" << c.event << "|" << c.rule << "|"
      << static_cast<int>(c.line_kind) << "|" << c.quote << "\n";
  }
  return o.str();
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
    EXPECT_EQ(Flat(a), Flat(b));
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
