// The grammar (see parser.h): clock times, parts of the day, and dates with times.
#include <algorithm>
#include <cstdlib>

#include "time/parser.h"

namespace sitrep::time {

// ------------------------------------------------------------------------------------
// Times of day

bool Parser::Meridiem(int i, int* pm, int* end) const {
  // am, pm, a.m., p.m., a m, p m, and glued a / p ("7a", "3p.")
  if (!IsW(i)) return false;
  std::string_view w = Low(i);
  if (w == "am" || w == "pm") {
    *pm = w == "pm";
    *end = i + 1;  // a period after "pm" ends the sentence
    return true;
  }
  if ((w == "a" || w == "p") && !o_.strict) {
    if (P(i + 1, '.') && Glued(i + 1) && W(i + 2, "m") && Glued(i + 2)) {
      *pm = w == "p";
      *end = i + 3;
      if (P(*end, '.') && Glued(*end)) ++*end;
      return true;
    }
    if (W(i + 1, "m") && !Glued(i + 1) && Boundary(i + 2)) {  // "3:30 p m"
      *pm = w == "p";
      *end = i + 2;
      return true;
    }
    const bool cue = o_.latent || (i >= 2 && (W(i - 2, "at") || P(i - 2, '@'))) || W(i + 1, "to");
    if (Glued(i) && cue && (Boundary(i + 1) || W(i + 1, "to") || P(i + 1, '.'))) {  // "7a", "at 3p."
      *pm = w == "p";
      *end = i + 1;
      if (P(*end, '.') && Glued(*end)) ++*end;
      return true;
    }
  }
  return false;
}

// Clock times. `cued`: "at", "@", "around" or a part of day precedes, so a bare number
// may be an hour.
bool Parser::ClockTime(int i, Fields* f, int* end, bool cued) const {
  Fields g;
  int e = -1;
  if (WAny(i, {"noon", "midday"})) {
    g.hour = 12;
    g.minute = 0;
    e = i + 1;
  } else if (W(i, "mid") && W(i + 1, "day")) {
    g.hour = 12;
    g.minute = 0;
    e = i + 2;
  } else if (W(i, "midnight")) {
    g.hour = 0;
    g.minute = 0;
    e = i + 1;
  } else if (Num(i) && !t_[i].ordinal) {
    const Tok& a = t_[i];
    if (a.ndigits <= 2 && a.num <= 24 && P(i + 1, ':') && Glued(i + 1) && Num(i + 2) && Glued(i + 2) &&
        t_[i + 2].ndigits == 2 && t_[i + 2].num <= 59) {
      g.hour = static_cast<int>(a.num);
      g.minute = static_cast<int>(t_[i + 2].num);
      e = i + 3;
      if (P(e, ':') && Glued(e) && Num(e + 1) && Glued(e + 1) && t_[e + 1].ndigits == 2 && t_[e + 1].num <= 60) {
        g.second = static_cast<int>(t_[e + 1].num);
        e += 2;
        if (P(e, '.') && Glued(e) && Num(e + 1) && Glued(e + 1)) e += 2;  // fractions of a second
      }
      g.hour12 = g.hour >= 1 && g.hour <= 12 && a.ndigits == 1;
      if (g.hour >= 1 && g.hour <= 12) g.hour12 = true;
      if (a.ndigits == 2 && a.num < 10) g.hour12 = false;  // "07:00" is a 24-hour clock
    } else if (a.ndigits <= 2 && a.num <= 24 && W(i + 1, "h") && Glued(i + 1)) {  // 16h00, 15h
      g.hour = static_cast<int>(a.num);
      g.minute = 0;
      e = i + 2;
      if (Num(e) && Glued(e) && t_[e].ndigits == 2 && t_[e].num <= 59) {
        g.minute = static_cast<int>(t_[e].num);
        ++e;
      }
    } else if (a.ndigits <= 2 && a.num <= 12 && cued && P(i + 1, '.') && Glued(i + 1) && Num(i + 2) &&
               Glued(i + 2) && t_[i + 2].ndigits == 2 && t_[i + 2].num <= 59) {  // "at 12.30"
      g.hour = static_cast<int>(a.num);
      g.minute = static_cast<int>(t_[i + 2].num);
      g.hour12 = true;
      e = i + 3;
    } else if ((a.ndigits == 3 || a.ndigits == 4) && a.num % 100 <= 59 && a.num / 100 <= 23) {  // 1030, 730
      const bool zone = WAny(i + 1, {"gmt", "utc", "hrs", "hours", "local", "z"});
      int pm, me;
      const bool mer = Meridiem(i + 1, &pm, &me);
      if (!zone && !mer && !cued) return false;
      if (LongerNumber(i + 1)) return false;  // "650.650.6500", "101,194"
      // "at 101 points", "around 250 soldiers": a bare HHMM must end the phrase or lead
      // into more of the time ("at 1030 tomorrow").
      if (!zone && !mer && !Boundary(i + 1) &&
          !WAny(i + 1, {"in", "on", "this", "tonight", "tomorrow", "today", "yesterday", "at", "and", "or", "to"}))
        return false;
      if (!zone && !mer && a.ndigits == 4 && a.num >= 1900 && a.num <= 2100) return false;  // a year
      g.hour = static_cast<int>(a.num / 100);
      g.minute = static_cast<int>(a.num % 100);
      // Four digits are a 24-hour clock ("0800", "1130 GMT"); three may be 12-hour ("730").
      g.hour12 = g.hour >= 1 && g.hour <= 12 && !zone && a.ndigits == 3;
      e = i + 1;
    } else if (a.ndigits <= 2 && a.num <= 24) {
      int pm, me;
      const bool marked = Meridiem(i + 1, &pm, &me) || W(i + 1, "oclock") ||
                          (W(i + 1, "o") && P(i + 2, '\'') && W(i + 3, "clock")) || (W(i + 1, "o") && W(i + 2, "clock"));
      // A bare number after "at" is an hour only when nothing else follows that makes it a
      // quantity ("at 10.1", "at 10 - 20", "at 101 points"); never in strict mode.
      const bool strong_cue = i > 0 && (W(i - 1, "at") || P(i - 1, '@') || WAny(i - 1, {"around", "about"}));
      // "8 tonight", "9 tomorrow morning", "8 this evening", "11 at night"
      const bool daypart_after = !o_.strict && (WAny(i + 1, {"tonight", "tonite"}) ||
                                                (WAny(i + 1, {"this", "tomorrow", "yesterday"}) && Flag(i + 2, kLexDayPart)) ||
                                                (W(i + 1, "in") && W(i + 2, "the") && Flag(i + 3, kLexDayPart)) ||
                                                (W(i + 1, "at") && W(i + 2, "night")));
      if (daypart_after && a.num >= 1 && a.num <= 12) {
        g.hour = static_cast<int>(a.num);
        g.hour12 = true;
        e = i + 1;
      } else {
      const bool bare_ok = cued && strong_cue && !o_.strict && !LongerNumber(i + 1) &&
                           (Boundary(i + 1) || WAny(i + 1, {"in", "on", "this", "tonight", "tomorrow", "today", "at",
                                                            "and", "or", "to", "ish", "sharp"}) ||
                            (Num(i + 1) && t_[i + 1].ndigits == 2));
      if (marked || bare_ok) {
        g.hour = static_cast<int>(a.num);
        g.minute = kUnset;
        g.hour12 = g.hour >= 1 && g.hour <= 12;
        e = i + 1;
        // "at 3 15" (cued): hour and minutes apart
        if (cued && Num(e) && t_[e].ndigits == 2 && t_[e].num <= 59 && !Flag(e + 1, kLexUnit) && !Num(e + 1)) {
          g.minute = static_cast<int>(t_[e].num);
          ++e;
        }
      } else {
        return false;
      }
      }
    } else {
      return false;
    }
  } else if (IsW(i) && Flag(i, kLexCardinal) && !Flag(i, kLexVague)) {
    // "eight", "ten thirty", "twelve oh three", "six p.m."
    NumRead r;
    if (!SmallWordNumber(i, &r) || r.value < 1 || r.value > 12) return false;
    g.hour = static_cast<int>(r.value);
    g.hour12 = true;
    e = r.end;
    int pm, me;
    const bool oclock = W(e, "oclock") || (W(e, "o") && (P(e + 1, '\'') || W(e + 1, "clock")));
    NumRead mins;
    const int before_minutes = e;
    if (Flag(e, kLexDigitWord) && SmallWordNumber(e + 1, &mins) && mins.value <= 9 && (cued || o_.latent)) {
      g.minute = static_cast<int>(mins.value);
      e = mins.end;
    } else if (!oclock && SmallWordNumber(e, &mins) && mins.value >= 10 && mins.value <= 59 && (cued || o_.latent)) {
      g.minute = static_cast<int>(mins.value);
      e = mins.end;
    } else if (P(e, '-') && Glued(e) && Flag(e + 1, kLexDigitWord) && P(e + 2, '-') && SmallWordNumber(e + 3, &mins) &&
               (cued || o_.latent)) {  // twelve-oh-three
      g.minute = static_cast<int>(mins.value);
      e = mins.end;
    } else if (P(e, '-') && Glued(e) && SmallWordNumber(e + 1, &mins) && mins.value >= 10 && (cued || o_.latent)) {
      g.minute = static_cast<int>(mins.value);
      e = mins.end;
    } else if (!(Meridiem(e, &pm, &me) || oclock || (cued && o_.latent))) {
      return false;  // "at eight" alone is too weak in running text
    }
    // Spelled-out minutes ("ten thirty") need am/pm unless bare times are wanted.
    if (e != before_minutes && !o_.latent && !Meridiem(e, &pm, &me)) return false;
  } else {
    return false;
  }
  // o'clock
  if (W(e, "oclock")) {
    ++e;
  } else if (W(e, "o") && P(e + 1, '\'') && W(e + 2, "clock")) {
    e += 3;
  } else if (W(e, "o") && W(e + 1, "clock")) {
    e += 2;
  }
  if (W(e, "ish") && Glued(e)) ++e;
  int pm, me;
  if (Meridiem(e, &pm, &me)) {
    if (g.hour > 12 || g.hour == 0) {
      if (!(g.hour == 0 && false)) {
        if (g.hour > 12) return false;  // "14PM"
      }
    }
    if (g.hour == 12) g.hour = 0;
    if (pm) g.hour += 12;
    g.hour12 = false;
    e = me;
  }
  if (g.hour == 24) g.hour = 0;
  if (g.minute == kUnset && g.second == kUnset) {
    // hour grain
  }
  // Zones are read and ignored: values stay in the reference's local time.
  if (WAny(e, {"gmt", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "cst", "cdt", "bst", "ist", "jst", "msk", "eet",
               "eest", "z"}) &&
      (t_[e].all_caps || Low(e).size() == 1 || true)) {
    ++e;
    if ((P(e, '+') || P(e, '-')) && Num(e + 1) && Glued(e + 1)) {
      e += 2;
      if (P(e, ':') && Num(e + 1)) e += 2;
    }
  } else if (W(e, "local") && W(e + 1, "time")) {
    e += 2;
  } else if (P(e, '(') && WAny(e + 1, {"gmt", "utc", "cet", "est", "pst", "bst", "cst", "edt"}) && P(e + 2, ')')) {
    e += 3;
  }
  *f = g;
  *end = e;
  return true;
}

bool Parser::DayPartAt(int i, int* part, int* end) const {
  const LexEntry* e = Lex(i);
  if (!Flag(i, kLexDayPart)) return false;
  *part = e->day_part;
  *end = i + 1;
  return true;
}

// "half past 3 pm", "a quarter to noon", "twenty after 3pm", "15 minutes past 15h",
// "half three"; and ClockTime.
bool Parser::TimeOfDay(int i, M* m, bool cued) {
  Fields f;
  int e;
  if (ClockTime(i, &f, &e, cued)) {
    m->node = AddFields(f);
    m->end = e;
    m->type = TimexType::kTime;
    return true;
  }
  // minutes past/to an hour
  int k = i;
  int minutes = -1;
  if (WAny(k, {"a", "an"}) && W(k + 1, "quarter")) {
    minutes = 15;
    k += 2;
  } else if (W(k, "quarter")) {
    minutes = 15;
    k += 1;
  } else if (W(k, "half")) {
    minutes = 30;
    k += 1;
  } else {
    NumRead r;
    if (Cardinal(k, &r, false, false) && r.value >= 1 && r.value <= 59 && !r.vague) {
      minutes = static_cast<int>(r.value);
      k = r.end;
      if (WAny(k, {"minutes", "minute", "mins", "min"})) {
        ++k;
      } else if (!r.words) {
        minutes = -1;  // "3 to 4pm" is a range, not 3:57
      }
    }
  }
  if (minutes < 0) return false;
  int sign = 0;
  if (WAny(k, {"past", "after"})) sign = 1;
  else if (WAny(k, {"to", "till", "before", "of"})) sign = -1;
  else if (minutes == 30 && W(i, "half") && !o_.strict) sign = 2;  // "half three" = 3:30
  if (sign == 0) return false;
  int hk = sign == 2 ? k : k + 1;
  Fields h;
  int he;
  if (!ClockTime(hk, &h, &he, true) || h.minute > 0) return false;
  if (sign == 2) sign = 1;
  int total = h.hour * 60 + sign * minutes;
  if (total < 0) total += 24 * 60;
  f = h;
  f.hour = total / 60 % 24;
  f.minute = total % 60;
  if (h.hour12 && f.hour == 0) f.hour12 = false;
  m->node = AddFields(f);
  m->end = he;
  m->type = TimexType::kTime;
  return true;
}

// Parts of the day with their day: "this morning", "last night", "tonight", "overnight",
// "in the afternoon", "at night", "morning of christmas 2013".
bool Parser::DayPartExpr(int i, M* m) {
  int part = 0, e = i + 1;
  Node day;
  day.kind = NodeKind::kRelDay;
  int k = i;
  if (W(k, "overnight")) {
    // The night that ended on the reference day (reports say "overnight" of last night).
    Fields f;
    for (size_t p = 0; p < lex_.day_parts().size(); ++p)
      if (lex_.day_parts()[p].code == "NI") f.day_part = static_cast<int>(p);
    day.n = -1;
    m->node = Intersect(Add(day), f);
    m->end = k + 1;
    m->type = TimexType::kTime;
    return true;
  }
  if (W(k, "this") && DayPartAt(k + 1, &part, &e) && !Flag(k + 1, kLexPlural)) {
    day.n = 0;
  } else if (W(k, "last") && WAny(k + 1, {"night", "evening"})) {
    DayPartAt(k + 1, &part, &e);
    day.n = -1;
  } else if ((W(k, "in") && W(k + 1, "the") && DayPartAt(k + 2, &part, &e)) ||
             (W(k, "at") && WAny(k + 1, {"night", "dawn", "dusk", "daybreak", "noon"}) && DayPartAt(k + 1, &part, &e))) {
    // bare: the narrative day
    if (Flag(e - 1, kLexPlural)) return false;
    Node c;
    c.kind = NodeKind::kCycle;
    c.unit = Grain::kDay;
    c.anchor = AnchorPref::kNarrative;
    Fields f;
    f.day_part = part;
    m->node = Intersect(Add(c), f);
    m->end = e;
    m->type = TimexType::kTime;
    return true;
  } else if (DayPartAt(k, &part, &e) && W(e, "of") && !Flag(k, kLexPlural)) {
    M d;
    if (!DatePoint(e + 1, &d)) return false;
    Fields f;
    f.day_part = part;
    m->node = Intersect(d.node, f);
    m->end = d.end;
    m->type = TimexType::kTime;
    return true;
  } else if (W(k, "the") && DayPartAt(k + 1, &part, &e) && W(e, "of") && !Flag(k + 1, kLexPlural)) {
    M d;
    if (!DatePoint(e + 1, &d)) return false;
    Fields f;
    f.day_part = part;
    m->node = Intersect(d.node, f);
    m->end = d.end;
    m->type = TimexType::kTime;
    return true;
  } else if (o_.latent && DayPartAt(k, &part, &e) && AloneInText(k, e)) {
    day.n = 0;
  } else {
    return false;
  }
  Fields f;
  f.day_part = part;
  m->node = Intersect(Add(day), f);
  m->end = e;
  m->type = TimexType::kTime;
  return true;
}


// ------------------------------------------------------------------------------------
// Composition: dates with times, ranges, durations, sets, modifiers



int Parser::CombineDateTime_(int date_node, const Fields& time) { return CombineDateTime(ar_, date_node, time, lex_); }

bool Parser::Point(int i, M* m) {
  if (i < 0 || i >= n_) return false;
  if (point_done_[i] == epoch_) {
    *m = point_memo_[i];
    return m->end >= 0;
  }
  point_done_[i] = epoch_;
  M r;
  if (!PointUncached(i, &r)) r = M();
  point_memo_[i] = r;
  *m = r;
  return r.end >= 0;
}

namespace {

// First tokens of TimeOfDay (ClockTime, or minutes past/to an hour) and of DayPartExpr,
// besides numbers, number words and part-of-day words: gates as in DatePointUncached.
constexpr LitSet kTimeStarts({"noon", "midday", "mid", "midnight", "a", "an", "quarter", "half"});
constexpr LitSet kDayPartStarts({"overnight", "this", "last", "in", "at", "the"});

}  // namespace

bool Parser::PointUncached(int i, M* m) {
  const Tok& ti = t_[i];
  const uint32_t fl = ti.kind == TokKind::kWord ? ti.flags : 0;
  const bool time_gate = !fast_ || ti.kind == TokKind::kNumber || (fl & kLexCardinal) || kTimeStarts.Contains(ti.hash);
  const bool part_gate = !fast_ || (fl & kLexDayPart) || kDayPartStarts.Contains(ti.hash);
  M best;
  const auto& parts = lex_.day_parts();
  // A date, maybe with a time or a part of the day.
  M d;
  if (DatePoint(i, &d)) {
    Longest(d, &best);
    int k = d.end;
    bool sep = false;
    if (P(k, ',') || P(k, '@') || WAny(k, {"at", "around", "about", "by"})) {
      ++k;
      sep = true;
      if (W(k, "around") || W(k, "about")) ++k;
    } else if ((P(k, ':') || P(k, '-') || P(k, '.')) && Glued(k) && Num(k + 1)) {
      ++k;
      sep = true;
    } else if (W(k, "t") && Glued(k) && Num(k + 1) && Glued(k + 1)) {
      ++k;
      sep = true;
    }
    M t;
    const Node& dn = ar_[d.node];
    const bool date_like = dn.kind != NodeKind::kShift || dn.unit >= Grain::kDay;
    if (date_like && TimeOfDay(k, &t, sep) && !(BareHour(t.node) && !(W(k - 1, "at") || P(k - 1, '@')))) {
      // A bare number after a date ("March 3 15") is not a time unless glued or cued.
      Fields tf = ar_[t.node].f;
      int pe;
      int part;
      int q = t.end;
      if (W(q, "in") && W(q + 1, "the")) q += 2;
      if (DayPartAt(q, &part, &pe)) {
        ApplyDayPartToHour(parts[part].code, &tf);
        t.end = pe;
      }
      int tend = t.end;
      // "Thu Oct 26 11:00:09 2023": the year after the time
      if (dn.kind == NodeKind::kFields && !dn.f.Has(dn.f.year) && dn.f.Has(dn.f.month) && Num(tend) &&
          t_[tend].ndigits == 4 && t_[tend].num >= 1000 && t_[tend].num <= 2999 && Boundary(tend + 1)) {
        Fields df = dn.f;
        df.year = static_cast<int>(t_[tend].num);
        if (!df.Has(df.day) || IsValidDate(df.year, df.month, df.day)) {
          d.node = AddFields(df);
          ++tend;
        }
      }
      Longest({tend, CombineDateTime_(d.node, tf), TimexType::kTime}, &best);
    }
    // "Monday morning", "tomorrow evening", "15 of february in the morning", "monday early in
    // the morning", then maybe "at 9".
    int q = d.end;
    if (W(q, "early") || W(q, "late")) ++q;
    if (W(q, "in") && W(q + 1, "the")) q += 2;
    else if (W(q, "at") && W(q + 1, "night")) q += 1;
    if (W(q, "early") && W(q + 1, "hours") && W(q + 2, "of") && W(q + 3, "the")) q += 4;
    int part, pe;
    if (date_like && DayPartAt(q, &part, &pe) && !Flag(q, kLexPlural)) {
      Fields tf;
      tf.day_part = part;
      int end = pe;
      int k2 = pe;
      if (W(k2, "at") || P(k2, '@') || P(k2, ',')) ++k2;
      M t2;
      if (TimeOfDay(k2, &t2, true)) {
        tf = ar_[t2.node].f;
        ApplyDayPartToHour(parts[part].code, &tf);
        tf.day_part = kUnset;
        end = t2.end;
      }
      Longest({end, CombineDateTime_(d.node, tf), TimexType::kTime}, &best);
    }
  }
  // A time, maybe with a date or a part of the day after it.
  const bool cued = i > 0 && (W(i - 1, "at") || P(i - 1, '@') ||
                              WAny(i - 1, {"around", "about", "approximately", "until", "till", "from", "between",
                                           "before", "after", "since", "by"}));
  M t;
  if (time_gate && TimeOfDay(i, &t, cued)) {
    Fields tf = ar_[t.node].f;
    int k = t.end;
    // "3 in the afternoon", "11 at night", "8 this evening", "11 tonight"
    int part, pe;
    int q = k;
    bool this_day = false;
    if (W(q, "in") && W(q + 1, "the")) q += 2;
    else if (W(q, "at") && W(q + 1, "night")) q += 1;
    else if (W(q, "this")) {
      q += 1;
      this_day = true;
    }
    if (DayPartAt(q, &part, &pe) && !Flag(q, kLexPlural)) {
      ApplyDayPartToHour(parts[part].code, &tf);
      if (this_day) {
        Node day;
        day.kind = NodeKind::kRelDay;
        Longest({pe, CombineDateTime_(Add(day), tf), TimexType::kTime}, &best);
      } else {
        Longest({pe, AddFields(tf), TimexType::kTime}, &best);
      }
    } else {
      Longest({t.end, AddFields(tf), TimexType::kTime}, &best);
    }
    // time then date: "at 19h30 on Fri, Sep 20", "8:23 AM, Jul 9", "9 tomorrow morning"
    int k2 = k;
    if (P(k2, ',') || WAny(k2, {"on", "of"})) ++k2;
    M d2;
    if (k2 < n_ && DatePoint(k2, &d2)) {
      const Node& dn = ar_[d2.node];
      if (dn.kind != NodeKind::kShift && dn.kind != NodeKind::kDuration) {
        Fields tf2 = ar_[t.node].f;
        int end = d2.end;
        int q2 = d2.end;
        if (DayPartAt(q2, &part, &pe)) {
          ApplyDayPartToHour(parts[part].code, &tf2);
          end = pe;
        }
        if (!(ar_[d2.node].kind == NodeKind::kFields && ar_[d2.node].f.Has(ar_[d2.node].f.year) &&
              !ar_[d2.node].f.Has(ar_[d2.node].f.month) && !Num(k2 - 1) && k2 == k && false))
          Longest({end, CombineDateTime_(d2.node, tf2), TimexType::kTime}, &best);
      }
    }
  }
  // Parts of the day: "this morning", "tonight at 8", "morning of christmas 2013".
  M dp;
  if (part_gate && DayPartExpr(i, &dp)) {
    Longest(dp, &best);
    int k = dp.end;
    if (W(k, "at") || P(k, '@') || P(k, ',')) ++k;
    M t2;
    if (TimeOfDay(k, &t2, true)) {
      Fields tf = ar_[t2.node].f;
      const Node& pn = ar_[dp.node];
      int part = pn.f.day_part;
      if (part != kUnset) ApplyDayPartToHour(parts[part].code, &tf);
      tf.day_part = kUnset;
      if (pn.kind == NodeKind::kIntersect) {
        Longest({t2.end, CombineDateTime_(pn.a, tf), TimexType::kTime}, &best);
      } else {
        Longest({t2.end, AddFields(tf), TimexType::kTime}, &best);
      }
    }
  }
  // "tonight at 8", "tomorrow at 5pm" are dates with times (above); "at 5 tomorrow afternoon"
  // is a time with a date (above).
  if (best.end < 0) return false;
  *m = best;
  return true;
}

}  // namespace sitrep::time
