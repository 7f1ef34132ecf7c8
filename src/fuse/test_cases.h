// Internal to fuse/ tests. Reads the case files under tests/data/fuse/: records in, the
// expected stories, document dates and control periods out. Format (one item a line,
// '#' comments, a case ends at a blank line or the next "case"):
//
//   case NAME
//   doc id=d1 outlet=Reuters date=2016-03-27 [copy_of=d0] [text=WORDS_WITH_UNDERSCORES]
//   event id=d1:e0 type=control_gained status=asserted agent=forces:SY target=isis
//         place=GN:1@SY date=2016-03-27 time=sentence|document|none trigger=recaptured
//   expect stories=3
//   expect story events=d1:e0,d2:e0 docs=2 sources=2 date=2016-03-27 status=asserted
//   expect docdate doc=d2 date=2016-12-11
//   expect nodocdate doc=d2
//   expect flag doc=d3
//   expect periods=4                 (for place P: use place=ID)
//   expect period place=GN:1 controller=isis from=2015-05 until=2016-03-27 status=asserted
//          implied=0
//   expect expected place=GN:1 controller=state:SY after=2017-03-01
//   expect expecteds=1               (expected changes of the only or first timeline)
//
// An entity written "ID" is resolved (name = ID; "gov:CC"/"forces:CC" get country CC and
// "GN:..@CC" places country CC); "text:WORDS" is unresolved text ('_' for spaces).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fuse/fuse.h"

namespace sitrep::fuse::testing {

struct Expect {
  std::string what;                          // "stories", "story", "docdate", ...
  std::map<std::string, std::string> attrs;  // key=value
  int line = 0;
};

struct Case {
  std::string name;
  int line = 0;
  Input in;
  std::vector<Expect> expects;
};

inline std::map<std::string, std::string> Attrs(std::istringstream& ss) {
  std::map<std::string, std::string> m;
  std::string tok;
  while (ss >> tok) {
    auto eq = tok.find('=');
    if (eq == std::string::npos) {
      m[tok] = "";
    } else {
      m[tok.substr(0, eq)] = tok.substr(eq + 1);
    }
  }
  return m;
}

inline std::string Spaces(std::string s) {
  for (char& c : s)
    if (c == '_') c = ' ';
  return s;
}

inline EntityRef Entity(const std::string& v, const std::string& kind) {
  EntityRef e;
  if (v.empty()) return e;
  e.kind = kind;
  if (v.rfind("text:", 0) == 0) {
    e.text = Spaces(v.substr(5));
    return e;
  }
  std::string id = v;
  auto at = id.find('@');
  if (at != std::string::npos) {
    e.country = id.substr(at + 1);
    id = id.substr(0, at);
  }
  e.id = id;
  e.name = id;
  e.text = id;
  if (id.rfind("gov:", 0) == 0) e.country = id.substr(4);
  if (id.rfind("forces:", 0) == 0) e.country = id.substr(7);
  if (id.rfind("country:", 0) == 0) e.country = id.substr(8);
  if (kind == "place") e.precision = id.rfind("country:", 0) == 0 ? 3 : 1;
  return e;
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
  std::map<std::string, std::string> texts;
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
    auto a = Attrs(ss);
    if (head == "doc") {
      DocInfo d;
      d.id = a["id"];
      d.outlet = Spaces(a["outlet"]);
      d.date.value = a["date"];
      if (!d.date.value.empty()) {
        d.date.precision = d.date.value.size() == 10  ? DatePrecision::kDay
                           : d.date.value.size() == 7 ? DatePrecision::kMonth
                                                      : DatePrecision::kYear;
        d.date.source = DateSource::kDateline;
      }
      std::string text = a.count("text") ? Spaces(a["text"]) : "document " + d.id + " about its own things entirely";
      if (a.count("copy_of")) text = texts[a["copy_of"]] + " (copy)";
      texts[d.id] = text;
      d.minhash = MinHash(text);
      c.in.docs.push_back(std::move(d));
    } else if (head == "event") {
      EventRecord e;
      e.id = a["id"];
      e.document = e.id.substr(0, e.id.find(':'));
      e.type = a["type"];
      e.status = a.count("status") ? a["status"] : "asserted";
      e.agent = Entity(a["agent"], "actor");
      e.target = Entity(a["target"], "actor");
      e.place = Entity(a["place"], "place");
      e.trigger = Spaces(a["trigger"]);
      e.rule = Spaces(a["rule"]);
      e.date = a["date"];
      e.date_precision = e.date.size() == 10  ? DatePrecision::kDay
                         : e.date.size() == 7 ? DatePrecision::kMonth
                         : e.date.size() == 4 ? DatePrecision::kYear
                                              : DatePrecision::kNone;
      e.timex = a.count("timex") ? a["timex"] : e.date;
      std::string t = a.count("time") ? a["time"] : (e.date.empty() ? "none" : "sentence");
      e.time_source = t == "document" ? "document date" : t;
      e.sentence = static_cast<uint32_t>(std::stoul(a.count("sentence") ? a["sentence"] : "0"));
      e.quote = "sentence of " + e.id;
      c.in.events.push_back(std::move(e));
    } else if (head == "mention") {
      MentionRecord m;
      m.id = a["id"];
      m.document = m.id.substr(0, m.id.find(':'));
      m.entity = Entity(a["entity"], "actor");
      m.type = Spaces(a["type"]);
      if (a.count("country")) m.entity.country = a["country"];
      c.in.mentions.push_back(std::move(m));
    } else if (head == "expect") {
      Expect x;
      x.line = n;
      std::istringstream again(line);
      std::string skip;
      again >> skip;
      std::string first;
      again >> first;
      auto eq = first.find('=');
      if (eq != std::string::npos) {  // "expect stories=3"
        x.what = first.substr(0, eq);
        x.attrs["n"] = first.substr(eq + 1);
      } else {
        x.what = first;
        x.attrs = Attrs(again);
      }
      c.expects.push_back(std::move(x));
    } else {
      ADD_FAILURE() << path << ":" << n << ": unknown line '" << head << "'";
    }
  }
  return cases;
}

}  // namespace sitrep::fuse::testing
