// Internal to extract/ (`sitrep eval` calls it). Gold files and scoring: how well the
// events and claims of a run match hand annotations. The format is in docs/FORMATS.md,
// section "Gold files"; in short, one document a block:
//
//   doc: ua-izium-1
//   date: 2022-04-01
//   outlet: wire                        (optional)
//   > Ukrainian troops recaptured the town on Friday, the governor said.
//   event: control_gained | at=recaptured | status=reported | agent=Ukrainian troops | ...
//   claim: killed 12..? | at=at least 12 | by=the governor | about=Russian
//
// Scoring (Score): a system record matches a gold one when its span overlaps the gold
// `at` words (events: the trigger; claims: the whole claim); one-to-one, gold order.
//   events.<type>   TP: matched with the same type; FP: system events of that type left
//                   unmatched (or matched with another type); FN: the same for gold.
//   events.all, events.core (control_gained, control_lost, air_strike, armed_clash, killing)
//   event.<field>   over matched events of the right type: TP the field agrees and is set,
//                   FP system set and wrong, FN gold set and system wrong or empty.
//                   Fields: status, agent, target, place, date, instrument.
//   claims.all      TP: matched with the same kind; claims.claimant: also the same claimant
//                   (both empty counts as the same: the outlet's own claim).
//   claim.<field>   kind, low, high, approx, about, claimed_by, as for events.
// Parties compare leniently: case, a leading "the" and punctuation ignored, gold equal to
// the system's text, name or id, or either contained in the other at word boundaries;
// a gold value may list alternatives with '/'.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/env.h"
#include "sitrep/status.h"

namespace sitrep::extract {

struct GoldRecord {
  int line = 0;                 // line of the gold file
  std::string type;             // events: ontology id; claims: kind
  double low = -1, high = -1;   // claims only; -1 open
  std::string at;               // the words as written, without the "#n" suffix
  int occurrence = 1;           // "#n": the n-th occurrence of `at` in the text
  Span span;                    // `at` located in the text
  std::map<std::string, std::string> fields;  // status, agent, target, place, date, instrument;
                                              // about, by, approx
};

struct GoldDocument {
  std::string path;  // the gold file
  int line = 0;      // its "doc:" line
  std::string id;
  std::string date;    // ISO date of the document ("published")
  std::string outlet;  // may be empty
  std::string text;    // the "> " lines joined with '\n'
  bool has_text = false;
  std::vector<GoldRecord> events;
  std::vector<GoldRecord> claims;
};

// Parses one gold file's content. BadInput "<path>:<line>: <why>" for an unknown key, a
// record before any "doc:", an `at` not found in the text, a bad number or date, or a
// duplicate document id in the file.
Result<std::vector<GoldDocument>> ParseGold(std::string_view content, const std::string& path);

// A gold file, or every "*.gold" file under a folder (sorted by path). Fails as ParseGold,
// NotFound when `path` does not exist or a folder holds no gold file.
Result<std::vector<GoldDocument>> ReadGold(const FileSystem& fs, const std::string& path);

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

// One disagreement, for tuning: what was expected and what came out.
struct Mismatch {
  std::string document;
  int line = 0;         // gold line; 0 for a system record with no gold counterpart
  std::string what;     // "missed event", "spurious claim", "event.agent", ...
  std::string gold;     // expected value (or the gold record)
  std::string system;   // what the system said (or the system record)
  std::string sentence; // the sentence it is in
};

struct Scores {
  int documents = 0;
  std::map<std::string, Counts> metrics;  // "events.all", "event.agent", "claims.claimant", ...
  std::vector<Mismatch> mismatches;
  // precision / recall / f1 of a metric by name "<metric>.p|r|f1"; -1 when unknown.
  double Value(std::string_view name) const;
};

// Scores the records of `system` (documents after extraction, doc.events and doc.claims
// filled) against `gold`, paired by position (system[i] is gold[i]'s document run through
// the pipeline). Adds to `*scores` (so several calls accumulate).
void Score(const GoldDocument& gold, const Document& system, Scores* scores);

// True when `gold` (a gold party value, '/' for alternatives) names the party of `sys`
// text/name/id (see the top of the file).
bool PartyMatches(std::string_view gold, std::string_view text, std::string_view name, std::string_view id);

// Floors: "<metric>.<p|r|f1> <minimum>" a line, '#' comments. BadInput on a malformed line.
Result<std::vector<std::pair<std::string, double>>> ParseFloors(std::string_view content, const std::string& path);

}  // namespace sitrep::extract
