#include "extract/eval.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace sitrep::extract {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

Status Bad(const std::string& path, int line, const std::string& why) {
  return Status::BadInput(path + ":" + std::to_string(line) + ": " + why);
}

bool ParseNumber(const std::string& s, double* v) {
  if (s == "?") {
    *v = -1;
    return true;
  }
  if (s.empty()) return false;
  char* end = nullptr;
  *v = std::strtod(s.c_str(), &end);
  return end != nullptr && *end == '\0' && *v >= 0;
}

bool IsoDate(const std::string& s) {
  if (s == "-") return true;
  static const size_t ok[] = {4, 7, 10};
  if (std::find(std::begin(ok), std::end(ok), s.size()) == std::end(ok)) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

// Case-insensitive search for the n-th occurrence of `what` in `text` at word boundaries.
Span Locate(const std::string& text, const std::string& what, int n) {
  auto lower = [](unsigned char c) { return static_cast<char>(std::tolower(c)); };
  std::string t(text.size(), ' '), w(what.size(), ' ');
  std::transform(text.begin(), text.end(), t.begin(), lower);
  std::transform(what.begin(), what.end(), w.begin(), lower);
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  size_t from = 0;
  while (!w.empty()) {
    size_t p = t.find(w, from);
    if (p == std::string::npos) break;
    size_t e = p + w.size();
    bool left = p == 0 || !word(t[p - 1]) || !word(t[p]);
    bool right = e == t.size() || !word(t[e]) || !word(t[e - 1]);
    if (left && right && --n == 0) return Span{static_cast<uint32_t>(p), static_cast<uint32_t>(e)};
    from = p + 1;
  }
  return Span{};
}

const std::set<std::string, std::less<>>& EventKeys() {
  static const std::set<std::string, std::less<>> k = {"at", "status", "agent", "target", "place", "date",
                                                       "instrument"};
  return k;
}
const std::set<std::string, std::less<>>& ClaimKeys() {
  static const std::set<std::string, std::less<>> k = {"at", "about", "by", "approx", "date"};
  return k;
}

// "head | k=v | k=v".
Status ParseRecord(const std::string& rest, bool claim, const std::string& path, int line, GoldRecord* r) {
  r->line = line;
  std::vector<std::string> parts;
  size_t from = 0;
  while (true) {
    size_t bar = rest.find('|', from);
    parts.push_back(Trim(std::string_view(rest).substr(from, bar == std::string::npos ? std::string::npos : bar - from)));
    if (bar == std::string::npos) break;
    from = bar + 1;
  }
  std::string head = parts[0];
  if (claim) {
    size_t sp = head.find(' ');
    size_t dots = head.find("..");
    if (sp == std::string::npos || dots == std::string::npos || dots < sp) {
      return Bad(path, line, "a claim starts with '<kind> <low>..<high>' ('?' for an open end)");
    }
    r->type = head.substr(0, sp);
    std::string lo = Trim(std::string_view(head).substr(sp + 1, dots - sp - 1));
    std::string hi = Trim(std::string_view(head).substr(dots + 2));
    if (!ParseNumber(lo, &r->low) || !ParseNumber(hi, &r->high)) {
      return Bad(path, line, "bad claim bounds '" + lo + ".." + hi + "'");
    }
  } else {
    if (head.empty() || head.find(' ') != std::string::npos) {
      return Bad(path, line, "an event starts with its type (one word, e.g. control_gained)");
    }
    r->type = head;
  }
  const auto& keys = claim ? ClaimKeys() : EventKeys();
  for (size_t i = 1; i < parts.size(); ++i) {
    size_t eq = parts[i].find('=');
    std::string key = Trim(std::string_view(parts[i]).substr(0, eq));
    std::string val = eq == std::string::npos ? "yes" : Trim(std::string_view(parts[i]).substr(eq + 1));
    if (keys.find(key) == keys.end()) return Bad(path, line, "unknown key '" + key + "'");
    if (key == "date" && !IsoDate(val)) return Bad(path, line, "bad date '" + val + "' (YYYY, YYYY-MM, YYYY-MM-DD or -)");
    if (key == "at") {
      size_t hash = val.rfind('#');
      if (hash != std::string::npos && hash + 1 < val.size() &&
          std::all_of(val.begin() + hash + 1, val.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        r->occurrence = std::atoi(val.c_str() + hash + 1);
        val = Trim(std::string_view(val).substr(0, hash));
      }
      r->at = val;
      continue;
    }
    r->fields[key] = val;
  }
  if (r->at.empty()) return Bad(path, line, "missing 'at=<words as written>'");
  return Status::Ok();
}

}  // namespace

Result<std::vector<GoldDocument>> ParseGold(std::string_view content, const std::string& path) {
  std::vector<GoldDocument> docs;
  std::set<std::string> ids;
  int no = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view raw = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() + 1 : nl + 1;
    ++no;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (!raw.empty() && raw[0] == '>') {
      if (docs.empty()) return Bad(path, no, "text before any 'doc:' line");
      std::string_view t = raw.substr(1);
      if (!t.empty() && t[0] == ' ') t.remove_prefix(1);
      GoldDocument& d = docs.back();
      if (!d.events.empty() || !d.claims.empty()) return Bad(path, no, "text after the records of a document");
      if (d.has_text) d.text += '\n';
      d.text += t;
      d.has_text = true;
      continue;
    }
    std::string line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    size_t colon = line.find(':');
    if (colon == std::string::npos) return Bad(path, no, "expected 'key: value' or '> text'");
    std::string key = line.substr(0, colon);
    std::string val = Trim(std::string_view(line).substr(colon + 1));
    if (key == "doc") {
      if (val.empty()) return Bad(path, no, "empty document id");
      if (!ids.insert(val).second) return Bad(path, no, "duplicate document id '" + val + "'");
      GoldDocument d;
      d.path = path;
      d.line = no;
      d.id = val;
      docs.push_back(std::move(d));
      continue;
    }
    if (docs.empty()) return Bad(path, no, "'" + key + ":' before any 'doc:' line");
    GoldDocument& d = docs.back();
    if (key == "date") {
      if (!IsoDate(val) || val == "-") return Bad(path, no, "bad date '" + val + "'");
      d.date = val;
    } else if (key == "outlet") {
      d.outlet = val;
    } else if (key == "event" || key == "claim") {
      GoldRecord r;
      SITREP_RETURN_IF_ERROR(ParseRecord(val, key == "claim", path, no, &r));
      r.span = Locate(d.text, r.at, r.occurrence);
      if (r.span.empty()) {
        return Bad(path, no, "'" + r.at + "' (occurrence " + std::to_string(r.occurrence) + ") is not in the text");
      }
      (key == "event" ? d.events : d.claims).push_back(std::move(r));
    } else if (key == "events" || key == "claims") {
      if (val != "none") return Bad(path, no, "'" + key + ":' takes only 'none'");
    } else {
      return Bad(path, no, "unknown key '" + key + "'");
    }
  }
  for (const GoldDocument& d : docs) {
    if (!d.has_text) return Bad(path, d.line, "document '" + d.id + "' has no text ('> ' lines)");
  }
  return docs;
}

