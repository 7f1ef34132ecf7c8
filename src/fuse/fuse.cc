// Fuse(): sorts the input by id, then runs the steps of parts.h in order.
#include <algorithm>

#include "fuse/parts.h"

namespace sitrep::fuse {

Fusion Fuse(const Input& unsorted) {
  Input in = unsorted;
  auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::sort(in.docs.begin(), in.docs.end(), by_id);
  std::sort(in.events.begin(), in.events.end(), by_id);
  std::sort(in.claims.begin(), in.claims.end(), by_id);
  std::sort(in.mentions.begin(), in.mentions.end(), by_id);

  Fusion f;
  f.duplicates = FindDuplicates(in);
  f.stories = BuildStories(in, f.duplicates);
  DateDocuments(in, f.stories, &f.doc_dates, &f.date_flags);
  f.timelines = BuildTimelines(in, f.stories, f.doc_dates);
  f.claim_groups = GroupClaims(in, f.stories);
  f.outlets = ProfileOutlets(in);
  f.conflicts = FindConflicts(in, f);
  return f;
}

}  // namespace sitrep::fuse
