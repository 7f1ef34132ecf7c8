// Internal to fuse/ tests of the tables (claims_table_test, conflicts_test, outlets_test).
// Reads case files under tests/data/fuse/ (claims_cases.txt, outlets_cases.txt): records in,
// expected groups, conflicts and outlet terms out. One item a line, '#' comments, a case
// starts with "case NAME". Words (names, text, outlets, subjects) use '_' for a space;
// ids and kinds are written as they are.
//
//   doc id=d1 [outlet=Reuters] [url=https://...] [source=PATH] [title=...] [date=2016-12-11]
//   claim id=d1:c0 kind=troops [low=3000] [high=60] [item=fighters] [modifier=more_than]
//         [approx=1] [vague=1] [about=ID|Name or text:WORDS] [by=ID|Name or text:WORDS]
//         [place=ID|Name or text:WORDS] [date=2016-12-11] [event=d1:e0] [calibre=122]
//         [text=more_than_3,000_fighters]   (the words as written; quote = the words)
//   mention id=d1:m0 entity=ID|Name or text:WORDS [text=the_terrorists]
//           [type=non-state_armed_group] [kind=actor] [refers_to=N]
//   event id=d1:e0 type=control_gained [trigger=recaptured] [reported_by=Outlet]
//   story id=s1 events=d1:e0,d2:e0 [type=air_strike] [place=ID|Name] [date=2016-12]
//   expect groups=N                       number of claim groups
//   expect group claims=d1:c0,d2:c0 [subject=...] [low=] [best=] [high=] [kind=] [date=]
//          [story=]                       a group with exactly these claims
//   expect value claim=d1:c0 text=...     the words a value shows
//   expect conflicts=N                    number of numeric conflicts
//   expect conflict claims=d1:c0,d2:c0 [summary=...]   a conflict with exactly these items
//   expect documents outlet=X n=2
//   expect term outlet=X category=party key=isis term=daesh count=2 [label=...]
//   expect terms outlet=X n=5             number of terms of the outlet
// Low and high are written as in the records: a missing bound is open (-1).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fuse/fuse.h"