Result<std::vector<GoldDocument>> ReadGold(const FileSystem& fs, const std::string& path) {
  FileInfo info = fs.Stat(path);
  if (!info.exists) return Status::NotFound(path + ": no such file or folder");
  std::vector<std::string> files;
  if (info.is_directory) {
    auto listed = fs.ListFilesRecursive(path);
    if (!listed.ok()) return listed.status();
    for (const std::string& f : *listed) {
      if (f.size() > 5 && f.compare(f.size() - 5, 5, ".gold") == 0) files.push_back(f);
    }
    if (files.empty()) return Status::NotFound(path + ": no *.gold file in this folder");
  } else {
    files.push_back(path);
  }
  std::vector<GoldDocument> all;
  std::set<std::string> ids;
  for (const std::string& f : files) {
    auto content = fs.ReadFile(f, 64ull << 20);
    if (!content.ok()) return content.status();
    auto docs = ParseGold(*content, f);
    if (!docs.ok()) return docs.status();
    for (GoldDocument& d : *docs) {
      if (!ids.insert(d.id).second) return Bad(f, d.line, "document id '" + d.id + "' is used in another gold file");
      all.push_back(std::move(d));
    }
  }
  return all;
}

namespace {

std::string Norm(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(std::tolower(c));
    } else if (c == '\'' && !out.empty()) {
      // "army's" -> "armys" is worse than dropping the possessive: drop "'s".
      space = true;
    } else {
      space = true;
    }
  }
  for (std::string_view art : {"the ", "a ", "an "}) {
    if (out.rfind(art, 0) == 0) {
      out.erase(0, art.size());
      break;
    }
  }
  return out;
}

