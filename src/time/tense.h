// Internal to time/. Reads the tense of the clause around a time expression, which picks
// the direction of underspecified expressions ("on Sunday" is the Sunday just gone in
// "recaptured Palmyra on Sunday", the next one in "will enter on Sunday").
#pragma once

#include <cstdint>

#include "time/scanner.h"
#include "time/timex.h"

namespace sitrep::time {

// The tense cue nearest to tokens [begin, end) within their clause: future auxiliaries
// and verbs ("will", "expected to", "plans to"), past forms ("was", "said", verbs in -ed
// that are not adjectives), present auxiliaries. kUnknown when the clause has no cue.
Tense DetectTense(const Scan& scan, uint32_t begin, uint32_t end);

// The same, reading every token of the window (the slow obvious twin: DetectTense stops
// once no cue further out could beat the best one found). tense_test.cc compares them.
Tense DetectTenseSlow(const Scan& scan, uint32_t begin, uint32_t end);

}  // namespace sitrep::time
