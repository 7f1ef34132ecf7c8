// Internal to fuse/ (claims_table.cc, conflicts.cc, outlets.cc and their tests). Small
// helpers the three table builders share: the outlet a record is shown under, content ids,
// number formatting and the claim words as written.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fuse/fuse.h"

namespace sitrep::fuse {

// The host of a URL ("https://www.example.org/a/b" -> "example.org"; a leading "www." is
// dropped); empty when `url` has no "scheme://host".
std::string UrlHost(std::string_view url);

// The name a document is shown under in the tables: DocInfo.outlet, else `reported_by`
// (the outlet a record carries), else the host of its url or source, else for a local
// file "(unknown outlet: FILE NAME)" (so that documents of unknown outlets are not all
// pooled into one profile), else "(unknown outlet)". `doc` may be null (a record whose
// document is not in the input).
std::string OutletName(const DocInfo* doc, std::string_view reported_by = {});

// Documents by id (pointers into `in.docs`, valid while it lives).
std::map<std::string, const DocInfo*, std::less<>> DocsById(const Input& in);

// prefix + 16 hex digits of a hash of `parts` sorted and joined: the same set of parts in
// any order gives the same id.
std::string SetId(char prefix, std::vector<std::string> parts);

// A number as a reader writes it: 3000 -> "3,000", 12.5 -> "12.5", -1 -> "?".
std::string FormatNumber(double v);

// The claim's words as written ("more than 3,000 fighters"), cut from its quote (the
// sentence) once the sentence's start offset is known. `anchors` are (span, text) pairs of
// other records in the same sentence (mentions, event triggers) that fix that offset; when
// none decides it, the claim's own item and modifier choose among the places the span
// fits, and failing that the words are rebuilt from modifier, figures and item.
std::string ClaimText(const ClaimRecord& c,
                      const std::vector<std::pair<Span, std::string_view>>& anchors);

// claims_table.cc: GroupClaims computed the slow, obvious way (every pair of claims compared
// in the adoption steps). The same result; for tests.
std::vector<ClaimGroup> GroupClaimsSlow(const Input& in, const std::vector<Story>& stories);
// conflicts.cc: FindConflicts with every pair of values of a group compared. The same
// result; for tests.
std::vector<Conflict> FindConflictsSlow(const Input& in, const Fusion& so_far);
// claims_table.cc: recomputes g.low / best / high from g.values by the rule stated there.
void CombineFigures(ClaimGroup& g);
// claims_table.cc: whether the group knows who it counts (a party or civilians).
bool PartyKnown(const ClaimGroup& g);

}  // namespace sitrep::fuse
