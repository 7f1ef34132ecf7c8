// Document dating: collect candidate dates, reject the ones the body contradicts, choose.
// See dating.h for the contract and the order of sources.
#include "time/dating.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace sitrep::time {

namespace {

constexpr int64_t kDay = kSecondsPerDay;

TagOptions NewsOptions() {
  TagOptions o;
  o.types = (1u << static_cast<unsigned>(TimexType::kDate)) | (1u << static_cast<unsigned>(TimexType::kTime));
  return o;
}

std::string IsoValue(int y, int m, int d, DatePrecision p) {
  char buf[32];
  switch (p) {
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "-%02d-%02d", m, d);
      return FormatYear(y) + buf;
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "-%02d", m);
      return FormatYear(y) + buf;
    case DatePrecision::kYear:
      return FormatYear(y);
    case DatePrecision::kNone:
      return "";
  }
  return "";
}

// [begin, end) of an ISO value at its precision.
bool ValueInterval(const std::string& v, Interval* iv) {
  DateTime t;
  bool has_time;
  if (!ParseIsoDateTime(v, &t, &has_time)) return false;
  const CivilTime c = ToCivil(t);
  if (v.size() <= 5) {
    *iv = {t, MakeDateTime(c.year + 1, 1, 1)};
  } else if (v.size() <= 8) {
    *iv = {t, AddMonthsClamped(t, 1)};
  } else {
    *iv = {t, t + kDay};
  }
  return true;
}

std::string Quote(std::string_view s) {
  std::string out(s.substr(0, 120));
  return "'" + out + (s.size() > 120 ? "...'" : "'");
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

int CountAlnum(std::string_view s) {
  int n = 0;
  for (char c : s) n += (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
  return n;
}

// Words allowed around a date in a byline or timestamp line.
bool IsStampWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "published", "updated", "posted", "last", "modified", "on", "at", "by", "am", "pm", "gmt", "utc", "edt",
      "est", "bst", "cet", "cest", "pst", "pdt", "date", "time", "and", "first", "created", "a", "m", "p"};
  for (auto k : kWords)
    if (w == k) return true;
  return false;
}

const char* kSourceWord[] = {"none", "metadata", "dateline", "byline", "body", "cross-document"};

int Strength(DateSource s) {
  switch (s) {
    case DateSource::kMetadata: return 0;
    case DateSource::kDateline: return 1;
    case DateSource::kByline: return 2;
    case DateSource::kBody: return 3;
    case DateSource::kCrossDocument: return 4;
    case DateSource::kNone: return 5;
  }
  return 5;
}

// Years in [lo, hi] on which month/day falls on weekday `wd`.
std::vector<int> AgreeingYears(int month, int day, int wd, int lo, int hi) {
  std::vector<int> out;
  for (int y = lo; y <= hi; ++y) {
    if (IsValidDate(y, month, day) && Weekday(y, month, day) == wd) out.push_back(y);
  }
  return out;
}

}  // namespace

