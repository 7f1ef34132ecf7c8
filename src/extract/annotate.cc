#include "extract/annotate.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <limits>
#include <span>

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

DatePrecision TimexToDateInto(std::string_view v, std::string* date) {
  date->clear();
  auto slash = v.find('/');
  if (slash != std::string_view::npos) v = v.substr(0, slash);
  if (!Digits(v, 0, 4)) return DatePrecision::kNone;
  if (v.size() == 4) {
    date->assign(v);
    return DatePrecision::kYear;
  }
  if (v[4] != '-') return DatePrecision::kNone;
  if (Digits(v, 5, 2)) {
    if (v.size() > 7 && v[7] == '-' && Digits(v, 8, 2)) {
      date->assign(v.substr(0, 10));
      return DatePrecision::kDay;
    }
    date->assign(v.substr(0, 7));
    return DatePrecision::kMonth;
  }
  if (v[5] == 'W' && Digits(v, 6, 2)) {
    const int year = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
    const int week = (v[6] - '0') * 10 + (v[7] - '0');
    time::CivilDate thu = time::CivilFromDays(time::IsoWeekMonday(year, week) + 3);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", thu.year, thu.month);
    date->assign(buf);
    return DatePrecision::kMonth;
  }
  date->assign(v.substr(0, 4));
  return DatePrecision::kYear;  // quarters, seasons, halves
}

namespace {
// *out = "<doc>:<tag><i>", in the buffer *out already has.
// (std::to_chars: snprintf was a tenth of the records' cost.)
void SetRecordId(const std::string& doc, char tag, size_t i, std::string* out) {
  char num[24];
  num[0] = ':';
  num[1] = tag;
  const char* end = std::to_chars(num + 2, num + sizeof num, i).ptr;
  out->assign(doc);
  out->append(num, static_cast<size_t>(end - num));
}

// Each Reset puts a record back to its default state but keeps its strings' buffers, so
// that refilling a list in place allocates only for strings longer than before. The
// structured bindings stop compiling when a field is added to a record: reset it here.
void Reset(EntityRef& e) {
  auto& [text, span, id, name, kind, country, has_position, lat, lon, precision, how] = e;
  text.clear();
  span = {};
  id.clear();
  name.clear();
  kind.clear();
  country.clear();
  has_position = false;
  lat = 0;
  lon = 0;
  precision = 0;
  how.clear();
}

void Reset(MentionRecord& r) {
  auto& [id, document, sentence, entity, type, refers_to] = r;
  id.clear();
  document.clear();
  sentence = 0;
  Reset(entity);
  type.clear();
  refers_to = -1;
}

void Reset(EventRecord& r) {
  auto& [id, document, sentence, span, trigger, type, status, frame, rule, agent, target, place, instrument, date,
         date_precision, timex, time_span, time_source, claimed_by, reported_by, line_kind, quote] = r;
  for (std::string* s : {&id, &document, &trigger, &type, &status, &frame, &rule, &instrument, &date, &timex,
                         &time_source, &reported_by, &quote})
    s->clear();
  sentence = 0;
  span = {};
  Reset(agent);
  Reset(target);
  Reset(place);
  date_precision = DatePrecision::kNone;
  time_span = {};
  Reset(claimed_by);
  line_kind = LineKind::kBody;
}

void Reset(ClaimRecord& r) {
  auto& [id, document, sentence, span, number, kind, item, calibre, low, high, acled, modifier, effect, approx, vague,
         about, claimed_by, reported_by, place, date, date_precision, event, rule, line_kind, quote] = r;
  for (std::string* s : {&id, &document, &kind, &item, &calibre, &modifier, &effect, &reported_by, &date, &event,
                         &rule, &quote})
    s->clear();
  sentence = 0;
  span = {};
  number = {};
  low = -1;
  high = -1;
  acled = -1;
  approx = false;
  vague = false;
  Reset(about);
  Reset(claimed_by);
  Reset(place);
  date_precision = DatePrecision::kNone;
  line_kind = LineKind::kBody;
}

// `list` resized to n records, each reset (those it already held keep their buffers).
template <typename R>
void Refill(std::vector<R>& list, size_t n) {
  if (list.size() > n) list.resize(n);
  for (R& r : list) Reset(r);
  list.resize(n);
}

// Record indices grouped by sentence (a counting sort: stable, so each sentence lists its
// records in order), in buffers reused between calls on one thread.
class BySentence {
 public:
  // Groups i in [0, n) under sentence_of(i) when that is < sentences and keep(i).
  template <typename SentenceOf, typename Keep>
  void Build(size_t sentences, size_t n, SentenceOf sentence_of, Keep keep) {
    start_.assign(sentences + 1, 0);
    for (size_t i = 0; i < n; ++i) {
      const uint32_t s = sentence_of(i);
      if (s < sentences && keep(i)) ++start_[s + 1];
    }
    for (size_t s = 0; s < sentences; ++s) start_[s + 1] += start_[s];
    items_.resize(start_[sentences]);
    fill_.assign(start_.begin(), start_.end() - 1);
    for (size_t i = 0; i < n; ++i) {
      const uint32_t s = sentence_of(i);
      if (s < sentences && keep(i)) items_[fill_[s]++] = static_cast<uint32_t>(i);
    }
  }
  std::span<const uint32_t> Of(uint32_t sentence) const {
    if (start_.empty() || sentence >= start_.size() - 1) return {};
    return {items_.data() + start_[sentence], items_.data() + start_[sentence + 1]};
  }

