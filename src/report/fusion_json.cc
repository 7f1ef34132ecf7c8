// The JSON shapes of fuse::Fusion (see fusion_json.h for the conventions).
#include "report/fusion_json.h"

#include <string>

namespace sitrep::report {
namespace {

Json NullIfEmpty(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// fuse keeps open bounds as -1.
Json NullIfOpen(double v) { return v < 0 ? Json(nullptr) : Json(v); }

template <typename T, typename F>
Json ArrayOf(const std::vector<T>& items, F&& f) {
  Json arr = Json::array();
  for (const T& item : items) arr.push_back(f(item));
  return arr;
}

}  // namespace

Json RefJson(const EntityRef& e) {
  if (e.empty()) return nullptr;
  Json j;
  j["id"] = NullIfEmpty(e.id);
  j["name"] = e.label();
  return j;
}

Json PlaceRefJson(const EntityRef& e) {
  if (e.empty()) return nullptr;
  Json j;
  j["id"] = NullIfEmpty(e.id);
  j["name"] = e.label();
  j["country"] = NullIfEmpty(e.country);
  j["lat"] = e.has_position ? Json(e.lat) : Json(nullptr);
  j["lon"] = e.has_position ? Json(e.lon) : Json(nullptr);
  return j;
}

Json DocumentDateJson(const DocumentDate& d) {
  Json j;
  j["value"] = NullIfEmpty(d.value);
  j["precision"] = DatePrecisionName(d.precision);
  j["source"] = DateSourceName(d.source);
  j["confidence"] = d.confidence;
  j["evidence"] = NullIfEmpty(d.evidence);
  j["conflicts"] = ArrayOf(d.conflicts, [](const DateConflict& c) {
    Json cj;
    cj["value"] = c.value;
    cj["source"] = DateSourceName(c.source);
    cj["evidence"] = c.evidence;
    cj["why"] = c.why;
    return cj;
  });
  return j;
}

Json EvidenceJson(const fuse::Evidence& e) {
  Json j;
  j["record"] = NullIfEmpty(e.record);
  j["doc"] = e.doc;
  j["outlet"] = NullIfEmpty(e.outlet);
  j["source"] = NullIfEmpty(e.claimed_by.empty() ? e.outlet : e.claimed_by);
  j["claimed_by"] = NullIfEmpty(e.claimed_by);
  j["sentence"] = e.sentence;
  j["start"] = e.span.start;
  j["end"] = e.span.end;
  j["quote"] = e.quote;
  j["date"] = NullIfEmpty(e.date);
  j["value"] = NullIfEmpty(e.value);
  return j;
}

Json ShortEvidenceJson(const fuse::Evidence& e) {
  Json j;
  j["doc"] = e.doc;
  j["sentence"] = e.sentence;
  j["quote"] = e.quote;
  j["outlet"] = NullIfEmpty(e.outlet);
  return j;
}

Json TimelineJson(const fuse::Timeline& t) {
  Json j;
  j["place"] = PlaceRefJson(t.place);
  j["periods"] = ArrayOf(t.periods, [](const fuse::Period& p) {
    Json pj;
    pj["controller"] = RefJson(p.controller);
    pj["from"] = NullIfEmpty(p.from);
    pj["from_precision"] = DatePrecisionName(p.from_precision);
    pj["until"] = NullIfEmpty(p.until);
    pj["status"] = p.status;
    pj["implied"] = p.implied;
    pj["evidence"] = ArrayOf(p.evidence, ShortEvidenceJson);
    return pj;
  });
  j["expected"] = ArrayOf(t.expected, [](const fuse::Expected& x) {
    Json xj;
    xj["controller"] = RefJson(x.controller);
    xj["after"] = NullIfEmpty(x.after);
    xj["evidence"] = ArrayOf(x.evidence, ShortEvidenceJson);
    return xj;
  });
  return j;
}

Json ConflictJson(const fuse::Conflict& c) {
  Json j;
  j["id"] = c.id;
  j["kind"] = c.kind;
  j["subject"] = c.subject;
  j["items"] = ArrayOf(c.items, EvidenceJson);
  j["summary"] = c.summary;
  return j;
}

Json StoryJson(const fuse::Story& s) {
  Json j;
  j["id"] = s.id;
  j["type"] = s.type;
  j["status"] = s.status;
  j["agent"] = RefJson(s.agent);
  j["target"] = RefJson(s.target);
  j["place"] = PlaceRefJson(s.place);
  j["date"] = NullIfEmpty(s.date);
  j["date_precision"] = DatePrecisionName(s.date_precision);
  j["num_mentions"] = s.num_mentions;
  j["num_documents"] = s.num_documents;
  j["num_sources"] = s.num_sources;
  j["events"] = s.events;
  j["evidence"] = ArrayOf(s.evidence, EvidenceJson);
  return j;
}

Json ClaimGroupJson(const fuse::ClaimGroup& g) {
  Json j;
  j["id"] = g.id;
  j["subject"] = g.subject;
  j["kind"] = g.kind;
  j["about"] = RefJson(g.about);
  j["place"] = PlaceRefJson(g.place);
  j["date"] = NullIfEmpty(g.date);
  j["story"] = NullIfEmpty(g.story);
  j["low"] = NullIfOpen(g.low);
  j["best"] = NullIfOpen(g.best);
  j["high"] = NullIfOpen(g.high);
  j["values"] = ArrayOf(g.values, [](const fuse::ClaimValue& v) {
    Json vj;
    vj["claim"] = v.claim;
    vj["doc"] = v.doc;
    vj["outlet"] = NullIfEmpty(v.outlet);
    vj["claimed_by"] = NullIfEmpty(v.claimed_by);
    vj["source"] = NullIfEmpty(v.claimed_by.empty() ? v.outlet : v.claimed_by);
    vj["low"] = NullIfOpen(v.low);
    vj["high"] = NullIfOpen(v.high);
    vj["text"] = v.text;
    vj["evidence"] = EvidenceJson(v.evidence);
    return vj;
  });
  return j;
}

Json OutletJson(const fuse::OutletProfile& o) {
  Json parties = Json::array(), events = Json::array();
  for (const fuse::OutletTerm& t : o.terms) {
    Json& groups = t.category == "party" ? parties : events;
    if (groups.empty() || groups.back()["key"] != t.key) {
      Json g;
      g["key"] = t.key;
      g["label"] = t.label;
      g["terms"] = Json::array();
      groups.push_back(std::move(g));
    }
    Json tj;
    tj["term"] = t.term;
    tj["count"] = t.count;
    groups.back()["terms"].push_back(std::move(tj));
  }
  Json j;
  j["outlet"] = o.outlet;
  j["documents"] = o.documents;
  j["parties"] = std::move(parties);
  j["events"] = std::move(events);
  return j;
}

Json DocDateJson(const fuse::DocDate& d) {
  Json j;
  j["doc"] = d.doc;
  j["date"] = DocumentDateJson(d.date);
  j["chain"] = ArrayOf(d.chain, EvidenceJson);
  return j;
}

Json DateFlagJson(const fuse::DateFlag& f) {
  Json j;
  j["doc"] = f.doc;
  j["stated"] = NullIfEmpty(f.stated);
  j["implied"] = NullIfEmpty(f.implied);
  j["why"] = f.why;
  j["evidence"] = ArrayOf(f.evidence, EvidenceJson);
  return j;
}

Json DuplicateJson(const fuse::DuplicateGroup& d) {
  Json j;
  j["canonical"] = d.canonical;
  j["copies"] = d.copies;
  j["similarity"] = d.similarity;
  return j;
}

Json FusionJson(const fuse::Fusion& f) {
  Json j;
  j["duplicates"] = ArrayOf(f.duplicates, DuplicateJson);
  j["stories"] = ArrayOf(f.stories, StoryJson);
  j["doc_dates"] = ArrayOf(f.doc_dates, DocDateJson);
  j["date_flags"] = ArrayOf(f.date_flags, DateFlagJson);
  j["timelines"] = ArrayOf(f.timelines, TimelineJson);
  j["claim_groups"] = ArrayOf(f.claim_groups, ClaimGroupJson);
  j["conflicts"] = ArrayOf(f.conflicts, ConflictJson);
  j["outlets"] = ArrayOf(f.outlets, OutletJson);
  return j;
}

}  // namespace sitrep::report