BodyEvidence ReadBodyEvidence(const Document& doc, const Tagger& tagger) {
  BodyEvidence ev;
  const Reference unknown = Reference::Unknown();
  const TagOptions opts = NewsOptions();
  int body_sentences_seen = 0;
  for (const DocumentTimex& dt : TagDocument(tagger, doc, unknown, opts)) {
    const Timex& t = dt.timex;
    const Sentence& s = doc.sentences[dt.sentence];
    const bool caption = s.kind == LineKind::kCaption;
    const StatedFields& f = t.stated;
    if (t.tense == Tense::kFuture) continue;
    // Count which body sentence this is, for the lead.
    int body_index = 0;
    for (uint32_t k = 0; k < dt.sentence; ++k) body_index += doc.sentences[k].kind == LineKind::kBody;
    (void)body_sentences_seen;
    const bool from_previous = t.anchor.kind == AnchorKind::kPreviousExpression && t.interval.valid() &&
                               t.grain >= Grain::kDay && t.grain <= Grain::kYear;
    if (t.interval.valid() && (f.year >= 0 || from_previous) && (!t.relative || from_previous) &&
        t.bound != Bound::kAfter && t.bound != Bound::kOnOrAfter) {
      // An absolute date. Its start is a lower bound for the document's date.
      if (!ev.has_latest || t.interval.begin > ev.latest_begin) {
        ev.has_latest = true;
        ev.latest_begin = t.interval.begin;
        ev.latest_value = t.value.substr(0, t.value.find('/'));
        ev.latest_text = std::string(doc.view(t.span));
        ev.latest_grain = t.grain;
        ev.latest_in_caption = caption;
        ev.latest_year_written_in_body = !caption && s.kind == LineKind::kBody && f.month >= 0;
      }
      continue;
    }
    if (caption) continue;
    if (f.year < 0 && f.month >= 0 && f.weekday < 0 && !t.relative) {
      ev.yearless_past_dates = true;
      ev.recent_markers = true;
      if (f.day >= 0) ev.yearless_days.push_back({f.month, f.day});
      else ev.yearless_days.push_back({f.month, 0});
    }
    if (f.weekday >= 0 && f.month >= 0 && f.day >= 0 && f.year < 0) {
      ev.weekday_dates.push_back({f.month, f.day, f.weekday, std::string(doc.view(t.span))});
    } else if (f.weekday >= 0 && f.month < 0 && f.day < 0) {
      ev.recent_markers = true;
      if (s.kind == LineKind::kBody && body_index < 2) ev.lead_weekdays.push_back(f.weekday);
    }
  }
  // A date whose weekday the text states ("Sunday, March 27"), put in the year nearest the
  // latest stated date that agrees, is a past date too.
  if (ev.has_latest) {
    const int ly = ToCivil(ev.latest_begin).year;
    for (const auto& wdd : ev.weekday_dates) {
      std::vector<int> ys = AgreeingYears(wdd.month, wdd.day, wdd.weekday, ly - 1, ly + 6);
      if (ys.empty()) continue;
      int best = ys[0];
      for (int y : ys)
        if (std::abs(y - ly) < std::abs(best - ly)) best = y;
      const DateTime b = MakeDateTime(best, wdd.month, wdd.day);
      ev.yearless_days.push_back({wdd.month, wdd.day});
      if (b > ev.latest_begin) {
        ev.latest_begin = b;
        ev.latest_value = IsoValue(best, wdd.month, wdd.day, DatePrecision::kDay);
        ev.latest_text = wdd.text + " (the weekday fixes the year)";
        ev.latest_grain = Grain::kDay;
        ev.latest_in_caption = false;
      }
    }
  }
  return ev;
}

