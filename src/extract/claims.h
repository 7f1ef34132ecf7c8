// Internal to extract/ (the pipeline calls it). Claims: every number a document states
// about the war, what it counts, its bounds, whom it is about and who claims it.
//
//   auto res = extract::Resources::Default();                  // once per process
//   auto mentions = lexicon::FindMentions(doc, lex);            // optional
//   auto timexes = time::TagDocument(tagger, doc, ref, {});     // optional
//   for (const Claim& c : extract::FindClaims(**res, doc, mentions, timexes)) ...
//
// What is a claim: a number expression (digits "1,800", number words "twenty-five",
// multipliers "1.5 million", "two hundred", vague quantities "dozens", "a few dozen",
// "scores", "hundreds", "untold", ranges "10 to 15", "between 10 and 15"), with an optional
// modifier before it ("at least", "well over", "around", "as many as"), that counts
// something claim_kinds.tsv knows: a noun after it ("30 tanks", "93%", "200 km"), a
// casualty word after it ("400 fighters died", "over 100 were killed or are still missing")
// or before it ("killed 300 militants"). A noun claim_kinds does not know still counts
// when a casualty predicate follows ("four aid workers were killed", "eight of the
// assailants died"); people listed beside a toll share its kind ("killed 12 civilians,
// including five children", "among them", "two of them children", "killed 60 Afghans and
// 13 US troops"). A number with no kind is not a claim.
//
// Never claims: numbers inside a time expression of `timexes` (years, dates, clock
// times, durations), ages ("aged 25", "25-year-old"), calibres ("122 mm" is the calibre
// of the gun count around it), ordinals, anything outside doc.sentences (dropped page
// furniture has no sentence), labels ("page 3", "Resolution 2254"), areas ("11 square
// kilometres"), percentages not of something ("shrank by 25 percent"), "one of the
// soldiers said". A bullet line ("• 30 tanks") is a sentence like any other.
//
// A casualty word after a person noun decides the kind over the noun, also past a
// coordinated noun or short modifier ("180 soldiers and allied fighters were also killed");
// an active verb does not ("troops killed 40 militants" counts troops). "44 of the 50
// missiles" counts missiles; "28 tanks, including eight X" counts tanks twice; "the toll
// ... has risen to 112" counts the dead.
//
// About: an actor inside the claim or right after it ("of X", "loyal to X"; a person stands
// for the side they lead or speak for), the subject of "lost"/"had"/"deployed" before it,
// the armed group named in the last three sentences for "militants"/"insurgents" (and
// "fighters" counted beside them), and for a bare toll the side whose men the same
// paragraph counted. Otherwise empty.
//
// Attribution: `claimed_by` is who states the number in the same sentence ("X said",
// "according to X", "X reported that", "X told Y", "..., said X", "reports suggest"): the
// head of the subject, not a name inside its modifiers ("forces loyal to the regime of X
// claimed" -> "forces"), never the clause after the verb. A pronoun ("he said") resolves to
// the latest person named before it in its paragraph, else the speaker a later sentence of
// the paragraph names, else a named person of the paragraph before; otherwise it stays as
// written. Inside a quotation that runs over several sentences: the speaker named where
// the quotation opens or closes. Bullet lines ("• 30 tanks") take the claimant of the line
// that leads into the list ("Unofficial reports suggest ... the following:"). Mentions
// resolve the claimant when one covers it (a place inside a longer claimant does not:
// "Syria's antiquities chief"); otherwise the words are kept as text ("Russian
// news agencies", "a pro-regime source"). The outlet that publishes the document is the
// reporter (Document::outlet), not the claimant; an empty claimed_by means the outlet's
// own statement. A clause after a semicolon with its own claimant speaks for its numbers;
// a speaker in a later relative or subordinate clause ("..., which the army said it had
// retaken") does not state the number; "it/they said" take the paragraph's last speaker,
// "we" outside a quotation is the outlet.
//
// Session 5 (general wire patterns): "X (ACRONYM) said" is X; "were reported killed", "were
// said to have been killed" name no speaker, "as reported by X" names X; a clause after
// ";", ", and", "while", "whereas", "but" or "where" with its own speaker speaks for the
// numbers in it; a speaker after the claim behind ", and" or "but" does not state it;
// ", saying/adding ..." speaks for the subject of the clause before it; who is told
// ("told AFP") never speaks; speech outside quotation marks comes before speech inside;
// a quoted paragraph after a lead-in ending with ':' is the lead-in speaker's. Tolls:
// "brings to N the number of ... killed", "the toll ... to N", "the number of displaced
// at N", "bringing the total to N" (the kind of the claim before), "X losses at N". About,
// when no mention names it: the claim's own side word ("40 Russian soldiers", "30 enemy
// fighters", "on the Armenian side", "among government forces"), the subject of "lost"
// ("The enemy lost up to 60"), the speaker for "N of its/their men".
//
// Session 6 (new dev text from other wars): tolls of person nouns ("the toll had risen to 71
// soldiers", "put its losses at 175 soldiers", "put the government's dead at 11 policemen")
// count the dead; "N of the wounded/missing", "N of the victims" after a toll, "N of them
// were" after a count; people added to a toll ("along with", "as well as", "including 11
// women and 13 children", "and 27 Australians", lists "13 members ..., two officials and 14
// civilians were killed"); "taken/holding N hostages" are captured, freed prisoners are no
// claim; table lines ("Killed: 1,109"). Claimants for numbers only (ClaimantsForClaims in
// attribution.h, never for events): a headline's "..., claims N killed", transcript speaker
// labels ("SPOKESMAN (Name):"; one-letter "Q:"/"A:" name nobody), a "Source: X" line under a
// table. "Our monitors" is the outlet; "Survivors who reached X told" is the survivors;
// "which they said" is the sentence's subject; an according-to phrase governs only its
// own clause; a number in a fronted place apposition ("In X, a town 60 km north of Y,
// residents said") is the writer's.
//
// Session 7 (articles4 dev, wars not seen before): a '|' table's cell holding only a number
// takes the kind its column header names ("Locality | Killed | Injured"); "losses ... were N"
// counts the dead; prisoners "have been taken" are captured; "together with N" lists people
// of the toll before; "perhaps" is approx; speakers counted with their unit ("two soldiers
// of a brigade told") are no count. Claimants: a long title-and-name subject before "and
// said"; a manner adverb before the verb ("falsely claimed"); "our X" is the outlet only
// for reporting staff ("our correspondent", not "our medical department"); transcript
// labels of the outlet's own staff speak as the outlet; who is told ("told Levant Wire")
// is never the antecedent of "he"; "a claim/report by X that ..." and "which X blames for
// ..." give X the numbers after them; a bullet ending with its source in brackets ("(IOM
// DTM)", not an acronym gloss, a place or a caption's credit) and a headline's source after
// its last dash ("- DHQ": an acronym or a known name) name the claimant of their numbers.
//
// Never fails; a document without sentences yields no claims. Output is in text order.
// Thread-safe for concurrent calls sharing one Resources.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/resources.h"
#include "lexicon/mentions.h"
#include "sitrep/document.h"
#include "time/timex.h"

