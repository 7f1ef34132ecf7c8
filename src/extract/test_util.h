// Internal to extract/ tests. Reading the case files under tests/data/extract/ and building
// annotated documents from short texts.
//
// Case file format: cases are separated by blank lines; '#' lines are comments.
//   text: <a line of the document>        (repeat for several lines; '\n' joins them)
//   date: 2016-12-11                       (optional document date for time expressions)
//   claim: <kind> <low>..<high> | key=value | ...   (expected claims, in text order)
//   claims: none                           (expects no claim)
//   event: <type> | key=value | ...        (expected events, in text order)
//   events: none
//   trigger: <type> <words as written>  (expected trigger matches, in text order)
// Low and high print '?' for an open end. Keys compare only when given.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "extract/resources.h"
#include "sitrep/document.h"
#include "text/text.h"
#include "time/timex.h"

namespace sitrep::extract::testing {

struct Case {
  int line = 0;
  std::string text;
  std::string date;
  std::vector<std::string> claims;  // expected lines after "claim: "
  std::vector<std::string> events;
  std::vector<std::string> triggers;  // "type: phrase as written"
  bool no_claims = false, no_events = false;
};

inline std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

inline std::vector<Case> ReadCases(const std::string& name) {
  std::string path = std::string(SITREP_SOURCE_DIR) + "/tests/data/extract/" + name;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::vector<Case> out;
  Case cur;
  bool any = false;
  std::string line;
  int no = 0;
  auto flush = [&] {
    if (any) out.push_back(cur);
    cur = Case{};
    any = false;
  };
  while (std::getline(in, line)) {
    ++no;
    if (!line.empty() && line[0] == '#') continue;
    if (Trim(line).empty()) {
      flush();
      continue;
    }
    if (!any) cur.line = no;
    any = true;
    auto colon = line.find(':');
    std::string key = line.substr(0, colon);
    std::string val = colon == std::string::npos ? "" : line.substr(colon + 1);
    if (!val.empty() && val[0] == ' ') val.erase(0, 1);
    if (key == "text") cur.text += (cur.text.empty() ? "" : "\n") + val;
    else if (key == "date") cur.date = Trim(val);
    else if (key == "claim") cur.claims.push_back(Trim(val));
    else if (key == "claims" && Trim(val) == "none") cur.no_claims = true;
    else if (key == "event") cur.events.push_back(Trim(val));
    else if (key == "events" && Trim(val) == "none") cur.no_events = true;
    else if (key == "trigger") cur.triggers.push_back(Trim(val));
    else ADD_FAILURE() << path << ":" << no << ": unknown key '" << key << "'";
  }
  flush();
  return out;
}

// A document from `text`, annotated by the text stage (sentences, tokens).
inline Document MakeDocument(const std::string& text, const std::string& id = "test") {
  Document doc;
  doc.id = id;
  doc.text = text;
  Status st = text::Annotate(doc);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return doc;
}

inline const time::Tagger* TestTagger() {
  static const time::Tagger* t = [] () -> const time::Tagger* {
    auto r = time::Tagger::LoadDefault();
    if (!r.ok()) return nullptr;
    return std::move(r).value().release();
  }();
  return t;
}

inline std::vector<time::DocumentTimex> TagTimes(const Document& doc, const std::string& date) {
  const time::Tagger* tagger = TestTagger();
  if (tagger == nullptr) return {};
  time::Reference ref = time::Reference::Unknown();
  if (!date.empty()) {
    auto r = time::Reference::Parse(date, time::AnchorKind::kDocumentDate);
    EXPECT_TRUE(r.ok()) << date;
    if (r.ok()) ref = *r;
  }
  return time::TagDocument(*tagger, doc, ref, {});
}

inline std::string Num(double v) {
  if (v < 0) return "?";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// "key=value" fields of an expected line after the first '|'-separated field.
inline std::vector<std::pair<std::string, std::string>> Fields(const std::string& line, std::string* head) {
  std::vector<std::pair<std::string, std::string>> out;
  std::stringstream ss(line);
  std::string part;
  bool first = true;
  while (std::getline(ss, part, '|')) {
    part = Trim(part);
    if (first) {
      *head = part;
      first = false;
      continue;
    }
    auto eq = part.find('=');
    if (eq == std::string::npos) out.emplace_back(part, "");
    else out.emplace_back(Trim(part.substr(0, eq)), Trim(part.substr(eq + 1)));
  }
  return out;
}

// An entity reference with all its fields, for comparing records.
inline std::string Flat(const EntityRef& e) {
  std::ostringstream o;
  o << "{" << e.text << "|" << e.span.start << "-" << e.span.end << "|" << e.id << "|" << e.name << "|" << e.kind
    << "|" << e.country << "|" << e.has_position << "|" << e.lat << "|" << e.lon << "|" << e.precision << "|"
    << e.how << "}";
  return o.str();
}

// Every field of the document's records, one line each: two documents whose records
// are equal field by field give the same text.
inline std::string Flat(const Document& doc) {
  std::ostringstream o;
  for (const MentionRecord& m : doc.mentions) {
    o << "m " << m.id << "|" << m.document << "|" << m.sentence << "|" << Flat(m.entity) << "|" << m.type << "|"
      << m.refers_to << "\n";
  }
  for (const EventRecord& e : doc.events) {
    o << "e " << e.id << "|" << e.document << "|" << e.sentence << "|" << e.span.start << "-" << e.span.end << "|"
      << e.trigger << "|" << e.type << "|" << e.status << "|" << e.frame << "|" << e.rule << "|" << Flat(e.agent)
      << Flat(e.target) << Flat(e.place) << "|" << e.instrument << "|" << e.date << "|"
      << static_cast<int>(e.date_precision) << "|" << e.timex << "|" << e.time_span.start << "-" << e.time_span.end
      << "|" << e.time_source << "|" << Flat(e.claimed_by) << "|" << e.reported_by << "|"
      << static_cast<int>(e.line_kind) << "|" << e.quote << "\n";
  }
  for (const ClaimRecord& c : doc.claims) {
    o << "c " << c.id << "|" << c.document << "|" << c.sentence << "|" << c.span.start << "-" << c.span.end << "|"
      << c.number.start << "-" << c.number.end << "|" << c.kind << "|" << c.item << "|" << c.calibre << "|" << c.low
      << "|" << c.high << "|" << c.acled << "|" << c.modifier << "|" << c.effect << "|" << c.approx << "|"
      << c.vague << "|" << Flat(c.about) << Flat(c.claimed_by) << "|" << c.reported_by << "|" << Flat(c.place)
      << "|" << c.date << "|" << static_cast<int>(c.date_precision) << "|" << c.event << "|" << c.rule << "|"
      << static_cast<int>(c.line_kind) << "|" << c.quote << "\n";
  }
  return o.str();
}

}  // namespace sitrep::extract::testing