namespace sitrep::fuse::table_cases {

struct Expect {
  std::string what;
  std::map<std::string, std::string> attrs;
  int line = 0;
};

struct Case {
  std::string name;
  int line = 0;
  Input in;
  std::vector<Story> stories;
  std::vector<Expect> expects;
};

inline std::string Spaces(std::string s) {
  for (char& c : s)
    if (c == '_') c = ' ';
  return s;
}

inline std::map<std::string, std::string> Attrs(std::istringstream& ss) {
  std::map<std::string, std::string> m;
  std::string tok;
  while (ss >> tok) {
    auto eq = tok.find('=');
    if (eq == std::string::npos) m[tok] = "";
    else m[tok.substr(0, eq)] = tok.substr(eq + 1);
  }
  return m;
}

// "ID|Name" resolved (country from "gov:CC"/"forces:CC"), "text:WORDS" as written.
inline EntityRef Entity(const std::string& v, const std::string& kind) {
  EntityRef e;
  if (v.empty()) return e;
  e.kind = kind;
  if (v.rfind("text:", 0) == 0) {
    e.text = Spaces(v.substr(5));
    return e;
  }
  auto bar = v.find('|');
  e.id = v.substr(0, bar);
  e.name = bar == std::string::npos ? e.id : Spaces(v.substr(bar + 1));
  e.text = e.name;
  if (e.id.rfind("gov:", 0) == 0) e.country = e.id.substr(4);
  if (e.id.rfind("forces:", 0) == 0) e.country = e.id.substr(7);
  return e;
}

inline std::vector<std::string> Split(const std::string& s, char sep = ',') {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream ss(s);
  while (std::getline(ss, cur, sep))
    if (!cur.empty()) out.push_back(cur);
  return out;
}

inline DatePrecision PrecisionOf(const std::string& d) {
  return d.size() >= 10 ? DatePrecision::kDay
         : d.size() == 7 ? DatePrecision::kMonth
         : d.size() == 4 ? DatePrecision::kYear
                         : DatePrecision::kNone;
}

inline std::vector<Case> ReadCases(const std::string& name) {
  std::string path = std::string(SITREP_SOURCE_DIR) + "/tests/data/fuse/" + name;
  std::ifstream f(path);
  if (!f) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  std::vector<Case> cases;
  std::string line;
  int n = 0;
  while (std::getline(f, line)) {
    ++n;
    auto hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    std::istringstream ss(line);
    std::string head;
    if (!(ss >> head)) continue;
    if (head == "case") {
      cases.emplace_back();
      ss >> cases.back().name;
      cases.back().line = n;
      continue;
    }
    if (cases.empty()) {
      ADD_FAILURE() << path << ":" << n << ": record before any case";
      return cases;
    }
    Case& c = cases.back();
    if (head == "expect") {
      Expect x;
      x.line = n;
      std::string first;
      ss >> first;
      auto eq = first.find('=');
      if (eq != std::string::npos) {
        x.what = first.substr(0, eq);
        x.attrs["n"] = first.substr(eq + 1);
      } else {
        x.what = first;
        x.attrs = Attrs(ss);
        for (auto& [k, v] : x.attrs)
          if (k != "claims" && k != "key" && k != "category" && k != "kind") v = Spaces(v);
      }
      c.expects.push_back(std::move(x));
      continue;
    }
    auto a = Attrs(ss);
    auto num = [&](const char* k) { return a.count(k) ? std::stod(a[k]) : -1.0; };
    if (head == "doc") {
      DocInfo d;
      d.id = a["id"];
      d.outlet = Spaces(a["outlet"]);
      d.url = a["url"];
      d.title = Spaces(a["title"]);
      d.source = a["source"];
      d.date.value = a["date"];
      d.date.precision = PrecisionOf(d.date.value);
      if (!d.date.value.empty()) d.date.source = DateSource::kBody;
      // shown=VALUE@SOURCE: a date the page shows that the time stage rejected.
      if (a.count("shown")) {
        DateConflict k;
        std::string v = a["shown"];
        auto at = v.find('@');
        k.value = v.substr(0, at);
        std::string src = at == std::string::npos ? "byline" : v.substr(at + 1);
        k.source = src == "metadata" ? DateSource::kMetadata
                   : src == "dateline" ? DateSource::kDateline
                   : src == "body"     ? DateSource::kBody
                                       : DateSource::kByline;
        k.evidence = "page clock";
        k.why = "after the latest date the body states";
        d.date.conflicts.push_back(std::move(k));
      }
      c.in.docs.push_back(std::move(d));
    } else if (head == "claim") {
      ClaimRecord r;
      r.id = a["id"];
      r.document = r.id.substr(0, r.id.find(':'));
      r.kind = a["kind"];
      r.item = Spaces(a["item"]);
      r.calibre = a["calibre"];
      r.low = num("low");
      r.high = num("high");
      r.modifier = Spaces(a["modifier"]);
      r.vague = a["vague"] == "1";
      r.approx = r.vague || a["approx"] == "1" || (r.low >= 0 && r.high >= 0 && r.low != r.high);
      r.about = Entity(a["about"], "actor");
      r.claimed_by = Entity(a["by"], "source");
      r.place = Entity(a["place"], "place");
      r.date = a["date"];
      r.date_precision = PrecisionOf(r.date);
      r.event = a["event"];
      r.quote = Spaces(a["text"]);
      r.span = {100, 100 + static_cast<uint32_t>(r.quote.size())};
      r.sentence = 0;
      c.in.claims.push_back(std::move(r));
    } else if (head == "mention") {
      MentionRecord m;
      m.id = a["id"];
      m.document = m.id.substr(0, m.id.find(':'));
      m.entity = Entity(a["entity"], a.count("kind") ? a["kind"] : "actor");
      if (a.count("text")) m.entity.text = Spaces(a["text"]);
      m.type = Spaces(a["type"]);
      if (a.count("refers_to")) m.refers_to = std::stoi(a["refers_to"]);
      c.in.mentions.push_back(std::move(m));
    } else if (head == "event") {
      EventRecord e;
      e.id = a["id"];
      e.document = e.id.substr(0, e.id.find(':'));
      e.type = a["type"];
      e.trigger = Spaces(a["trigger"]);
      e.reported_by = Spaces(a["reported_by"]);
      e.status = "asserted";
      c.in.events.push_back(std::move(e));
    } else if (head == "story") {
      Story s;
      s.id = a["id"];
      s.events = Split(a["events"]);
      s.place = Entity(a["place"], "place");
      s.type = a["type"];
      s.date = a["date"];
      s.date_precision = PrecisionOf(s.date);
      c.stories.push_back(std::move(s));
    } else {
      ADD_FAILURE() << path << ":" << n << ": unknown line '" << head << "'";
    }
  }
  return cases;
}

}  // namespace sitrep::fuse::table_cases