namespace sitrep::extract {

// A party in a claim or event: resolved to a mention when one covers it, else text.
struct Party {
  Span span;                // in Document::text; empty when there is no party
  std::string text;         // the words as written
  std::string id;           // lexicon id of the resolved entity; empty when unresolved
  std::string name;         // display name when resolved
  std::string kind;         // "source", "actor", "person", "place" (from the mention), or "" for text
  uint32_t mention = lexicon::Mention::kNoRef;  // index into the mentions given
  std::string how;          // rule: "said-subject", "according-to", "pronoun", "quote", ...
  bool empty() const { return span.empty() && text.empty(); }
};

struct Claim {
  std::string document;     // Document::id
  uint32_t sentence = 0;    // index into Document::sentences
  Span span;                // the whole claim: modifier, number, counted noun / casualty word
  Span number;              // the number words alone
  std::string kind;         // claim_kinds.tsv kind: killed, wounded, missing, killed_or_missing,
                            // troops, people, strikes, missiles, tanks, bmps, guns,
                            // rocket_launchers, aircraft, territory_share, distance
  std::string noun;         // the counted noun as written ("tanks", "fighters"); may be empty
  std::string calibre;      // guns: "122 / 7", "23", "122 mm"; else empty
  double low = -1;          // -1: open (no lower bound stated)
  double high = -1;         // -1: open
  double acled = -1;        // the single figure ACLED's conventions record (dozens 12)
  ModEffect effect = ModEffect::kNone;
  std::string modifier;     // "at least", "as many as"; empty when none
  bool vague = false;       // a quantity word without a number ("dozens", "untold")
  Party about;              // the party counted ("IS militants" -> IS)
  Party claimed_by;         // who states it (empty: the outlet itself)
  std::string reported_by;  // the outlet that publishes it (Document::outlet; may be empty)
  LineKind line_kind = LineKind::kBody;  // the sentence's kind: body, headline or caption
  std::string rule;         // the rule that produced it: "noun", "casualty-after", ...
};

// The claims of `doc` (see the top of this file). `mentions` and `timexes` may be empty;
// they must come from the same document (spans in doc.text coordinates).
std::vector<Claim> FindClaims(const Resources& res, const Document& doc,
                              const std::vector<lexicon::Mention>& mentions,
                              const std::vector<time::DocumentTimex>& timexes);

// The value of a folded number token with separators ("1,800", "3.5", "1.000.000"); false
// for what is no count (clock times "10:30", ordinals "3rd", decades "1990s"). The fast
// version reads plain digits and commas itself; ParseDigitsSlow is the obvious one
// (separators stripped, strtod) that claims_test compares it with.
bool ParseDigits(std::string_view s, double* out);
bool ParseDigitsSlow(std::string_view s, double* out);

// The value of an exact number word ("five", "twenty-five"), or -1. The FoldedWord version
// probes with the hash the word carries; NumberWordSlow looks each part up as a string
// (claims_test compares them).
double NumberWord(const Resources& res, const FoldedWord& folded);
double NumberWordSlow(const Resources& res, std::string_view folded);

}  // namespace sitrep::extract