namespace {

// Metadata: Document::published in ISO 8601 or any form the tagger reads.
void FromMetadata(const Document& doc, const Tagger& tagger, std::vector<CandidateDate>* out) {
  if (doc.published.empty()) return;
  CandidateDate c;
  c.source = DateSource::kMetadata;
  c.evidence = "published: " + doc.published;
  DateTime t;
  bool has_time;
  std::string_view p = Trim(doc.published);
  if (ParseIsoDateTime(p, &t, &has_time) || (p.size() > 10 && ParseIsoDateTime(p.substr(0, 10), &t, &has_time))) {
    const CivilTime ct = ToCivil(t);
    c.precision = p.size() >= 10 ? DatePrecision::kDay : p.size() >= 7 ? DatePrecision::kMonth : DatePrecision::kYear;
    c.value = IsoValue(ct.year, ct.month, ct.day, c.precision);
    c.confidence = 0.95;
    c.how = "ISO date in metadata";
    out->push_back(c);
    return;
  }
  for (const Timex& x : tagger.Tag(p, Reference::Unknown(), NewsOptions())) {
    if (x.stated.year < 0 || !x.interval.valid()) continue;
    const CivilTime ct = ToCivil(x.interval.begin);
    c.precision = x.stated.day >= 0 ? DatePrecision::kDay : x.stated.month >= 0 ? DatePrecision::kMonth : DatePrecision::kYear;
    c.value = IsoValue(ct.year, ct.month, ct.day, c.precision);
    c.confidence = 0.9;
    c.how = "date in metadata";
    out->push_back(c);
    return;
  }
}

// "BEIRUT, March 27 - ...", "GAZIANTEP, Turkey, Dec 8 (Reuters) - ...".
void FromDateline(const Document& doc, const Tagger& tagger, const BodyEvidence& ev, const DatingOptions& opts,
                  std::vector<CandidateDate>* out) {
  int seen = 0;
  for (const Line& line : doc.lines) {
    if (line.kind == LineKind::kDropped || line.kind == LineKind::kCaption) continue;
    if (++seen > 10) break;
    std::string_view text = doc.view(line.span);
    // The first dash: " - ", en dash or em dash, within the first 100 bytes.
    size_t dash = std::string_view::npos;
    for (size_t i = 0; i + 2 < text.size() && i < 100; ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == 0xE2 && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(text[i + 2]) == 0x93 || static_cast<unsigned char>(text[i + 2]) == 0x94)) {
        dash = i;
        break;
      }
      if (c == '-' && i > 0 && text[i - 1] == ' ' && text[i + 1] == ' ') {
        dash = i;
        break;
      }
    }
    if (dash == std::string_view::npos || dash < 6) continue;
    std::string_view prefix = Trim(text.substr(0, dash));
    if (prefix.empty() || !IsUpperAscii(prefix[0])) continue;
    // The place: an all-capitals first word ("BEIRUT") or a short capitalised phrase.
    size_t w = 0;
    while (w < prefix.size() && prefix[w] != ' ' && prefix[w] != ',') ++w;
    bool caps = w >= 2;
    for (size_t i = 0; i < w && caps; ++i) caps = !((prefix[i] | 32) >= 'a' && (prefix[i] | 32) <= 'z') || IsUpperAscii(prefix[i]);
    if (!caps && prefix.find(',') == std::string_view::npos) continue;
    std::vector<Timex> found = tagger.Tag(prefix, Reference::Unknown(), NewsOptions());
    for (const Timex& x : found) {
      if (x.stated.month < 0 || x.stated.day < 0) continue;
      // The date ends the prefix (allowing "(Reuters)").
      std::string_view rest = Trim(prefix.substr(x.span.end));
      if (!(rest.empty() || (rest.front() == '(' && rest.back() == ')' && rest.size() < 20))) continue;
      CandidateDate c;
      c.source = DateSource::kDateline;
      c.precision = DatePrecision::kDay;
      c.evidence = std::string(Trim(text.substr(0, std::min(text.size(), dash + 3))));
      const int m = x.stated.month, d = x.stated.day;
      if (x.stated.year >= 0) {
        c.value = IsoValue(x.stated.year, m, d, DatePrecision::kDay);
        c.confidence = 0.9;
        c.how = "dateline";
        out->push_back(c);
        return;
      }
      // A copyright year on the page, when nothing in the text contradicts it.
      int copyright_year = INT_MIN;
      for (const Line& l2 : doc.lines) {
        const std::string lw = Lower(doc.view(l2.span));
        if (lw.find("(c)") == std::string::npos && lw.find("\xc2\xa9") == std::string::npos &&
            lw.find("copyright") == std::string::npos)
          continue;
        for (size_t q = 0; q + 4 <= lw.size(); ++q) {
          if ((q > 0 && lw[q - 1] >= '0' && lw[q - 1] <= '9') || !(lw[q] == '1' || lw[q] == '2')) continue;
          bool digits = true;
          for (size_t r = q; r < q + 4; ++r) digits &= lw[r] >= '0' && lw[r] <= '9';
          if (!digits || (q + 4 < lw.size() && lw[q + 4] >= '0' && lw[q + 4] <= '9')) continue;
          copyright_year = std::atoi(lw.substr(q, 4).c_str());
          break;
        }
      }
      if (copyright_year != INT_MIN && ev.has_latest && MakeDateTime(copyright_year, 12, 31) < ev.latest_begin)
        copyright_year = INT_MIN;
      const int lo = ev.has_latest ? ToCivil(ev.latest_begin).year : INT_MIN;
      const int hi = opts.now > 0 ? ToCivil(opts.now).year : INT_MAX;
      // Weekday agreement: the lead reports the day's events "on Sunday".
      for (int wd : ev.lead_weekdays) {
        if (copyright_year != INT_MIN && IsValidDate(copyright_year, m, d) && Weekday(copyright_year, m, d) == wd) {
          static const char* kDays0[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
          c.value = IsoValue(copyright_year, m, d, DatePrecision::kDay);
          c.confidence = 0.85;
          c.how = std::string("dateline; year from the copyright line, agreeing with the lead's ") + kDays0[wd];
          out->push_back(c);
          return;
        }
        const int from = lo != INT_MIN ? lo : (hi != INT_MAX ? hi - 40 : 1900);
        const int to = hi != INT_MAX ? hi : from + 40;
        std::vector<int> ys = AgreeingYears(m, d, wd, from, to);
        if (ev.has_latest) {
          ys.erase(std::remove_if(ys.begin(), ys.end(),
                                  [&](int y) { return MakeDateTime(y, m, d) < ev.latest_begin; }),
                   ys.end());
        }
        if (ys.empty()) continue;
        const int y = lo != INT_MIN ? ys.front() : ys.back();
        static const char* kDays[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
        c.value = IsoValue(y, m, d, DatePrecision::kDay);
        c.confidence = 0.85;
        c.how = std::string("dateline; year from weekday agreement: the lead reports events on ") + kDays[wd] + ", and " +
                c.value + " is a " + kDays[wd] +
                (ev.has_latest ? " (the first such year not before " + ev.latest_value + ")" : "");
        out->push_back(c);
        return;
      }
      if (copyright_year != INT_MIN) {
        c.value = IsoValue(copyright_year, m, d, DatePrecision::kDay);
        c.confidence = 0.6;
        c.how = "dateline; year from the page's copyright line";
        out->push_back(c);
        return;
      }
      if (ev.has_latest) {
        int y = ToCivil(ev.latest_begin).year;
        if (MakeDateTime(y, m, d) < ev.latest_begin) ++y;
        c.value = IsoValue(y, m, d, DatePrecision::kDay);
        c.confidence = 0.55;
        c.how = "dateline; year from the latest date the text states (" + ev.latest_value + ")";
        out->push_back(c);
        return;
      }
      if (opts.now > 0) {
        const CivilTime now = ToCivil(opts.now);
        int y = now.year;
        if (MakeDateTime(y, m, d) > opts.now) --y;
        c.value = IsoValue(y, m, d, DatePrecision::kDay);
        c.confidence = 0.3;
        c.how = "dateline; year assumed from the clock";
        out->push_back(c);
        return;
      }
      c.value = IsoValue(2000, m, d, DatePrecision::kDay).replace(0, 4, "XXXX");
      c.precision = DatePrecision::kNone;
      c.how = "dateline without a year and nothing to fix it";
      c.rejected = "no year";
      out->push_back(c);
      return;
    }
  }
}

// Byline and timestamp lines ("March 1, 2017 at 1:01 pm"), page clocks ("08:27 GMT10 July
// 2020") and copyright lines, among the first lines, dropped ones included.
void FromStampLines(const Document& doc, const Tagger& tagger, std::vector<CandidateDate>* out) {
  int index = 0;
  for (const Line& line : doc.lines) {
    if (++index > 25) break;
    std::string_view text = Trim(doc.view(line.span));
    if (text.empty() || text.size() > 140) continue;
    const std::string low = Lower(text);
    const bool copyright = low.find("\xc2\xa9") != std::string::npos || low.find("copyright") != std::string::npos ||
                           low.find("(c)") != std::string::npos;
    if (copyright) {
      // "(c) 2024 Example News": the first plausible year on the line.
      for (size_t i = 0; i + 4 <= text.size(); ++i) {
        if (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9') continue;
        if (!(text[i] == '1' || text[i] == '2')) continue;
        bool digits = true;
        for (size_t k = i; k < i + 4; ++k) digits &= text[k] >= '0' && text[k] <= '9';
        if (!digits || (i + 4 < text.size() && text[i + 4] >= '0' && text[i + 4] <= '9')) continue;
        const int y = std::atoi(std::string(text.substr(i, 4)).c_str());
        if (y < 1900 || y > 2200) continue;
        CandidateDate c;
        c.source = DateSource::kByline;
        c.evidence = std::string(text);
        c.precision = DatePrecision::kYear;
        c.value = IsoValue(y, 1, 1, DatePrecision::kYear);
        c.confidence = 0.15;
        c.how = "copyright line";
        c.furniture = true;
        out->push_back(c);
        break;
      }
      continue;
    }
    // A byline ("By Sami Q. - 11 Dec 2016, 19:40 (Damascus)") or a header with fields
    // ("TIGRIS POST | Monday 10 July 2017 | Baghdad 47C"): read each field alone, without
    // the byline's name and trailing parentheses.
    std::vector<std::string_view> fields;
    {
      std::string_view rest = text;
      if (low.rfind("by ", 0) == 0) {
        size_t cut = std::string_view::npos;
        for (std::string_view sep : {"\xe2\x80\x94", "\xe2\x80\x93", " - ", "|", ","}) {
          const size_t at = rest.find(sep);
          if (at != std::string_view::npos && at < cut) cut = at + sep.size();
        }
        if (cut == std::string_view::npos) continue;
        rest = rest.substr(cut);
      }
      size_t k = 0;
      while (k <= rest.size()) {
        size_t bar = rest.find('|', k);
        if (bar == std::string_view::npos) bar = rest.size();
        std::string_view f = Trim(rest.substr(k, bar - k));
        if (!f.empty() && f.back() == ')') {
          const size_t open = f.rfind('(');
          if (open != std::string_view::npos) f = Trim(f.substr(0, open));
        }
        if (!f.empty()) fields.push_back(f);
        k = bar + 1;
      }
    }
    bool taken = false;
    for (std::string_view field : fields) {
    if (taken) break;
    const std::string flow = Lower(field);
    std::vector<Timex> found = tagger.Tag(field, Reference::Unknown(), NewsOptions());
    for (const Timex& x : found) {
      if (!x.interval.valid() || x.stated.year < 0) continue;
      const bool full = x.stated.month >= 0 && x.stated.day >= 0;
      if (!full) continue;
      // The date must be most of the field: other words only stamp words.
      std::string_view before = field.substr(0, x.span.start), after = field.substr(x.span.end);
      int other = 0;
      for (std::string_view part : {before, after}) {
        size_t i = 0;
        while (i < part.size()) {
          while (i < part.size() && !((part[i] | 32) >= 'a' && (part[i] | 32) <= 'z')) ++i;
          size_t j = i;
          while (j < part.size() && ((part[j] | 32) >= 'a' && (part[j] | 32) <= 'z')) ++j;
          if (j > i && !IsStampWord(Lower(part.substr(i, j - i)))) other += static_cast<int>(j - i);
          i = j;
        }
      }
      const int total = CountAlnum(field);
      if (other * 10 > total * 4) continue;
      CandidateDate c;
      c.source = DateSource::kByline;
      c.evidence = std::string(text);
      const CivilTime ct = ToCivil(x.interval.begin);
      const std::string reason = Lower(line.reason);
      const bool zone_clock = x.stated.hour >= 0 && (flow.find("gmt") != std::string::npos ||
                                                     flow.find("utc") != std::string::npos);
      {
        c.precision = DatePrecision::kDay;
        c.value = IsoValue(ct.year, ct.month, ct.day, DatePrecision::kDay);
        c.furniture = reason.find("clock") != std::string::npos || zone_clock;
        c.confidence = c.furniture ? 0.5 : 0.9;
        c.how = c.furniture ? "page clock" + std::string(line.kind == LineKind::kDropped ? " (dropped line: " + line.reason + ")" : "")
                            : "timestamp line" + std::string(line.kind == LineKind::kDropped ? " (dropped line: " + line.reason + ")" : "");
      }
      out->push_back(c);
      taken = true;
      break;
    }
    }
  }
}

// The body's own estimate: not before the latest date it states.
void FromBody(const BodyEvidence& ev, std::vector<CandidateDate>* out) {
  if (!ev.has_latest) return;
  const CivilTime l = ToCivil(ev.latest_begin);
  CandidateDate c;
  c.source = DateSource::kBody;
  c.evidence = Quote(ev.latest_text) + (ev.latest_in_caption ? " (in a caption)" : "");
  // Month precision when a date the body gives without a year falls in that month or
  // within a month after it: the text dwells on those days.
  bool close = false;
  DateTime newest = ev.latest_begin;  // a yearless day just after the latest is later still
  for (const auto& [m, d] : ev.yearless_days) {
    if (d == 0) {
      if (m == l.month) close = true;
      continue;
    }
    for (int y : {l.year, l.year + 1}) {
      if (!IsValidDate(y, m, d)) continue;
      const DateTime t = MakeDateTime(y, m, d);
      if (t >= ev.latest_begin - 3 * kDay && t <= ev.latest_begin + 31 * kDay) {
        close = true;
        newest = std::max(newest, t);
      }
    }
  }
  if (close && ev.latest_grain <= Grain::kMonth) {
    const CivilTime n = ToCivil(newest);
    c.precision = DatePrecision::kMonth;
    c.value = IsoValue(n.year, n.month, 1, DatePrecision::kMonth);
    c.confidence = 0.4;
    c.how = "body: the latest date it states is " + ev.latest_value +
            " and it names days near it without a year" +
            (newest > ev.latest_begin ? " (up to " + FormatDate(DaysOf(newest)) + ")" : "");
  } else if (ev.latest_year_written_in_body && !ev.latest_in_caption && ev.yearless_past_dates &&
             (ev.latest_grain == Grain::kMonth || ev.latest_grain == Grain::kDay)) {
    // Running text that writes the year of its latest date while naming other recent
    // months without one was written in a later year (writers drop the current year).
    c.precision = DatePrecision::kYear;
    c.value = IsoValue(l.year + 1, 1, 1, DatePrecision::kYear);
    c.confidence = 0.25;
    c.how = "body: the latest date it states is " + ev.latest_value +
            ", written with its year while other recent months go without one, so a later year";
  } else {
    c.precision = DatePrecision::kYear;
    c.value = IsoValue(l.year, 1, 1, DatePrecision::kYear);
    c.confidence = 0.3;
    c.how = "body: not before the latest date it states (" + ev.latest_value + ")";
  }
  out->push_back(c);
}

// Sets c->rejected when the body contradicts the candidate.
void Check(const BodyEvidence& ev, const DatingOptions& opts, CandidateDate* c) {
  if (!c->rejected.empty() || c->source == DateSource::kBody) return;
  Interval iv;
  if (!ValueInterval(c->value, &iv)) {
    c->rejected = "not a date";
    return;
  }
  if (opts.now > 0 && iv.begin > opts.now) {
    c->rejected = "after the present";
    return;
  }
  if (ev.has_latest && iv.end <= ev.latest_begin) {
    c->rejected = "the body reports " + Quote(ev.latest_text) + " (" + ev.latest_value + ") as past, after this date";
    return;
  }
  if (c->furniture && ev.has_latest && ev.recent_markers) {
    const int64_t gap = (iv.begin - ev.latest_begin) / kDay;
    if (gap > opts.max_clock_gap_days) {
      c->rejected = "page furniture " + std::to_string(gap) + " days after the latest date the body states (" +
                    ev.latest_value + "), while the body speaks of recent days without years";
    }
  }
}

bool Compatible(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  const size_t n = std::min(a.size(), b.size());
  return a.compare(0, n, b, 0, n) == 0;
}

}  // namespace

const Tagger* DefaultTagger() {
  static const Tagger* tagger = [] {
    Result<std::unique_ptr<Tagger>> t = Tagger::LoadDefault();
    return t.ok() ? t.value().release() : nullptr;
  }();
  return tagger;
}

std::vector<CandidateDate> CollectDateCandidates(const Document& doc, const BodyEvidence& ev,
                                                 const DatingOptions& in) {
  std::vector<CandidateDate> out;
  DatingOptions opts = in;
  if (!opts.tagger) opts.tagger = DefaultTagger();
  if (!opts.tagger) return out;
  if (opts.now == 0 && opts.clock) opts.now = opts.clock->NowUnixSeconds();
  FromMetadata(doc, *opts.tagger, &out);
  FromDateline(doc, *opts.tagger, ev, opts, &out);
  FromStampLines(doc, *opts.tagger, &out);
  FromBody(ev, &out);
  for (const CandidateDate& c : opts.extra) out.push_back(c);
  for (CandidateDate& c : out) Check(ev, opts, &c);
  return out;
}

DocumentDate ChooseDate(const std::vector<CandidateDate>& candidates, const BodyEvidence& ev) {
  (void)ev;
  DocumentDate d;
  const CandidateDate* best = nullptr;
  for (const CandidateDate& c : candidates) {
    if (!c.rejected.empty() || c.value.empty() || c.precision == DatePrecision::kNone) continue;
    if (!best || Strength(c.source) < Strength(best->source) ||
        (Strength(c.source) == Strength(best->source) && c.confidence > best->confidence))
      best = &c;
  }
  if (best) {
    d.value = best->value;
    d.precision = best->precision;
    d.source = best->source;
    d.confidence = best->confidence;
    d.evidence = best->evidence + " [" + best->how + "]";
    // Agreement from other sources raises the confidence a little.
    for (const CandidateDate& c : candidates) {
      if (&c == best || !c.rejected.empty() || c.source == best->source) continue;
      if (Compatible(c.value, best->value)) d.confidence = std::min(0.99, d.confidence + 0.05);
    }
  }
  for (const CandidateDate& c : candidates) {
    if (&c == best || c.value.empty()) continue;
    const bool agrees = best && Compatible(c.value, best->value) && c.rejected.empty();
    if (agrees) continue;
    DateConflict k;
    k.value = c.value;
    k.source = c.source;
    k.evidence = c.evidence + " [" + c.how + "]";
    if (!c.rejected.empty()) {
      k.why = c.rejected;
    } else if (best) {
      k.why = std::string("weaker than the ") + kSourceWord[static_cast<int>(best->source)] + " date " + best->value;
    } else {
      k.why = "unusable";
    }
    d.conflicts.push_back(std::move(k));
  }
  return d;
}

void DateDocument(Document& doc, const DatingOptions& opts) {
  const Tagger* tagger = opts.tagger ? opts.tagger : DefaultTagger();
  if (!tagger) {
    doc.date = DocumentDate();
    return;
  }
  BodyEvidence ev = ReadBodyEvidence(doc, *tagger);
  doc.date = ChooseDate(CollectDateCandidates(doc, ev, opts), ev);
}

}  // namespace sitrep::time
