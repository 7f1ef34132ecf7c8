#include "extract/annotate.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <limits>

#include "lexicon/mentions.h"
#include "time/civil.h"

namespace sitrep::extract {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// Index of the sentence holding byte `at`, or UINT32_MAX.
uint32_t SentenceAt(const Document& doc, uint32_t at) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), at,
                             [](uint32_t v, const Sentence& s) { return v < s.span.start; });
  if (it == doc.sentences.begin()) return std::numeric_limits<uint32_t>::max();
  --it;
  if (at >= it->span.end) return std::numeric_limits<uint32_t>::max();
  return static_cast<uint32_t>(it - doc.sentences.begin());
}

void FillResolved(const lexicon::Resolved& r, EntityRef& e) {
  e.id = r.id;
  e.name = r.name;
  e.country = r.country;
  e.has_position = r.has_position;
  e.lat = r.lat;
  e.lon = r.lon;
  e.precision = r.precision;
}

// The mention that resolves `m` (following refers_to to the first resolved one), or null.
const lexicon::Mention* ResolvedMention(const std::vector<lexicon::Mention>& ms, uint32_t i) {
  for (int hops = 0; i != lexicon::Mention::kNoRef && i < ms.size() && hops < 8; ++hops) {
    if (ms[i].resolved) return &ms[i];
    i = ms[i].refers_to;
  }
  return nullptr;
}

// *e becomes the record of party p (e must be default-constructed: fields p lacks are left
// as they are). (`steal`: move p's strings rather than copy them; Annotate's own
// Extraction is not read again.) Filled in place: building an EntityRef and moving it
// into the record moved each of its strings twice.
void FillFromParty(const Document& doc, const std::vector<lexicon::Mention>& ms, Party& p, bool steal,
                   EntityRef& e) {
  if (p.empty()) return;
  auto take = [steal](std::string& from, std::string& to) {
    if (from.empty()) return;
    if (steal) to = std::move(from);
    else to = from;
  };
  e.span = p.span;
  if (p.text.empty() && !p.span.empty()) e.text.assign(doc.view(p.span));
  else take(p.text, e.text);
  take(p.kind, e.kind);
  take(p.how, e.how);
  take(p.id, e.id);
  take(p.name, e.name);
  if (const lexicon::Mention* m = ResolvedMention(ms, p.mention)) {
    FillResolved(*m->resolved, e);
    if (e.kind.empty()) e.kind = lexicon::MentionKindName(m->kind);
  }
}

void FillFromMention(const Document& doc, const lexicon::Mention& m, const std::vector<lexicon::Mention>& ms,
                     EntityRef& e) {
  e.span = m.span;
  e.text.assign(doc.view(m.span));
  e.kind = lexicon::MentionKindName(m.kind);
  e.how = m.how;
  uint32_t self = static_cast<uint32_t>(&m - ms.data());
  if (const lexicon::Mention* r = ResolvedMention(ms, self)) FillResolved(*r->resolved, e);
}

// Whether a claim of `kind` can be the count of an event of `type`.
bool KindFitsEvent(std::string_view kind, std::string_view type) {
  const bool violent = type == "air_strike" || type == "shelling" || type == "armed_clash" || type == "bombing" ||
                       type == "attack_on_civilians" || type == "killing";
  if (kind == "killed" || kind == "wounded" || kind == "missing" || kind == "killed_or_missing" ||
      kind == "people") {
    return violent;
  }
  if (kind == "captured") return violent || type == "control_gained" || type == "control_lost" || type == "abduction";
  if (kind == "strikes") return type == "air_strike";
  if (kind == "missiles") return type == "shelling" || type == "air_strike";
  if (kind == "troops") return violent || type == "deployment" || type == "control_gained" || type == "control_lost";
  if (kind == "tanks" || kind == "bmps" || kind == "guns" || kind == "rocket_launchers" || kind == "aircraft" ||
      kind == "vehicles") {
    return type == "looting" || type == "destruction" || violent || type == "deployment";
  }
  if (kind == "territory_share") return type == "control_gained" || type == "control_lost";
  return true;
}

}  // namespace

std::pair<std::string, DatePrecision> TimexToDate(std::string_view v) {
  auto slash = v.find('/');
  if (slash != std::string_view::npos) v = v.substr(0, slash);
  if (!Digits(v, 0, 4)) return {"", DatePrecision::kNone};
  std::string year(v.substr(0, 4));
  if (v.size() == 4) return {year, DatePrecision::kYear};
  if (v[4] != '-') return {"", DatePrecision::kNone};
  if (Digits(v, 5, 2)) {
    std::string month = year + "-" + std::string(v.substr(5, 2));
    if (v.size() == 7) return {month, DatePrecision::kMonth};
    if (v[7] == '-' && Digits(v, 8, 2)) return {month + "-" + std::string(v.substr(8, 2)), DatePrecision::kDay};
    return {month, DatePrecision::kMonth};
  }
  if (v[5] == 'W' && Digits(v, 6, 2)) {
    int64_t monday = time::IsoWeekMonday(std::stoi(year), std::stoi(std::string(v.substr(6, 2))));
    time::CivilDate thu = time::CivilFromDays(monday + 3);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", thu.year, thu.month);
    return {buf, DatePrecision::kMonth};
  }
  return {year, DatePrecision::kYear};  // quarters, seasons, halves
}

