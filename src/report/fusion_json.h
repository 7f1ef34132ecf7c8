// Internal to report/ (the cli and the HTML report call it). The JSON shapes of the fused
// record (fuse::Fusion): what `sitrep timeline|conflicts|stories|outlets --format json`
// print and what the HTML report embeds. docs/FORMATS.md describes each shape.
//
// Conventions, shared by every writer here:
// - Fields come in a fixed order (ordered_json), so the same Fusion always prints the same
//   bytes; Fusion itself is independent of input order, so the output is too.
// - Empty strings that mean "unknown" (an unresolved id, an open date, no outlet) are null.
// - Numbers that fuse keeps as -1 for "open" (claim low/high, combined estimates) are null.
// - Dates are ISO 8601 at their precision ("2016-03-27", "2016-03", "2016").
// - Entities are {id, name}: id null when unresolved, name the display label (the resolved
//   name, else the words as written). A place adds country, lat and lon (null when unknown).
//   An empty entity is null.
// None of these fail or throw; invalid UTF-8 is the printer's business (cli PrintJson
// replaces it).
#pragma once

#include <nlohmann/json.hpp>

#include "fuse/fuse.h"
#include "sitrep/document.h"
#include "sitrep/record.h"

namespace sitrep::report {

using Json = nlohmann::ordered_json;

// {id, name}, or null when `e` is empty. (records_json.h's EntityJson is the full form.)
Json RefJson(const EntityRef& e);
// {id, name, country, lat, lon}, or null when `e` is empty.
Json PlaceRefJson(const EntityRef& e);

// A document date: {value, precision, source, confidence, evidence, conflicts: [{value,
// source, evidence, why}]}; value and evidence null when empty.
Json DocumentDateJson(const DocumentDate& d);

// Full evidence: {record, doc, outlet, source, claimed_by, sentence, start, end, quote,
// date, value}. `source` is who states it: claimed_by when set, else the outlet (null when
// neither is known). record null for a whole document.
Json EvidenceJson(const fuse::Evidence& e);
// The short form the timeline contract uses: {doc, sentence, quote, outlet}.
Json ShortEvidenceJson(const fuse::Evidence& e);

// `sitrep timeline`: {"place": PlaceRefJson, "periods": [{"controller": {id, name}, "from",
// "from_precision", "until", "status", "implied", "evidence": [short evidence]}],
// "expected": [{"controller", "after", "evidence": [short evidence]}]}. from / until null
// when open.
Json TimelineJson(const fuse::Timeline& t);

// `sitrep conflicts`, one item: {"id", "kind", "subject", "items": [EvidenceJson],
// "summary"}.
Json ConflictJson(const fuse::Conflict& c);

// `sitrep stories`, one item: {id, type, status, agent, target, place, date,
// date_precision, num_mentions, num_documents, num_sources, events: [id], evidence:
// [EvidenceJson]}.
Json StoryJson(const fuse::Story& s);

// One claims-table group: {id, subject, kind, about, place, date, story, low, best, high,
// values: [{claim, doc, outlet, claimed_by, source, low, high, text, evidence}]}.
Json ClaimGroupJson(const fuse::ClaimGroup& g);

// `sitrep outlets`, one item: {outlet, documents, parties: [{key, label, terms: [{term,
// count}]}], events: [same]}. Groups keep the order of OutletProfile::terms (key, then
// count descending, then term).
Json OutletJson(const fuse::OutletProfile& o);

// A document dated by the company it keeps: {doc, date: DocumentDateJson, chain:
// [EvidenceJson]}.
Json DocDateJson(const fuse::DocDate& d);
// A document whose stated date its content refutes: {doc, stated, implied, why, evidence}.
Json DateFlagJson(const fuse::DateFlag& f);
// Near-duplicates: {canonical, copies: [id], similarity}.
Json DuplicateJson(const fuse::DuplicateGroup& d);

// All of it: {duplicates, stories, doc_dates, date_flags, timelines, claim_groups,
// conflicts, outlets}, each an array of the shapes above in Fusion's order.
Json FusionJson(const fuse::Fusion& f);

}  // namespace sitrep::report