bool ContainsWords(const std::string& hay, const std::string& needle) {
  if (needle.empty() || hay.empty()) return false;
  size_t p = 0;
  while ((p = hay.find(needle, p)) != std::string::npos) {
    size_t e = p + needle.size();
    if ((p == 0 || hay[p - 1] == ' ') && (e == hay.size() || hay[e] == ' ')) return true;
    ++p;
  }
  return false;
}

bool Overlap(Span a, Span b) { return a.start < b.end && b.start < a.end; }

std::string SentenceOf(const Document& doc, Span s) {
  for (const Sentence& st : doc.sentences) {
    if (st.span.start <= s.start && s.start < st.span.end) return std::string(doc.view(st.span));
  }
  return "";
}

std::string Bound(double v) {
  if (v < 0) return "?";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

bool SameBound(double g, double s) { return (g < 0 && s < 0) || std::fabs(g - s) < 1e-6; }

// Adds one field comparison: `gold_set`/`sys_set` say whether each side has a value.
void Field(Scores* scores, const std::string& metric, bool gold_set, bool sys_set, bool agree,
           const Mismatch& m) {
  Counts& c = scores->metrics[metric];
  if (gold_set && sys_set && agree) {
    ++c.tp;
    return;
  }
  if (!gold_set && !sys_set) return;
  if (sys_set) ++c.fp;
  if (gold_set) ++c.fn;
  scores->mismatches.push_back(m);
}

std::string EventLine(const EventRecord& e) {
  return e.type + " '" + e.trigger + "' " + e.status + " agent=" + e.agent.label() + " target=" + e.target.label() +
         " place=" + e.place.label() + " date=" + e.date;
}
std::string ClaimLine(const ClaimRecord& c) {
  return c.kind + " " + Bound(c.low) + ".." + Bound(c.high) + " by=" + c.claimed_by.label() +
         " about=" + c.about.label();
}

bool IsCore(const std::string& type) {
  return type == "control_gained" || type == "control_lost" || type == "air_strike" || type == "armed_clash" ||
         type == "killing";
}

}  // namespace

bool PartyMatches(std::string_view gold, std::string_view text, std::string_view name, std::string_view id) {
  std::string t = Norm(text), n = Norm(name), i = Norm(id);
  size_t from = 0;
  while (from <= gold.size()) {
    size_t slash = gold.find('/', from);
    std::string g = Norm(gold.substr(from, slash == std::string_view::npos ? std::string_view::npos : slash - from));
    from = slash == std::string_view::npos ? gold.size() + 1 : slash + 1;
    if (g.empty()) continue;
    if (g == t || g == n || g == i) return true;
    if (ContainsWords(t, g) || ContainsWords(g, t) || ContainsWords(n, g) || ContainsWords(g, n)) return true;
  }
  return false;
}

double Scores::Value(std::string_view name) const {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return -1;
  auto it = metrics.find(std::string(name.substr(0, dot)));
  if (it == metrics.end()) return -1;
  std::string_view what = name.substr(dot + 1);
  if (what == "p") return it->second.precision();
  if (what == "r") return it->second.recall();
  if (what == "f1") return it->second.f1();
  return -1;
}

