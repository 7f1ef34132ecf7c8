// Every lowercase word literal of the grammar (grammar*.cc, parser.h), extracted from the
// sources; grammar_literals_test.cc fails when a rule gains a literal missing here (add it,
// in order). Over-listing is harmless: the list only keeps the parser's gates open.
#include "time/grammar_literals.h"

#include "time/scanner.h"

namespace sitrep::time {

namespace {

constexpr LitSet kGrammarLiterals({
    "a", "about", "ad", "after", "ago", "am", "an", "and", "annually", "anytime", "approximately", "around",
    "as", "at", "atm", "autumn", "b", "back", "bc", "bce", "be", "before", "beginning", "between", "biweekly",
    "bom", "boy", "bst", "by", "c", "ca", "cdt", "ce", "centuries", "century", "cest", "cet", "circa",
    "clock", "closest", "coming", "couple", "cst", "current", "currently", "d", "daily", "dawn", "day",
    "daybreak", "days", "decade", "decades", "dozen", "during", "dusk", "e", "each", "earlier", "early",
    "edt", "eest", "eet", "eighties", "end", "eod", "eom", "eoy", "est", "evening", "ever", "every", "fall",
    "few", "fifties", "fiscal", "following", "for", "formerly", "forties", "fortnightly", "from", "future",
    "gmt", "h", "half", "hence", "her", "his", "hourly", "hours", "hrs", "hundred", "ides", "in", "ish",
    "ist", "its", "jst", "just", "last", "late", "lately", "later", "lent", "local", "long", "m", "mid",
    "midday", "middle", "midnight", "millennium", "min", "mins", "minute", "minutes", "mo", "moment", "mon",
    "month", "monthly", "more", "msk", "next", "night", "nightly", "nineties", "no", "noon", "noughties",
    "now", "nowadays", "o", "oclock", "of", "old", "on", "once", "or", "other", "our", "out", "over",
    "overnight", "p", "past", "pdt", "per", "pm", "post", "pre", "preceding", "present", "presently",
    "previous", "previously", "prior", "pst", "q", "qtr", "quarter", "quarterly", "recently", "right",
    "roughly", "s", "same", "season", "seasons", "seventies", "sharp", "since", "sixties", "some", "sometime",
    "sometimes", "spring", "start", "starting", "subsequent", "summer", "t", "than", "that", "the", "their",
    "these", "thirties", "this", "thousand", "through", "throughout", "thru", "til", "till", "time", "times",
    "tmr", "tmrw", "to", "today", "todays", "tomorrow", "tomorrows", "tonight", "tonite", "twenties", "twice",
    "until", "untill", "up", "upcoming", "utc", "week", "weekday", "weekdays", "weekend", "weekends",
    "weekly", "when", "winter", "with", "within", "year", "yearly", "yesterday", "z",
});

}  // namespace

bool IsGrammarLiteral(uint64_t word_hash) { return kGrammarLiterals.Contains(word_hash); }

}  // namespace sitrep::time
