// Fuse(): sorts the input by id, then runs the steps of parts.h in order.
#include <algorithm>
#include <numeric>

#include "fuse/parts.h"

namespace sitrep::fuse {
namespace {

// A copy of `v` in id order: an index is sorted, then each record copied once (records
// are large; sorting them in place would move every string many times).
template <typename T>
std::vector<T> SortedById(const std::vector<T>& v) {
  std::vector<uint32_t> order(v.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (v[a].id != v[b].id) return v[a].id < v[b].id;
    return a < b;
  });
  std::vector<T> out;
  out.reserve(v.size());
  for (uint32_t i : order) out.push_back(v[i]);
  return out;
}

}  // namespace

Fusion Fuse(const Input& unsorted) {
  Input in;
  in.docs = SortedById(unsorted.docs);
  in.events = SortedById(unsorted.events);
  in.claims = SortedById(unsorted.claims);
  in.mentions = SortedById(unsorted.mentions);

  Fusion f;
  f.duplicates = FindDuplicates(in);
  f.stories = BuildStories(in, f.duplicates);
  DateDocuments(in, f.stories, &f.doc_dates, &f.date_flags);
  f.timelines = BuildTimelines(in, f.stories, f.doc_dates, f.duplicates);
  f.claim_groups = GroupClaims(in, f.stories);
  f.outlets = ProfileOutlets(in);
  f.conflicts = FindConflicts(in, f);
  return f;
}

}  // namespace sitrep::fuse
