#include "fuse/core_util.h"

#include <cstdio>

#include "text/fold.h"
#include "util/hash.h"

namespace sitrep::fuse::core {

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* year, int* month, int* day) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = static_cast<int>(yoe + era * 400 + (*month <= 2 ? 1 : 0));
}

std::string CivilFromDays(int64_t z) {
  int y, m, d;
  CivilFromDays(z, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

namespace {
bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
int DaysInMonth(int y, int m) {
  return static_cast<int>(DaysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) -
                          DaysFromCivil(y, m, 1));
}
}  // namespace

DatePrecision PrecisionOf(std::string_view iso) { return ParseIso(iso).precision; }

DayRange ParseIso(std::string_view s) {
  DayRange r;
  if (s.size() >= 4 && Digits(s.substr(0, 4))) {
    int y = ToInt(s.substr(0, 4));
    if (s.size() == 4) {
      r = {true, DaysFromCivil(y, 1, 1), DaysFromCivil(y, 12, 31), DatePrecision::kYear};
    } else if (s.size() >= 7 && s[4] == '-' && Digits(s.substr(5, 2))) {
      int m = ToInt(s.substr(5, 2));
      if (m < 1 || m > 12) return r;
      if (s.size() == 7) {
        r = {true, DaysFromCivil(y, m, 1), DaysFromCivil(y, m, DaysInMonth(y, m)),
             DatePrecision::kMonth};
      } else if (s.size() >= 10 && s[7] == '-' && Digits(s.substr(8, 2))) {
        int d = ToInt(s.substr(8, 2));
        if (d < 1 || d > DaysInMonth(y, m)) return r;
        int64_t z = DaysFromCivil(y, m, d);
        r = {true, z, z, DatePrecision::kDay};
      }
    }
  }
  return r;
}

bool Overlap(const DayRange& a, const DayRange& b, int64_t slack) {
  return a.ok && b.ok && a.first <= b.last + slack && b.first <= a.last + slack;
}

int Weekday(int64_t z) { return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1; }

When WhenOf(const EventRecord& e, const DocumentDate& doc_date) {
  When w;
  if (e.date.empty()) return w;
  if (e.time_source == "document date") {
    w.from_document = true;
    return w;
  }
  DayRange r = ParseIso(e.date);
  if (!r.ok) return w;
  DayRange d = ParseIso(doc_date.value);
  // (at the document's own precision too: "on Sunday" against "2016-12" searched back
  // from December 1 comes out as "2016-11").
  if (d.ok && d.precision < DatePrecision::kDay && r.precision >= d.precision &&
      r.last <= d.first && r.last >= d.first - 7) {
    if (r.precision == DatePrecision::kDay) w.weekday = Weekday(r.first);
    w.unresolved = true;
    return w;
  }
  // Since the time stage keeps a coarse reference's precision, "on Sunday" in a document
  // dated only "2016" comes out as "2016" (approximate): a sentence date that says no more
  // than the coarse document date is such a resolution too (its weekday is lost).
  if (d.ok && d.precision < DatePrecision::kDay && r.first <= d.first && r.last >= d.last) {
    w.unresolved = true;
    return w;
  }
  w.range = r;
  return w;
}

std::unordered_map<std::string, std::string> ActorTypes(const std::vector<MentionRecord>& ms) {
  std::unordered_map<std::string, std::string> out;
  for (const MentionRecord& m : ms) {
    if (m.entity.id.empty() || m.type.empty()) continue;
    auto [it, inserted] = out.emplace(m.entity.id, m.type);
    if (!inserted && m.type < it->second) it->second = m.type;  // order-independent choice
  }
  return out;
}

std::string SideOf(const EntityRef& e, const std::unordered_map<std::string, std::string>& types) {
  const std::string& id = e.id;
  if (id.empty()) return "";
  auto country_of = [&](size_t colon) { return id.substr(colon + 1); };
  if (id.rfind("gov:", 0) == 0) return "state:" + country_of(3);
  if (id.rfind("forces:", 0) == 0) return "state:" + country_of(6);
  if (!e.country.empty()) {
    auto it = types.find(id);
    if (it != types.end() && (it->second == "state armed forces" || it->second == "government"))
      return "state:" + e.country;
  }
  return id;
}

const EntityRef& PlaceOf(const EventRecord& e) {
  if (e.place.empty() && e.target.kind == "place") return e.target;
  return e.place;
}

std::string PlaceKey(const EntityRef& p) {
  if (!p.id.empty()) return p.id;
  if (p.text.empty()) return "";
  return "text:" + text::FoldForMatch(p.text);
}

bool IsCoarsePlace(const EntityRef& p) {
  return p.id.rfind("country:", 0) == 0 || p.precision == 3;
}

std::string IdOf(char prefix, const std::vector<std::string>& ids) {
  std::string joined;
  for (const std::string& s : ids) {
    joined += s;
    joined += '\n';
  }
  return std::string(1, prefix) + ContentId(joined);
}

int StatusRank(std::string_view s) {
  static constexpr std::string_view kOrder[] = {"background", "negated",  "conditional",
                                                "planned",    "attempted", "denied",
                                                "reported",   "asserted"};
  for (int i = 0; i < 8; ++i)
    if (s == kOrder[i]) return i + 1;
  return 0;
}

Evidence EvidenceOf(const EventRecord& e, const std::string& outlet) {
  Evidence v;
  v.record = e.id;
  v.doc = e.document;
  v.outlet = outlet;
  v.sentence = e.sentence;
  v.span = e.span;
  v.quote = e.quote;
  v.claimed_by = e.claimed_by.label();
  v.date = e.date;
  v.value = e.type + (e.agent.empty() ? "" : " by " + e.agent.label()) +
            (e.place.empty() ? "" : " at " + e.place.label()) + " (" + e.status + ")";
  return v;
}

}  // namespace sitrep::fuse::core
