// ProfileOutlets: how each outlet names the parties and the kinds of event. Descriptive
// only: counts of words as written, no judgement.
//
// Outlet: DocInfo.outlet, else the record's reported_by, else the host of the document's
// url or source, else "(unknown outlet)" (tables.h OutletName).
// Parties ("party"): every mention of kind actor resolved to an id, counted under that id
// by its words folded to lower case, white space collapsed and a leading "the " dropped
// ("the Assad regime" and "Assad regime" are one term). Descriptors the lexicon resolves
// ("the terrorists", "the regime", "regime forces") count under the actor they refer to:
// their MentionRecord carries that actor's id, or else refers_to leads to a mention that
// does.
// Kinds of event ("event"): every event's trigger words, folded the same way, under its
// type ("liberated", "recaptured", "captured" under control_gained).
// documents: the outlet's documents in the input (and any other document its records
// name).
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "fuse/parts.h"
#include "fuse/tables.h"
#include "text/fold.h"

namespace sitrep::fuse {
namespace {

std::string Term(std::string_view words) {
  std::string f = text::FoldForMatch(words);
  std::string out;
  for (char ch : f) {
    if (ch == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += ch;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.starts_with("the ") && out.size() > 4) out.erase(0, 4);
  return out;
}

std::string TypeLabel(std::string_view type) {
  std::string s(type);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

struct Acc {
  uint32_t count = 0;
  std::string label;
};

struct Profile {
  std::set<std::string> docs;
  std::map<std::tuple<std::string, std::string, std::string>, Acc> terms;  // category, key, term
};

void Add(Profile& p, std::string category, std::string key, std::string_view label, std::string term) {
  if (term.empty() || key.empty()) return;
  Acc& a = p.terms[{std::move(category), std::move(key), std::move(term)}];
  ++a.count;
  if (!label.empty() && (a.label.empty() || label < a.label)) a.label = std::string(label);
}

}  // namespace

std::vector<OutletProfile> ProfileOutlets(const Input& in) {
  auto docs = DocsById(in);
  std::map<std::string, Profile> profiles;
  auto profile_of = [&](const std::string& doc_id, std::string_view reported_by) -> Profile& {
    auto d = docs.find(doc_id);
    Profile& p = profiles[OutletName(d == docs.end() ? nullptr : d->second, reported_by)];
    if (!doc_id.empty()) p.docs.insert(doc_id);
    return p;
  };
  for (const DocInfo& d : in.docs) profile_of(d.id, {});
  // A descriptor whose record carries no id of its own is counted under the actor it
  // refers back to ("<doc>:m<refers_to>", followed a few hops).
  std::map<std::string_view, const MentionRecord*> by_id;
  for (const MentionRecord& m : in.mentions) by_id.emplace(m.id, &m);
  auto resolved = [&](const MentionRecord& m) -> const EntityRef* {
    const MentionRecord* r = &m;
    for (int hops = 0; hops < 8 && r != nullptr; ++hops) {
      if (!r->entity.id.empty()) return &r->entity;
      if (r->refers_to < 0) return nullptr;
      auto it = by_id.find(r->document + ":m" + std::to_string(r->refers_to));
      r = it == by_id.end() ? nullptr : it->second;
    }
    return nullptr;
  };
  for (const MentionRecord& m : in.mentions) {
    if (m.entity.kind != "actor") continue;
    const EntityRef* actor = resolved(m);
    if (actor == nullptr) continue;
    Add(profile_of(m.document, {}), "party", actor->id, actor->label(), Term(m.entity.text));
  }
  for (const EventRecord& e : in.events) {
    if (e.type.empty()) continue;
    Add(profile_of(e.document, e.reported_by), "event", e.type, TypeLabel(e.type), Term(e.trigger));
  }

  std::vector<OutletProfile> out;
  for (auto& [name, p] : profiles) {
    OutletProfile op;
    op.outlet = name;
    op.documents = static_cast<uint32_t>(p.docs.size());
    for (auto& [key, acc] : p.terms) {
      OutletTerm t;
      t.category = std::get<0>(key);
      t.key = std::get<1>(key);
      t.term = std::get<2>(key);
      t.label = acc.label.empty() ? t.key : acc.label;
      t.count = acc.count;
      op.terms.push_back(std::move(t));
    }
    std::sort(op.terms.begin(), op.terms.end(), [](const OutletTerm& a, const OutletTerm& b) {
      if (a.category != b.category) return a.category < b.category;
      if (a.key != b.key) return a.key < b.key;
      if (a.count != b.count) return a.count > b.count;
      return a.term < b.term;
    });
    out.push_back(std::move(op));
  }
  return out;  // std::map iteration: sorted by outlet
}

}  // namespace sitrep::fuse
