// Internal to fuse/. The steps of Fuse() (fuse.cc), each in its own file, in the order
// Fuse calls them. Every step receives the Input sorted by id (documents, events, claims,
// mentions) and the results of the steps before it; none depends on input order.
#pragma once

#include <vector>

#include "fuse/fuse.h"

namespace sitrep::fuse {

// duplicates.cc: groups of documents whose MinHash similarity is at least 0.8.
std::vector<DuplicateGroup> FindDuplicates(const Input& in);
// The same groups by comparing every pair (quadratic; for tests).
std::vector<DuplicateGroup> FindDuplicatesSlow(const Input& in);

// stories.cc: events of the same type, compatible place, time and parties merged across
// documents; copies (duplicates) add mentions but not documents or sources.
std::vector<Story> BuildStories(const Input& in, const std::vector<DuplicateGroup>& dups);
// The same stories with every story a candidate for every event (quadratic; for tests).
std::vector<Story> BuildStoriesSlow(const Input& in, const std::vector<DuplicateGroup>& dups);

// dating.cc: undated documents dated from the stories they share with dated documents;
// dated documents whose content contradicts their date flagged.
void DateDocuments(const Input& in, const std::vector<Story>& stories,
                   std::vector<DocDate>* dates, std::vector<DateFlag>* flags);
// The same with every hypothesis scored against every candidate and every story's date
// recomputed per event (for tests).
void DateDocumentsSlow(const Input& in, const std::vector<Story>& stories,
                       std::vector<DocDate>* dates, std::vector<DateFlag>* flags);

// timeline.cc: control periods per place from control_gained / control_lost stories
// (and their implications), expected events apart.
// With `dups`, a copy's report and its original's count once (the copy's evidence is
// dropped where its original's stands beside it).
std::vector<Timeline> BuildTimelines(const Input& in, const std::vector<Story>& stories,
                                     const std::vector<DocDate>& dates);
std::vector<Timeline> BuildTimelines(const Input& in, const std::vector<Story>& stories,
                                     const std::vector<DocDate>& dates,
                                     const std::vector<DuplicateGroup>& dups);

// claims_table.cc: claims grouped by subject with a combined low / best / high.
std::vector<ClaimGroup> GroupClaims(const Input& in, const std::vector<Story>& stories);

// conflicts.cc: numeric conflicts within claim groups, control conflicts from disputed
// periods, date conflicts from date flags.
std::vector<Conflict> FindConflicts(const Input& in, const Fusion& so_far);

// outlets.cc: per outlet, the words used for each party and each kind of event.
std::vector<OutletProfile> ProfileOutlets(const Input& in);

}  // namespace sitrep::fuse
