// Internal to fuse/. Small helpers the fusion steps share: ISO dates as day ranges,
// the side a party stands on, keys for places, content ids.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fuse/fuse.h"

namespace sitrep::fuse::core {

// ---- Dates -------------------------------------------------------------------------

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int y, int m, int d);
// The ISO day "YYYY-MM-DD" of a day number.
std::string CivilFromDays(int64_t z);
// The same day number split into year, month (1-12) and day (1-31).
void CivilFromDays(int64_t z, int* year, int* month, int* day);

// An ISO date at its precision as the closed range of days it covers. `ok` false for an
// empty or malformed value.
struct DayRange {
  bool ok = false;
  int64_t first = 0, last = 0;
  DatePrecision precision = DatePrecision::kNone;
};
DayRange ParseIso(std::string_view iso);
DatePrecision PrecisionOf(std::string_view iso);  // from its length
bool Overlap(const DayRange& a, const DayRange& b, int64_t slack_days = 0);

// ISO weekday (1 Monday .. 7 Sunday) of a day number.
int Weekday(int64_t day);

// When an event happened by its own words: the sentence's date, unless it is the mark of
// a relative expression resolved against a coarse document date. The time stage
// resolves "on Sunday" in a document dated only "2016" to the Sunday before 2016-01-01
// (and "over the weekend" to week 52 of 2015, "today" in one dated "2016-12" to
// 2016-12-01): a date finer than the document's, ending on the first day of the
// document's range or at most 7 days before it, is such a resolution. It then counts as
// undated, keeping the weekday it named (`weekday`, 0 when none). Since the time stage
// keeps a coarse reference's precision it gives "2016" (approximate) instead: a sentence
// date covering all of a coarse document date also counts as undated (weekday unknown). The price: "on 1
// December" stated outright in a document dated only "2016-12" is not believed either.
struct When {
  DayRange range;         // !ok when undated (or only the document's date)
  int weekday = 0;        // ISO weekday the words named, when known
  bool from_document = false;  // the record's date is only its document's date
  bool unresolved = false;     // a relative expression resolved against a coarse date
};
When WhenOf(const EventRecord& e, const DocumentDate& doc_date);

// ---- Parties and places ------------------------------------------------------------

// What a party's resolved id says about which side it stands on: "gov:CC", "forces:CC"
// and an actor typed as a state's forces or government with country CC all stand on
// "state:CC"; other resolved actors on their own id; unresolved parties on "" (unknown).
// `types` maps actor ids to their resolved type (MentionRecord::type).
std::string SideOf(const EntityRef& e, const std::unordered_map<std::string, std::string>& types);
// Actor id -> resolved type, from the mentions.
std::unordered_map<std::string, std::string> ActorTypes(const std::vector<MentionRecord>& m);

// Where an event happened: its place, else its target when the target is a place
// ("X captured Palmyra" has the town as target).
const EntityRef& PlaceOf(const EventRecord& e);

// A place key: the resolved id, else "text:" + the folded words; "" when no place.
std::string PlaceKey(const EntityRef& place);
// A country-level place ("country:CC", or region-only precision): it contains any place
// of the same country.
bool IsCoarsePlace(const EntityRef& place);

// "<prefix>" + 16 hex digits of XXH3-64 of the ids joined by '\n' (sorted by the caller).
std::string IdOf(char prefix, const std::vector<std::string>& sorted_ids);

// Status strength in the order asserted > reported > denied > attempted > planned >
// conditional > negated > background (higher is stronger; unknown statuses 0).
int StatusRank(std::string_view status);

// Evidence for one event record.
Evidence EvidenceOf(const EventRecord& e, const std::string& outlet);

}  // namespace sitrep::fuse::core
