// Internal to ingest/. Finding the outlet of a document whose metadata names none.
//
// Scraped text and bare wire copy rarely carry an outlet field, yet the page usually says
// who published it in one of three conventional places. InferOutlet looks only there, in
// this order (the first that answers wins):
//
//  1. masthead: one of the first five non-blank lines is the outlet's name in capitals
//     ("ORIENT FREE PRESS"), with a navigation bar after it on the same line or the next
//     ("Home | Syria | Iraq", "News · Analysis · Opinion", items apart by wide gaps).
//     The name is given in title case ("Orient Free Press"); words of up to three letters
//     stay in capitals ("BBC").
//  2. copyright: one of the last twelve non-blank lines opens with "©", "(c)" or
//     "Copyright", an optional year or span of years, then the name up to a full stop,
//     comma, bar or "All rights". Photo credits ("© AP Photo / Name") are not outlets.
//  3. dateline: a line among the first forty opens with a place in capitals, an optional
//     ", date", then "(Name)" and a dash ("MOSUL, Jan 24 (Levant Wire) –", "KYIV (AP) —").
//     This is the agency that wrote the story; a publisher found by 1 or 2 wins over it,
//     since a page that syndicates wire copy is still the page that reports it.
//
// The masthead comes first because it is the publisher; a copyright line is usually the
// publisher too. Text over 1 MiB is looked at only in its first and last 64 KiB.
#pragma once

#include <string>
#include <string_view>

namespace sitrep::ingest {

struct OutletGuess {
  std::string name;  // empty when nothing was found
  std::string how;   // "masthead", "copyright" or "dateline"
  std::string line;  // the line it came from, trimmed (for `metadata.outlet_from`)
};

// Never fails; returns an empty guess when no convention above matches. `text` is
// valid UTF-8 with '\n' line ends (as ingest leaves it).
OutletGuess InferOutlet(std::string_view text);

}  // namespace sitrep::ingest