 private:
  std::vector<uint32_t> start_, fill_, items_;
};
}  // namespace

// AttachRecords; with `steal`, strings are moved out of `x` instead of copied (x is left
// valid but unspecified). The three lists are refilled in place (see Refill).
void Attach(const Resources& res, const std::vector<lexicon::Mention>& mentions,
            const std::vector<time::DocumentTimex>& timexes, Extraction& x, bool steal, Document& doc) {
  auto take = [steal](std::string& from, std::string& to) {
    if (steal) to = std::move(from);
    else to = from;
  };
  Refill(doc.mentions, mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const lexicon::Mention& m = mentions[i];
    MentionRecord& r = doc.mentions[i];
    SetRecordId(doc.id, 'm', i, &r.id);
    r.document = doc.id;
    r.sentence = SentenceAt(doc, m.span.start);
    FillFromMention(doc, m, mentions, r.entity);
    if (m.resolved) r.type = m.resolved->type;
    r.refers_to = m.refers_to == lexicon::Mention::kNoRef ? -1 : static_cast<int32_t>(m.refers_to);
  }

  Refill(doc.events, x.events.size());
  for (size_t i = 0; i < x.events.size(); ++i) {
    Event& ev = x.events[i];
    EventRecord& r = doc.events[i];
    SetRecordId(doc.id, 'e', i, &r.id);
    r.document = doc.id;
    r.sentence = ev.sentence;
    r.span = ev.trigger;
    r.trigger.assign(doc.view(ev.trigger));
    if (ev.type < res.event_types().size()) r.type = res.event_types()[ev.type].id;
    r.status = StatusName(ev.status);
    r.frame = FrameName(ev.frame);
    take(ev.rule, r.rule);
    FillFromParty(doc, mentions, ev.agent, steal, r.agent);
    FillFromParty(doc, mentions, ev.target, steal, r.target);
    FillFromParty(doc, mentions, ev.place, steal, r.place);
    take(ev.instrument, r.instrument);
    r.date_precision = TimexToDateInto(ev.time, &r.date);
    take(ev.time, r.timex);
    r.time_span = ev.time_span;
    take(ev.time_source, r.time_source);
    FillFromParty(doc, mentions, ev.claimed_by, steal, r.claimed_by);
    take(ev.reported_by, r.reported_by);
    r.line_kind = ev.line_kind;
    if (ev.sentence < doc.sentences.size()) r.quote.assign(doc.view(doc.sentences[ev.sentence].span));
  }

  // Events and resolved place mentions by sentence, so that each claim looks only at its
  // own sentence (a scan of the whole document per claim made this quadratic).
  thread_local BySentence events_of, places_of;
  if (!x.claims.empty()) {
    const size_t sentences = doc.sentences.size();
    events_of.Build(
        sentences, doc.events.size(), [&](size_t i) { return doc.events[i].sentence; }, [](size_t) { return true; });
    places_of.Build(
        sentences, doc.mentions.size(), [&](size_t i) { return doc.mentions[i].sentence; },
        [&](size_t i) { return doc.mentions[i].entity.kind == "place" && !doc.mentions[i].entity.id.empty(); });
  }
  Refill(doc.claims, x.claims.size());
  for (size_t i = 0; i < x.claims.size(); ++i) {
    Claim& c = x.claims[i];
    // (Read before the strings are taken: the lead-in rule below asks how the claimant was found.)
    const bool list_lead = c.claimed_by.how == "list-lead" && !c.claimed_by.span.empty();
    const uint32_t claimant_start = c.claimed_by.span.start;
    ClaimRecord& r = doc.claims[i];
    SetRecordId(doc.id, 'c', i, &r.id);
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
    for (uint32_t ei : events_of.Of(c.sentence)) {
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
      for (uint32_t mi : places_of.Of(lead)) {
        r.place = doc.mentions[mi].entity;
        break;
      }
    }
    if (r.place.empty() && best == nullptr) {
      // The nearest resolved place mention of the sentence (a claim tied to an event takes
      // the event's place, even none: the event's rules know a party from a place).
      uint32_t gap_best = std::numeric_limits<uint32_t>::max();
      const MentionRecord* nearest = nullptr;
      for (uint32_t mi : places_of.Of(c.sentence)) {
        const MentionRecord& m = doc.mentions[mi];
        uint32_t gap = m.entity.span.start > c.span.start ? m.entity.span.start - c.span.start
                                                          : c.span.start - m.entity.span.start;
        if (gap < gap_best) gap_best = gap, nearest = &m;
      }
      if (nearest != nullptr) r.place = nearest->entity;
    }
    if (r.date.empty()) {
      // (timexes are in text order: start at the claim's sentence.)
      auto from = std::lower_bound(timexes.begin(), timexes.end(), c.sentence,
                                   [](const time::DocumentTimex& t, uint32_t s) { return t.sentence < s; });
      for (auto it = from; it != timexes.end() && it->sentence == c.sentence; ++it) {
        const time::DocumentTimex& t = *it;
        if (t.timex.type != time::TimexType::kDate) continue;
        r.date_precision = TimexToDateInto(t.timex.value, &r.date);
        if (!r.date.empty()) break;
      }
      if (r.date.empty()) r.date_precision = DatePrecision::kNone;
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
