// Internal to lexicon/. Finding and resolving the mentions of places, actors, people and
// sources in one document.
//
// FindMentions reads the document's sentences (or, when the text stage has not run, its
// lines) and returns every mention it can support, in text order. A mention either
// resolves to a lexicon entry or gazetteer place, or stays unresolved (`resolved` empty)
// when the text says it is a place or person but no entry fits; nothing is forced.
// `how` names the rule or context that decided, for review ("gazetteer: focus country SY",
// "descriptor -> Palmyra", "title: Kremlin spokesman").
//
// A descriptor ("the group", "the city") refers to the most recent compatible mention,
// except that "the city" / "the town" is the town the story is about when another town was
// only named in passing: the town named most so far (headline and first body sentence
// count twice), if named at least twice and more often than the most recent one, and the
// most recent one is not in the descriptor's own sentence.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.h"
#include "sitrep/document.h"

namespace sitrep::lexicon {

enum class MentionKind : uint8_t { kPlace, kActor, kPerson, kSource };
std::string_view MentionKindName(MentionKind k);  // "place", "actor", "person", "source"

struct Resolved {
  std::string id;       // GeoNames id, "sitrep:...", "country:CC", actor/source/person id
  std::string name;     // display name
  std::string type;     // places: "populated", "country", "admin1", "feature"; actors:
                        // "state armed forces", "government", "non-state armed group",
                        // "militia", "international organisation", "coalition";
                        // sources: "media or monitor"; persons: "person"
  std::string subtype;  // places: GeoNames feature code; sources: "monitor", "agency", ...
  std::string country;  // ISO code; empty when none
  std::string admin1;   // places: display name of the first-level division; else empty
  bool has_position = false;
  double lat = 0, lon = 0;
  char feature_class = 0;  // places: GeoNames class (P, A, S, T, H, L, ...)
  int precision = 0;       // places: 1 exact, 2 near it or part of it, 3 region only
  std::string affiliation;  // actors/sources: relations from the data; persons: the id of
                            // the organisation they lead or speak for
  std::string role;         // persons: title ("spokesman"); empty otherwise
  bool foreign = false;     // actors of a state other than the document's focus country
  // A relative position ("200 km southeast of Aleppo"): the place lies `offset_km` (0 when
  // not stated) toward `direction` ("southeast", "near", "outskirts") of the place above.
  std::string direction;
  double offset_km = 0;
};

struct Mention {
  static constexpr uint32_t kNoRef = 0xFFFFFFFFu;
  Span span;
  MentionKind kind = MentionKind::kPlace;
  std::optional<Resolved> resolved;
  std::string how;
  uint32_t refers_to = kNoRef;  // index (in the returned vector) of the mention this one
                                // refers back to: descriptors, pronouns, glosses
};

struct MentionOptions {
  // Drop mentions inside caption lines (photo captions repeat places loosely); default keep.
  bool skip_captions = false;
};

// Finds the mentions of `doc`. Uses doc.sentences when present, else splits doc.text into
// lines and sentences itself. Never fails: text it cannot use yields no mentions.
// Any number of threads may call it at once with one `lex`. Each thread keeps, between
// calls, its scratch buffers and a memo of the words it has seen (what the lexicon's
// indexes say about each: at most 65,536 words and 8,192 word pairs per index, about 6 MB;
// started over when the thread is given another Lexicon). The memo changes only speed:
// FindMentionsWithoutMemo gives the same mentions.
std::vector<Mention> FindMentions(const Document& doc, const Lexicon& lex,
                                  const MentionOptions& options = {});

// The slow obvious version of FindMentions, for tests: the same answer, with every word
// of the document looked up in the lexicon's tables and indexes themselves instead of
// through the calling thread's memo of words already seen, every candidate's values read
// and filtered one by one, and every gazetteer candidate of a place scored (FindMentions
// skips those that cannot win).
std::vector<Mention> FindMentionsWithoutMemo(const Document& doc, const Lexicon& lex,
                                             const MentionOptions& options = {});

// The document's focus country (ISO code) as FindMentions inferred it; empty when none.
std::string FocusCountry(const std::vector<Mention>& mentions);

}  // namespace sitrep::lexicon
