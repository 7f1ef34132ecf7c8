// SearchFields' walk out from the reference (resolve.cc) against its slow obvious twin,
// which builds every candidate and sorts them (ResolveContext::exhaustive_search, set by
// TagOptions::reference_parse): same timexes for phrases of every cycle (year, month,
// week, day, half day) read against references spread over several years, at day, month,
// year and second precision, with and without an earlier expression in the story.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "time/civil.h"
#include "time/timex.h"

namespace sitrep::time {
namespace {

std::string Describe(const std::vector<Timex>& ts) {
  std::ostringstream o;
  for (const Timex& t : ts)
    o << t.span.start << "-" << t.span.end << " " << t.value << " " << GrainName(t.grain) << " ["
      << t.interval.begin << "," << t.interval.end << ") " << t.anchor.Describe() << "\n";
  return o.str();
}

TEST(ResolveSearch, WalkSameAsSortedCandidates) {
  auto tagger = Tagger::LoadDefault();
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  const std::vector<std::string> phrases = {
      "It happened on Sunday.", "They met Monday the 5th.", "It fell on February 29.", "He left in March.",
      "The talks resumed on the 31st.", "Fighting broke out on Friday, Feb 10.", "They struck at 5pm.",
      "The convoy left at 11 o'clock.", "It was quiet that winter.", "The raid came on Tuesday morning.",
      "It ends on December 25.", "They returned in summer.", "The siege began on Saturday, December 1.",
      "Shelling resumed at midnight.", "The offensive began on 13 October.", "It was signed on Thursday at 9 am.",
      "The vote is on Wednesday.", "They will meet in January.", "It will reopen on the 1st.",
      "Clashes erupted at 6:30 in the evening.", "He said it would end by Friday.", "It reopened in the spring."};
  std::vector<Reference> refs;
  for (int64_t day = DaysFromCivil(2013, 1, 1); day < DaysFromCivil(2018, 1, 1); day += 5) {
    const CivilDate c = CivilFromDays(day);
    refs.push_back(Reference::DocumentDate(c.year, c.month, c.day));
  }
  for (int m = 1; m <= 12; ++m) refs.push_back(*Reference::Parse("2016-" + std::string(m < 10 ? "0" : "") + std::to_string(m), AnchorKind::kDocumentDate));
  refs.push_back(*Reference::Parse("2015", AnchorKind::kDocumentDate));
  refs.push_back(*Reference::Parse("2016-02-29T23:30:00", AnchorKind::kReference));
  refs.push_back(*Reference::Parse("2017-12-31T00:15:00", AnchorKind::kReference));
  {  // a story that has reached an earlier point
    Reference r = Reference::DocumentDate(2016, 12, 12);
    r.previous = {MakeDateTime(2016, 11, 3, 14), MakeDateTime(2016, 11, 3, 15)};
    r.previous_grain = Grain::kHour;
    r.previous_value = "2016-11-03T14";
    refs.push_back(r);
  }
  std::vector<TagOptions> variants(3);
  variants[1].forward = true;
  variants[2].nearest = true;
  size_t checked = 0;
  for (TagOptions fast : variants) {
    TagOptions slow = fast;
    slow.reference_parse = true;
    for (const Reference& ref : refs) {
      for (const std::string& p : phrases) {
        const std::string a = Describe((*tagger)->Tag(p, ref, fast));
        const std::string b = Describe((*tagger)->Tag(p, ref, slow));
        ASSERT_EQ(a, b) << p << " against " << ref.Value();
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 20000u);
}

}  // namespace
}  // namespace sitrep::time
