// Internal to extract/ (events.cc calls it). One change of control told several times in a
// document: later mentions without a date of their own take the date, and the background
// status, of the mention that gives one.
//
//   "The army lost control of X in December, having first recaptured it last March. [...]
//    After X was recaptured the first time, [...] The army lost X as it focused on Y."
//
// Without this pass the last two sentences read as news dated by the document; with it,
// "recaptured the first time" is the March recapture (background, March) and "lost X" the
// December loss (background, December).
//
// First, a sentence with no time expression of its own that follows, in the same
// paragraph, a sentence telling only background, is background too (asserted events dated
// by the document; not in the headline or first body sentence): "X seized the town in May
// 2015. Its destruction of the ruins provoked outrage, and the army's recapture [...]".
//
// Then a bare "the attack" (no agent of its own) that names an incident already told in an
// earlier sentence of its paragraph, or the sentence before, takes that incident's type ("A suicide bomber struck a wedding hall. The group
// claimed the attack.": a bombing) and, when that one has a date of its own, its date;
// and its place when it names none.
//
// Then one incident told over a paragraph: "Militants ambushed a convoy on Sunday. At least
// 30 soldiers were killed, and the group claimed the attack." A mention of a violent event
// dated only by the document (asserted, reported or denied; not in the lead) takes the date
// of the nearest earlier mention of the same family (clashes, bombings, attacks on
// civilians and killings; or air strikes and shelling) in its paragraph, dated by its own
// sentence, at the same place or a place on one side only,
// both news or both recollections (time_source "same event", rule "; dated by the same
// incident in sentence N"), and its place when the mention names none.
//
// Then (control_gained and control_lost only):
//   - a mention qualifies when its time came from the document date, its status is
//     asserted, reported, denied or background, and it is not in the headline or the first
//     body sentence (the news of the story, in its own words);
//   - an antecedent is a control event of the same document at the same place (lexicon
//     id, or the same words when neither is resolved) whose time came from its own sentence, and whose status is asserted,
//     reported or background;
//   - same type first: who gained and who lost agree (same id or text, or unknown; in
//     "X was driven out by Y" X loses and Y gains), and both or neither are re-captures
//     ("retook", "recapture of", "took back": a recapture is not the capture it reverses);
//     else the opposite type, when the gainer of one is not the loser of the other;
//   - a mention already read as background is dated only by a background antecedent;
//   - the nearest such antecedent before the mention, else the nearest after it in the
//     same paragraph (and then a news mention is never dated by a recollection);
//   - the mention takes the antecedent's time (time_source "same event"); it becomes
//     background when the antecedent is;
//   - the rule string gains "; dated by the same change in sentence N".
// Last, a change of control with no party named (not "X was driven out") takes the gainer
// (of a gain) or the loser (of a loss) of the nearest mention of the same type at the same
// place and date, both background or both not, that names one by lexicon id; the party's
// `how` says "same change in sentence N".
// Deterministic; never fails.
#pragma once

#include <vector>

#include "extract/events.h"
#include "extract/resources.h"

namespace sitrep::extract {

void LinkRecollections(const Resources& res, const Document& doc, std::vector<Event>* events);

}  // namespace sitrep::extract
