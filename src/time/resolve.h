// Internal to time/. Resolution: turns a parse tree (grammar.h) into a TIMEX3 value, a
// grain and an interval, given a reference and a direction.
#pragma once

#include <string>

#include "time/grammar.h"
#include "time/lexicon.h"
#include "time/timex.h"

namespace sitrep::time {

// Which candidate an underspecified expression picks.
enum class Direction : int8_t {
  kPast = -1,           // the latest at or before the reference (news default)
  kNearest = 0,         // the closest on either side
  kFuture = 1,          // the first not entirely before the reference
  kForwardStrict = 2,   // the first starting after the reference instant (assistant style)
};

struct ResolveContext {
  const Lexicon* lex = nullptr;
  const Reference* ref = nullptr;
  Direction dir = Direction::kPast;
  Tense tense = Tense::kUnknown;
  bool forward_mode = false;
  // SearchFields builds and sorts every candidate instead of walking out from the
  // reference (the slow obvious twin; TagOptions::reference_parse sets it).
  bool exhaustive_search = false;
};

struct Resolved {
  bool ok = false;  // interval valid
  Interval iv;
  Grain grain = Grain::kNone;
  TimexType type = TimexType::kDate;
  std::string value;  // set by resolution when not derived from iv/grain
  TimexMod mod = TimexMod::kNone;
  Bound bound = Bound::kNone;
  AnchorKind anchor = AnchorKind::kNone;
  bool relative = false;
  bool multi = false;        // iv covers several grain units: value is "a/b"
  Interval first, last;      // multi: the first and last unit
  std::string pod_code;      // part of day code for kPartOfDay values
  bool weekend = false;
  bool impossible = false;  // a stated date that cannot exist near the reference
};

// Resolves `node`. Never fails hard: without a usable reference the value stays
// underspecified ("XXXX-03-27") and ok is false.
Resolved Resolve(const Arena& arena, int node, const ResolveContext& ctx);

// Whether resolving `node` depends on the direction (so the tagger should read tense).
bool NeedsDirection(const Arena& arena, int node);

// TIMEX3 value of a resolved time (no special values).
std::string FormatValue(const Resolved& r);

// The stated fields of a parse, for document dating.
StatedFields CollectStated(const Arena& arena, int node);

}  // namespace sitrep::time
