// The grammar (see parser.h): numbers, units and years.
#include <algorithm>
#include <cstdlib>

#include "time/parser.h"

namespace sitrep::time {

// ------------------------------------------------------------------------------------
// Numbers

bool Parser::SmallWordNumber(int i, NumRead* r) const {
  const LexEntry* e = Lex(i);
  if (!Flag(i, kLexCardinal)) return false;
  int64_t v = e->cardinal;
  int end = i + 1;
  if (e->flags & kLexTens) {
    // "twenty-four", "twenty four"
    int j = P(end, '-') && Glued(end) ? end + 1 : end;
    const LexEntry* u = Lex(j);
    if (u && (u->flags & kLexCardinal) && !(u->flags & kLexTens) && u->cardinal >= 1 && u->cardinal <= 9) {
      v += u->cardinal;
      end = j + 1;
    }
  }
  r->value = v;
  r->end = end;
  r->words = true;
  return true;
}

// Digits, or words up to the thousands ("two thousand ten", "twenty-four"), or an article
// ("a", "an" = 1), or a vague count ("a few", "several", "a couple of").
bool Parser::Cardinal(int i, NumRead* r, bool allow_article, bool allow_vague) const {
  *r = NumRead();
  if (Num(i)) {
    if (t_[i].ordinal) return false;
    r->value = t_[i].num;
    r->ndigits = t_[i].ndigits;
    r->end = i + 1;
    // Thousands separators: "1,800"
    int j = i + 1;
    while (P(j, ',') && Glued(j) && Num(j + 1) && Glued(j + 1) && t_[j + 1].ndigits == 3 && !t_[j + 1].ordinal &&
           r->ndigits <= 3) {
      r->value = r->value * 1000 + t_[j + 1].num;
      r->ndigits = 4;  // treat as a large number, never a year
      j += 2;
      r->end = j;
    }
    // Decimals: "1.5"
    if (P(r->end, '.') && Glued(r->end) && Num(r->end + 1) && Glued(r->end + 1) && t_[r->end + 1].ndigits <= 2 &&
        !P(r->end + 2, '.')) {
      double frac = static_cast<double>(t_[r->end + 1].num);
      for (int k = 0; k < t_[r->end + 1].ndigits; ++k) frac /= 10;
      r->frac = frac;
      r->end += 2;
    }
    return true;
  }
  if (!IsW(i)) return false;
  std::string_view w = Low(i);
  if (allow_article && (w == "a" || w == "an")) {
    // "a few", "a couple of", "a dozen"
    if (allow_vague && (W(i + 1, "few") || W(i + 1, "couple"))) {
      r->value = W(i + 1, "few") ? 3 : 2;
      r->vague = W(i + 1, "few");
      r->end = i + 2;
      if (W(r->end, "of")) ++r->end;
      r->words = true;
      return true;
    }
    if (W(i + 1, "dozen")) {
      r->value = 12;
      r->end = i + 2;
      r->words = true;
      return true;
    }
    r->value = 1;
    r->article = true;
    r->end = i + 1;
    r->words = true;
    return true;
  }
  if (allow_vague && Flag(i, kLexVague)) {
    r->value = Lex(i)->cardinal;
    r->vague = true;
    r->end = i + 1;
    if (W(r->end, "of")) ++r->end;
    r->words = true;
    return true;
  }
  if (!SmallWordNumber(i, r)) return false;
  // "two thousand (and) ten", "nineteen hundred"
  if (W(r->end, "thousand") || W(r->end, "hundred")) {
    const int64_t scale = W(r->end, "thousand") ? 1000 : 100;
    int64_t total = r->value * scale;
    int j = r->end + 1;
    if (W(j, "and")) ++j;
    NumRead rest;
    if (SmallWordNumber(j, &rest)) {
      total += rest.value;
      j = rest.end;
    } else if (W(j - 1, "and")) {
      j -= 1;
    }
    r->value = total;
    r->end = j;
  }
  return true;
}

bool Parser::Ordinal(int i, NumRead* r) const {
  *r = NumRead();
  if (Num(i) && t_[i].ordinal) {
    r->value = t_[i].num;
    r->end = i + 1;
    r->ordinal = true;
    return true;
  }
  if (!Flag(i, kLexOrdinal | kLexTens)) return false;
  const LexEntry* e = Lex(i);
  if (e->flags & kLexOrdinal) {
    r->value = e->ordinal;
    r->end = i + 1;
    r->ordinal = true;
    r->words = true;
    return true;
  }
  if (e->flags & kLexTens) {
    // "twenty-fourth", "thirty first"
    int j = P(i + 1, '-') && Glued(i + 1) ? i + 2 : i + 1;
    const LexEntry* u = Lex(j);
    if (u && (u->flags & kLexOrdinal) && !(u->flags & kLexTensOrdinal) && u->ordinal >= 1 && u->ordinal <= 9) {
      r->value = e->cardinal + u->ordinal;
      r->end = j + 1;
      r->ordinal = true;
      r->words = true;
      return true;
    }
  }
  return false;
}

// A day of the month: 1..31 as digits (one or two) or an ordinal.
bool Parser::DayNumber(int i, int* day, int* end, bool* ordinal) const {
  NumRead r;
  if (Num(i)) {
    if (t_[i].ndigits > 2 || t_[i].num < 1 || t_[i].num > 31) return false;
    *day = static_cast<int>(t_[i].num);
    *end = i + 1;
    *ordinal = t_[i].ordinal;
    return true;
  }
  if (Ordinal(i, &r) && r.value >= 1 && r.value <= 31) {
    *day = static_cast<int>(r.value);
    *end = r.end;
    *ordinal = true;
    return true;
  }
  return false;
}

bool Parser::MonthAt(int i, int* month, int* end, bool* ambiguous) const {
  const LexEntry* e = Lex(i);
  if (!Flag(i, kLexMonth)) return false;
  *month = e->month;
  *end = i + 1;
  *ambiguous = (e->flags & kLexAmbiguous) != 0;
  if ((e->flags & kLexAbbr) && P(i + 1, '.') && Glued(i + 1)) *end = i + 2;
  // An all-caps or capitalised ambiguous word in mid-sentence is a month.
  if (*ambiguous && t_[i].cap && i > 0 && !P(i - 1, '.') && !P(i - 1, '"')) *ambiguous = false;
  return true;
}

bool Parser::WeekdayAt(int i, int* wd, int* end, bool* ambiguous) const {
  const LexEntry* e = Lex(i);
  if (!Flag(i, kLexWeekday)) return false;
  *wd = e->weekday;
  *end = i + 1;
  *ambiguous = (e->flags & kLexAmbiguous) != 0;
  if ((e->flags & kLexAbbr) && P(i + 1, '.') && Glued(i + 1)) {
    *end = i + 2;
    *ambiguous = false;
  }
  return true;
}

bool Parser::UnitAt(int i, Grain* unit, int* mult, int* end, bool* plural) const {
  const LexEntry* e = Lex(i);
  if (!Flag(i, kLexUnit)) return false;
  if ((e->flags & kLexClipped) && (o_.strict || !Glued(i))) {
    // Clipped units only glued to a number ("5m", "3y"), except "h" and "d" spaced
    // ("21 h") and never in strict mode.
    if (o_.strict) return false;
    std::string_view w = Low(i);
    if (!(w == "h" || w == "d" || w == "mo" || w == "m" || w == "mon")) return false;
    if (w == "mon" && !(i > 0 && Num(i - 1))) return false;
    if (w == "m" && !Glued(i)) return false;
  }
  if ((e->flags & kLexAbbr) && o_.strict && Low(i).size() <= 3) return false;
  *unit = e->unit;
  *mult = e->unit_mult;
  *end = i + 1;
  *plural = (e->flags & kLexPlural) != 0;
  if ((e->flags & kLexAbbr) && P(i + 1, '.') && Glued(i + 1)) *end = i + 2;
  return true;
}

// "AD", "A.D.", "BC", "B.C.", "BCE", "CE", "BE" after a year number.
int Parser::EraSuffix(int i, int* year) const {
  auto dotted = [&](int j, std::string_view a, std::string_view b) {
    return WStr(j, a) && P(j + 1, '.') && Glued(j + 1) && WStr(j + 2, b) && Glued(j + 2);
  };
  int y = *year;
  if (WAny(i, {"ad", "ce"})) {
    *year = y;
    return i + 1;
  }
  if (WAny(i, {"bc", "bce"})) {
    *year = -y;
    return i + 1;
  }
  if (W(i, "be")) {  // Buddhist era
    *year = y - 543;
    return i + 1;
  }
  if (dotted(i, "a", "d")) {
    *year = y;
    return P(i + 3, '.') && Glued(i + 3) ? i + 4 : i + 3;
  }
  if (dotted(i, "b", "c")) {
    *year = -y;
    int j = i + 3;
    if (P(j, '.') && Glued(j)) ++j;
    if (W(j, "e") && Glued(j)) {
      ++j;
      if (P(j, '.') && Glued(j)) ++j;
    }
    return j;
  }
  return -1;
}

// A year: four digits (1000..2999), digits with an era ("14 a.d.", "345 BC"), words
// ("two thousand ten"), "'15", or -- when allowed -- two digits ("74" after a month).
bool Parser::YearAt(int i, int* year, int* end, bool allow_two_digit) const {
  if (Num(i) && !t_[i].ordinal) {
    const int64_t v = t_[i].num;
    const int nd = t_[i].ndigits;
    // Not glued to more digits or letters ("2012-1400" is handled by the caller).
    int y = static_cast<int>(v);
    int era_end = (nd <= 4 && v > 0) ? EraSuffix(i + 1, &y) : -1;
    if (era_end > 0) {
      *year = y;
      *end = era_end;
      return true;
    }
    if (nd == 4 && v >= 1000 && v <= 2999) {
      *year = static_cast<int>(v);
      *end = i + 1;
      return true;
    }
    if (allow_two_digit && nd == 2) {
      *year = static_cast<int>(v) + (v <= 49 ? 2000 : 1900);
      *end = i + 1;
      return true;
    }
    return false;
  }
  if (P(i, '\'') && Num(i + 1) && Glued(i + 1) && t_[i + 1].ndigits == 2 && !t_[i + 1].ordinal) {
    const int64_t v = t_[i + 1].num;
    *year = static_cast<int>(v) + (v <= 49 ? 2000 : 1900);
    *end = i + 2;
    return true;
  }
  NumRead r;
  if (IsW(i) && Flag(i, kLexCardinal) && Cardinal(i, &r, false, false) && r.words && r.value >= 1000 &&
      r.value <= 2999) {
    *year = static_cast<int>(r.value);
    *end = r.end;
    return true;
  }
  return false;
}

}  // namespace sitrep::time
