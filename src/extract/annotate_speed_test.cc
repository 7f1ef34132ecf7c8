// The fast paths of the records step checked against their obvious twins: dates written
// into a reused buffer (TimexToDateInto) against TimexToDate, and records refilled in place
// (a document annotated again, over another document's records) against records built
// in a fresh document.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "extract/annotate.h"
#include "extract/test_util.h"
#include "lexicon/lexicon.h"

namespace sitrep::extract {
namespace {

TEST(AnnotateSpeedTest, TimexToDateIntoEqualsTimexToDate) {
  const char* const values[] = {
      "2016-03-27", "2016-03-27T10:00", "2016-03-27TNI", "2016-03", "2016-03x", "2016-03-2", "2016", "2016-W12",
      "2016-W01", "2015-W53", "2016-W52-WE", "2016-Q1", "2016-SU", "2016-H2", "201", "20", "XXXX-03-27",
      "XXXX-WXX-7", "P3D", "PT2H", "PRESENT_REF", "PAST_REF", "", "2013-07-13/2013-07-15", "2016-12/2017-01",
      "2016-03-27/", "/2016", "12345", "2016x", "2016-ab-12", "2016-12-1a",
  };
  for (const char* v : values) {
    auto [want, want_precision] = TimexToDate(v);
    std::string got = "a buffer holding an earlier, longer date value";
    const DatePrecision precision = TimexToDateInto(v, &got);
    EXPECT_EQ(got, want) << v;
    EXPECT_EQ(precision, want_precision) << v;
  }
}

// Invented texts: events with places, parties, dates and claims, bullets under a lead-in.
const char* const kTexts[] = {
    "Rebels said on Sunday they had recaptured the airport near Aleppo from government forces. At least 30 "
    "fighters were killed, according to a monitoring group.\n\nThe government denied it. Unofficial reports "
    "suggest the spoils from Homs amount to the following:\n\u2022 30 tanks\n\u2022 4 rocket launchers",
    "The militia withdrew from the town as an air strike killed 12 people near the market in Mosul, the army said.",
    "Troops entered Kunduz on 3 October 2015. Officials said 200 civilians had fled. The Taliban denied losing "
    "the city and said its fighters still held the district centre in the week of 5 October.",
    "Nothing happened.",
};

Document Make(const char* text, const std::string& id) {
  Document d = testing::MakeDocument(text, id);
  d.date.value = "2016-03-28";
  d.date.precision = DatePrecision::kDay;
  d.outlet = "an outlet with a long name";
  return d;
}

// A document annotated over another document's records (longer and shorter lists, every
// string set) holds the same records as one annotated fresh.
TEST(AnnotateSpeedTest, RefillingRecordsInPlaceEqualsFreshRecords) {
  auto res = Resources::Default();
  ASSERT_TRUE(res.ok());
  auto lex = lexicon::Lexicon::Open(lexicon::LexiconOptions());
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  const Annotator a{*res, lex->get(), testing::TestTagger()};
  std::vector<Document> before;
  for (size_t i = 0; i < std::size(kTexts); ++i) {
    before.push_back(Make(kTexts[i], "an-earlier-document-with-a-long-id-" + std::to_string(i)));
    Annotate(a, before.back());
  }
  ASSERT_FALSE(before[0].claims.empty());
  ASSERT_FALSE(before[0].events.empty());
  ASSERT_FALSE(before[0].mentions.empty());
  for (size_t i = 0; i < std::size(kTexts); ++i) {
    Document fresh = Make(kTexts[i], "d" + std::to_string(i));
    Annotate(a, fresh);
    for (const Document& old : before) {
      Document reused = Make(kTexts[i], "d" + std::to_string(i));
      reused.mentions = old.mentions;
      reused.events = old.events;
      reused.claims = old.claims;
      Annotate(a, reused);
      EXPECT_EQ(testing::Flat(reused), testing::Flat(fresh)) << kTexts[i];
      // AttachRecords (copying the extraction's strings) over the same old records.
      Document copied = Make(kTexts[i], "d" + std::to_string(i));
      copied.mentions = old.mentions;
      copied.events = old.events;
      copied.claims = old.claims;
      auto ref = time::Reference::Parse(copied.date.value, time::AnchorKind::kDocumentDate);
      ASSERT_TRUE(ref.ok());
      const std::vector<lexicon::Mention> mentions = lexicon::FindMentions(copied, **lex);
      const std::vector<time::DocumentTimex> timexes = time::TagDocument(*testing::TestTagger(), copied, *ref, {});
      const Extraction x = Extract(**res, copied, mentions, timexes);
      AttachRecords(**res, mentions, timexes, x, copied);
      EXPECT_EQ(testing::Flat(copied), testing::Flat(fresh)) << kTexts[i];
    }
  }
}

}  // namespace
}  // namespace sitrep::extract