namespace {
// "<doc>:<tag><i>" built in one allocation at most.
// (std::to_chars: snprintf was a tenth of the records' cost.)
std::string RecordId(const std::string& doc, char tag, size_t i) {
  char num[24];
  num[0] = ':';
  num[1] = tag;
  const char* end = std::to_chars(num + 2, num + sizeof num, i).ptr;
  std::string id;
  id.reserve(doc.size() + static_cast<size_t>(end - num));
  id += doc;
  id.append(num, static_cast<size_t>(end - num));
  return id;
}

const std::vector<uint32_t>& Bucket(const std::vector<std::vector<uint32_t>>& b, uint32_t sentence) {
  static const std::vector<uint32_t> kNone;
  return sentence < b.size() ? b[sentence] : kNone;
}
}  // namespace

// AttachRecords; with `steal`, strings are moved out of `x` instead of copied (x is left
// valid but unspecified).
void Attach(const Resources& res, const std::vector<lexicon::Mention>& mentions,
            const std::vector<time::DocumentTimex>& timexes, Extraction& x, bool steal, Document& doc) {
  auto take = [steal](std::string& from, std::string& to) {
    if (steal) to = std::move(from);
    else to = from;
  };
  doc.mentions.clear();
  doc.events.clear();
  doc.claims.clear();
  doc.mentions.reserve(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const lexicon::Mention& m = mentions[i];
    MentionRecord& r = doc.mentions.emplace_back();  // (filled in place: no moves)
    r.id = RecordId(doc.id, 'm', i);
    r.document = doc.id;
    r.sentence = SentenceAt(doc, m.span.start);
    FillFromMention(doc, m, mentions, r.entity);
    if (m.resolved) r.type = m.resolved->type;
    r.refers_to = m.refers_to == lexicon::Mention::kNoRef ? -1 : static_cast<int32_t>(m.refers_to);
  }

  doc.events.reserve(x.events.size());
  for (size_t i = 0; i < x.events.size(); ++i) {
    Event& ev = x.events[i];
    EventRecord& r = doc.events.emplace_back();
    r.id = RecordId(doc.id, 'e', i);
    r.document = doc.id;
    r.sentence = ev.sentence;
    r.span = ev.trigger;
    r.trigger = std::string(doc.view(ev.trigger));
    if (ev.type < res.event_types().size()) r.type = res.event_types()[ev.type].id;
    r.status = StatusName(ev.status);
    r.frame = FrameName(ev.frame);
    take(ev.rule, r.rule);
    FillFromParty(doc, mentions, ev.agent, steal, r.agent);
    FillFromParty(doc, mentions, ev.target, steal, r.target);
    FillFromParty(doc, mentions, ev.place, steal, r.place);
    take(ev.instrument, r.instrument);
    auto [date, precision] = TimexToDate(ev.time);
    take(ev.time, r.timex);
    r.date = std::move(date);
    r.date_precision = precision;
    r.time_span = ev.time_span;
    take(ev.time_source, r.time_source);
    FillFromParty(doc, mentions, ev.claimed_by, steal, r.claimed_by);
    take(ev.reported_by, r.reported_by);
    r.line_kind = ev.line_kind;
    if (ev.sentence < doc.sentences.size()) r.quote.assign(doc.view(doc.sentences[ev.sentence].span));
  }

  // Events and resolved place mentions by sentence, so that each claim looks only at its
  // own sentence (a scan of the whole document per claim made this quadratic).
  std::vector<std::vector<uint32_t>> events_of(doc.sentences.size()), places_of(doc.sentences.size());
  for (size_t i = 0; i < doc.events.size(); ++i) {
    if (doc.events[i].sentence < events_of.size()) events_of[doc.events[i].sentence].push_back(static_cast<uint32_t>(i));
  }
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const MentionRecord& m = doc.mentions[i];
    if (m.entity.kind == "place" && !m.entity.id.empty() && m.sentence < places_of.size()) {
      places_of[m.sentence].push_back(static_cast<uint32_t>(i));
    }
  }
  doc.claims.reserve(x.claims.size());
  for (size_t i = 0; i < x.claims.size(); ++i) {
    Claim& c = x.claims[i];
    // (Read before the strings are taken: the lead-in rule below asks how the claimant was found.)
    const bool list_lead = c.claimed_by.how == "list-lead" && !c.claimed_by.span.empty();
    const uint32_t claimant_start = c.claimed_by.span.start;
    ClaimRecord& r = doc.claims.emplace_back();
    r.id = RecordId(doc.id, 'c', i);
    r.document = doc.id;
    r.sentence = c.sentence;
    r.span = c.span;
    r.number = c.number;
    take(c.kind, r.kind);
    take(c.noun, r.item);
    take(c.calibre, r.calibre);
    r.low = c.low;
    r.high = c.high;
    r.acled = c.acled;
    take(c.modifier, r.modifier);
    r.effect = ModEffectName(c.effect);
    r.vague = c.vague;
    r.approx = c.vague || c.effect == ModEffect::kApprox || (c.low >= 0 && c.high >= 0 && c.low != c.high);
    FillFromParty(doc, mentions, c.about, steal, r.about);
    FillFromParty(doc, mentions, c.claimed_by, steal, r.claimed_by);
    take(c.reported_by, r.reported_by);
    take(c.rule, r.rule);
    r.line_kind = c.line_kind;
    if (c.sentence < doc.sentences.size()) r.quote.assign(doc.view(doc.sentences[c.sentence].span));

    // The event it belongs to: the event of the same sentence whose trigger is nearest,
    // among those whose type fits the count (a death toll belongs to the strike, not to
    // the withdrawal beside it) when there is one.
    const EventRecord* best = nullptr;
    uint64_t best_gap = std::numeric_limits<uint64_t>::max();
    for (uint32_t ei : Bucket(events_of, c.sentence)) {
      const EventRecord& e = doc.events[ei];
      uint64_t gap = e.span.start > c.span.start ? e.span.start - c.span.start : c.span.start - e.span.start;
      if (!KindFitsEvent(r.kind, e.type)) gap += 1ull << 32;
      if (gap < best_gap) best_gap = gap, best = &e;
    }
    if (best != nullptr) {
      r.event = best->id;
      r.place = best->place;
      r.date = best->date;
      r.date_precision = best->date_precision;
    }
    if (r.place.empty() && best == nullptr && list_lead) {
      // "• 30 tanks" under "the spoils from Palmyra amount to the following:": the place
      // the lead-in names.
      const uint32_t lead = SentenceAt(doc, claimant_start);
      for (uint32_t mi : Bucket(places_of, lead)) {
        r.place = doc.mentions[mi].entity;
        break;
      }
    }
    if (r.place.empty() && best == nullptr) {
      // The nearest resolved place mention of the sentence (a claim tied to an event takes
      // the event's place, even none: the event's rules know a party from a place).
      uint32_t gap_best = std::numeric_limits<uint32_t>::max();
      for (uint32_t mi : Bucket(places_of, c.sentence)) {
        const MentionRecord& m = doc.mentions[mi];
        uint32_t gap = m.entity.span.start > c.span.start ? m.entity.span.start - c.span.start
                                                          : c.span.start - m.entity.span.start;
        if (gap < gap_best) gap_best = gap, r.place = m.entity;
      }
    }
    if (r.date.empty()) {
      // (timexes are in text order: start at the claim's sentence.)
      auto from = std::lower_bound(timexes.begin(), timexes.end(), c.sentence,
                                   [](const time::DocumentTimex& t, uint32_t s) { return t.sentence < s; });
      for (auto it = from; it != timexes.end() && it->sentence == c.sentence; ++it) {
        const time::DocumentTimex& t = *it;
        if (t.timex.type != time::TimexType::kDate) continue;
        auto [date, precision] = TimexToDate(t.timex.value);
        if (!date.empty()) {
          r.date = std::move(date);
          r.date_precision = precision;
          break;
        }
      }
    }
    if (r.date.empty() && !doc.date.value.empty()) {
      r.date = doc.date.value;
      r.date_precision = doc.date.precision;
    }
  }
}

void Annotate(const Annotator& a, Document& doc) {
  std::vector<lexicon::Mention> mentions;
  if (a.lexicon != nullptr) mentions = lexicon::FindMentions(doc, *a.lexicon);
  std::vector<time::DocumentTimex> timexes;
  if (a.tagger != nullptr) {
    time::Reference ref = time::Reference::Unknown();
    if (!doc.date.value.empty()) {
      auto parsed = time::Reference::Parse(doc.date.value, time::AnchorKind::kDocumentDate);
      if (parsed.ok()) ref = *parsed;
    }
    timexes = time::TagDocument(*a.tagger, doc, ref, {});
  }
  Extraction x = Extract(*a.resources, doc, mentions, timexes);
  Attach(*a.resources, mentions, timexes, x, /*steal=*/true, doc);
}

void AttachRecords(const Resources& res, const std::vector<lexicon::Mention>& mentions,
                   const std::vector<time::DocumentTimex>& timexes, const Extraction& x,
                   Document& doc) {
  // (Attach without stealing only reads x.)
  Attach(res, mentions, timexes, const_cast<Extraction&>(x), /*steal=*/false, doc);
}

}  // namespace sitrep::extract