void Score(const GoldDocument& gold, const Document& sys, Scores* scores) {
  ++scores->documents;
  // Events.
  std::vector<int> ev_match(sys.events.size(), -1);
  std::vector<int> gold_ev(gold.events.size(), -1);
  for (int pass = 0; pass < 2; ++pass) {  // same type first, then any overlapping
    for (size_t g = 0; g < gold.events.size(); ++g) {
      if (gold_ev[g] >= 0) continue;
      for (size_t s = 0; s < sys.events.size(); ++s) {
        if (ev_match[s] >= 0 || !Overlap(gold.events[g].span, sys.events[s].span)) continue;
        if (pass == 0 && sys.events[s].type != gold.events[g].type) continue;
        ev_match[s] = static_cast<int>(g);
        gold_ev[g] = static_cast<int>(s);
        break;
      }
    }
  }
  auto count = [&](const std::string& type, int Counts::*which) {
    ++(scores->metrics["events." + type].*which);
    ++(scores->metrics["events.all"].*which);
    if (IsCore(type)) ++(scores->metrics["events.core"].*which);
  };
  for (size_t g = 0; g < gold.events.size(); ++g) {
    const GoldRecord& ge = gold.events[g];
    const int s = gold_ev[g];
    if (s >= 0 && sys.events[s].type == ge.type) {
      count(ge.type, &Counts::tp);
      const EventRecord& se = sys.events[s];
      Mismatch m{gold.id, ge.line, "", "", "", SentenceOf(sys, se.span)};
      auto get = [&](const char* key, const std::string& dflt) {
        auto it = ge.fields.find(key);
        std::string v = it == ge.fields.end() ? dflt : it->second;
        return v == "-" ? std::string() : v;
      };
      struct P { const char* key; const EntityRef* ref; };
      for (P p : {P{"agent", &se.agent}, P{"target", &se.target}, P{"place", &se.place}}) {
        std::string gv = get(p.key, "");
        bool agree = PartyMatches(gv, p.ref->text, p.ref->name, p.ref->id);
        m.what = std::string("event.") + p.key;
        m.gold = gv;
        m.system = p.ref->label();
        Field(scores, m.what, !gv.empty(), !p.ref->empty(), agree, m);
      }
      std::string gs = get("status", "asserted");
      m.what = "event.status", m.gold = gs, m.system = se.status;
      Field(scores, m.what, true, true, gs == se.status, m);
      std::string gd = get("date", gold.date);
      m.what = "event.date", m.gold = gd, m.system = se.date;
      Field(scores, m.what, !gd.empty(), !se.date.empty(), gd == se.date, m);
      std::string gi = get("instrument", "");
      m.what = "event.instrument", m.gold = gi, m.system = se.instrument;
      Field(scores, m.what, !gi.empty(), !se.instrument.empty(), Norm(gi) == Norm(se.instrument), m);
    } else {
      count(ge.type, &Counts::fn);
      scores->mismatches.push_back({gold.id, ge.line, "missed event", ge.type + " '" + ge.at + "'",
                                    s >= 0 ? EventLine(sys.events[s]) : "", SentenceOf(sys, ge.span)});
    }
  }
  for (size_t s = 0; s < sys.events.size(); ++s) {
    const int g = ev_match[s];
    if (g >= 0 && gold.events[g].type == sys.events[s].type) continue;
    count(sys.events[s].type, &Counts::fp);
    scores->mismatches.push_back({gold.id, g >= 0 ? gold.events[g].line : 0, "spurious event", "",
                                  EventLine(sys.events[s]), SentenceOf(sys, sys.events[s].span)});
  }

  // Claims.
  std::vector<int> cl_match(sys.claims.size(), -1);
  std::vector<int> gold_cl(gold.claims.size(), -1);
  for (size_t g = 0; g < gold.claims.size(); ++g) {
    for (size_t s = 0; s < sys.claims.size(); ++s) {
      if (cl_match[s] >= 0 || !Overlap(gold.claims[g].span, sys.claims[s].span)) continue;
      cl_match[s] = static_cast<int>(g);
      gold_cl[g] = static_cast<int>(s);
      break;
    }
  }
  for (size_t g = 0; g < gold.claims.size(); ++g) {
    const GoldRecord& gc = gold.claims[g];
    const int s = gold_cl[g];
    Counts& all = scores->metrics["claims.all"];
    Counts& who = scores->metrics["claims.claimant"];
    auto field = [&](const char* key) {
      auto it = gc.fields.find(key);
      return it == gc.fields.end() || it->second == "-" ? std::string() : it->second;
    };
    if (s < 0) {
      ++all.fn, ++who.fn;
      scores->mismatches.push_back({gold.id, gc.line, "missed claim",
                                    gc.type + " " + Bound(gc.low) + ".." + Bound(gc.high) + " '" + gc.at + "'", "",
                                    SentenceOf(sys, gc.span)});
      continue;
    }
    const ClaimRecord& sc = sys.claims[s];
    Mismatch m{gold.id, gc.line, "", "", "", SentenceOf(sys, sc.span)};
    const std::string gby = field("by");
    const bool by_ok = gby.empty() ? sc.claimed_by.empty()
                                   : PartyMatches(gby, sc.claimed_by.text, sc.claimed_by.name, sc.claimed_by.id);
    if (sc.kind == gc.type) {
      ++all.tp;
      if (by_ok) ++who.tp; else ++who.fp, ++who.fn;
    } else {
      ++all.fp, ++all.fn, ++who.fp, ++who.fn;
    }
    m.what = "claim.kind", m.gold = gc.type, m.system = sc.kind;
    Field(scores, m.what, true, true, gc.type == sc.kind, m);
    m.what = "claim.low", m.gold = Bound(gc.low), m.system = Bound(sc.low);
    Field(scores, m.what, true, true, SameBound(gc.low, sc.low), m);
    m.what = "claim.high", m.gold = Bound(gc.high), m.system = Bound(sc.high);
    Field(scores, m.what, true, true, SameBound(gc.high, sc.high), m);
    const bool gapprox = field("approx") == "yes";
    m.what = "claim.approx", m.gold = gapprox ? "yes" : "no", m.system = sc.approx ? "yes" : "no";
    Field(scores, m.what, gapprox, sc.approx, gapprox == sc.approx, m);
    const std::string gab = field("about");
    m.what = "claim.about", m.gold = gab, m.system = sc.about.label();
    Field(scores, m.what, !gab.empty(), !sc.about.empty(),
          PartyMatches(gab, sc.about.text, sc.about.name, sc.about.id), m);
    m.what = "claim.claimed_by", m.gold = gby, m.system = sc.claimed_by.label();
    Field(scores, m.what, !gby.empty(), !sc.claimed_by.empty(), by_ok, m);
  }
  for (size_t s = 0; s < sys.claims.size(); ++s) {
    if (cl_match[s] >= 0) continue;
    ++scores->metrics["claims.all"].fp;
    ++scores->metrics["claims.claimant"].fp;
    scores->mismatches.push_back({gold.id, 0, "spurious claim", "", ClaimLine(sys.claims[s]),
                                  SentenceOf(sys, sys.claims[s].span)});
  }
}

Result<std::vector<std::pair<std::string, double>>> ParseFloors(std::string_view content, const std::string& path) {
  std::vector<std::pair<std::string, double>> out;
  int no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string line = Trim(content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    ++no;
    if (line.empty() || line[0] == '#') continue;
    size_t sp = line.find_first_of(" \t");
    if (sp == std::string::npos) return Bad(path, no, "expected '<metric>.<p|r|f1> <minimum>'");
    std::string name = line.substr(0, sp);
    std::string num = Trim(std::string_view(line).substr(sp));
    char* end = nullptr;
    double v = std::strtod(num.c_str(), &end);
    if (end == num.c_str() || *end != '\0' || v < 0 || v > 1) return Bad(path, no, "bad minimum '" + num + "' (0..1)");
    size_t dot = name.rfind('.');
    std::string_view what = dot == std::string::npos ? "" : std::string_view(name).substr(dot + 1);
    if (what != "p" && what != "r" && what != "f1") {
      return Bad(path, no, "metric '" + name + "' must end in .p, .r or .f1");
    }
    out.emplace_back(name, v);
  }
  return out;
}

}  // namespace sitrep::extract
