// sitrep explain ID : why an event or claim was extracted.
//
// ID is an event id ("<doc>:e<n>"), a claim id ("<doc>:c<n>"), or a document id or unique
// prefix of at least 4 characters (then every event and claim of that document, events
// first). For each record: the sentence with the words that made it marked
// ("[captured]{trigger}", "[the army]{agent}"), the rule and the trigger's frame, how each
// party was resolved (EntityRef::how), where the date came from (the sentence's time
// expression and its TIMEX3 value, or the document date), the status and why, the claimant
// and the outlet; for events, the claims linked to them; for claims, the figure read and
// the event they belong to.
//
// JSON (docs/FORMATS.md, "sitrep explain"): one explanation object for a record id, or
// {document, events: [...], claims: [...]} for a document. Exit 2 when nothing has that id,
// 1 when a document prefix is ambiguous.
#include <fmt/format.h>

#include <algorithm>

#include "cli/command.h"
#include "cli/output.h"
#include "report/records_json.h"

namespace sitrep::cli {

// cmd_events.cc, cmd_claims.cc
std::string EffectiveFormat(const std::string& local, const Globals& globals);
std::string FigureText(const ClaimRecord& c);

namespace {

// A record id's kind: 'e' for "<doc>:e<n>", 'c' for "<doc>:c<n>", 0 otherwise.
char RecordKind(std::string_view id) {
  size_t colon = id.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 2 >= id.size()) return 0;
  char k = id[colon + 1];
  if (k != 'e' && k != 'c') return 0;
  for (char c : id.substr(colon + 2)) {
    if (c < '0' || c > '9') return 0;
  }
  return k;
}

struct Mark {
  Span span;
  std::string label;
};

// The sentence's text with each span inside it wrapped as "[words]{label}". Spans equal to
// an earlier one add their label to it ("{target,place}"); spans that overlap an earlier
// one otherwise are left unmarked.
std::string MarkSentence(const Document& doc, Span sentence, std::vector<Mark> marks) {
  std::vector<Mark> kept;
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
  });
  for (Mark& m : marks) {
    if (m.span.empty() || m.span.start < sentence.start || m.span.end > sentence.end) continue;
    bool merged = false, overlaps = false;
    for (Mark& k : kept) {
      if (k.span == m.span) {
        if (k.label.find(m.label) == std::string::npos) k.label += "," + m.label;
        merged = true;
      } else if (m.span.start < k.span.end && k.span.start < m.span.end) {
        overlaps = true;
      }
    }
    if (!merged && !overlaps) kept.push_back(std::move(m));
  }
  std::string out;
  uint32_t pos = sentence.start;
  for (const Mark& k : kept) {
    out += doc.view({pos, k.span.start});
    out += "[";
    out += doc.view(k.span);
    out += "]{" + k.label + "}";
    pos = k.span.end;
  }
  out += doc.view({pos, sentence.end});
  return out;
}

std::string EntityLine(const EntityRef& e) {
  if (e.empty()) return "-";
  std::string s = e.label();
  if (!e.id.empty()) s += " [" + e.id + "]";
  if (e.has_position) s += fmt::format(" at {:.4f},{:.4f}", e.lat, e.lon);
  if (e.precision > 0) s += fmt::format(" precision {}", e.precision);
  if (!e.text.empty() && e.text != e.label()) s += " from \"" + e.text + "\"";
  if (e.id.empty()) s += " (not resolved; kept as written)";
  if (!e.how.empty()) s += " (how: " + e.how + ")";
  return s;
}

Json EntityExplainJson(std::string_view role, const EntityRef& e) {
  Json j;
  j["role"] = role;
  j["entity"] = report::EntityJson(e);
  j["resolved"] = !e.id.empty();
  j["how"] = e.how.empty() ? Json(nullptr) : Json(e.how);
  return j;
}

std::string StatusWhy(const EventRecord& e, const Document* doc) {
  const std::string& s = e.status;
  if (s == "asserted") {
    return "the writer states it: no claimant, negation, plan, attempt, condition, denial or "
           "background cue in the sentence";
  }
  if (s == "reported") {
    return "a source named in the sentence states it: " +
           (e.claimed_by.empty() ? std::string("(claimant not kept)") : e.claimed_by.label());
  }
  if (s == "denied") return "the sentence says it is denied";
  if (s == "planned") {
    return "told as expected or planned (\"will\", \"expected to\", \"plans to\", \"is about "
           "to\")";
  }
  if (s == "attempted") {
    return "told as an attempt that may have failed (\"failed to\", \"attempt to\", \"tried "
           "to\")";
  }
  if (s == "conditional") return "told under a condition (\"if\", \"unless\" before the trigger)";
  if (s == "negated") return "negated (\"did not\", \"never\")";
  if (s == "background") {
    std::string doc_date = doc != nullptr && !doc->date.value.empty() ? doc->date.value : "unknown";
    return fmt::format(
        "recalled as background: dated {}, more than 30 days before the document date {}, "
        "or told in the past perfect with a date; a past event with its own date, not news "
        "of the document's day",
        e.date.empty() ? "-" : e.date, doc_date);
  }
  return "status " + s;
}

std::string DateFrom(const std::string& date, DatePrecision precision, const std::string& source,
                     const std::string& timex, Span time_span, const Document* doc) {
  if (date.empty()) return "unknown: no time expression in the sentence and no document date";
  std::string s = fmt::format("{} ({})", date, DatePrecisionName(precision));
  if (source == "sentence") {
    s += " from the sentence";
    if (doc != nullptr && !time_span.empty() && time_span.end <= doc->text.size()) {
      s += ": \"" + std::string(doc->view(time_span)) + "\"";
    }
    if (!timex.empty()) s += " = TIMEX3 " + timex;
  } else if (source == "document date") {
    s += " from the document date";
    if (doc != nullptr && !doc->date.value.empty()) {
      s += fmt::format(" ({}, from {})", doc->date.value, DateSourceName(doc->date.source));
    }
  } else if (source == "same event") {
    s += " from another mention of the same change in this document";
    if (doc != nullptr && !time_span.empty() && time_span.end <= doc->text.size()) {
      s += ": \"" + std::string(doc->view(time_span)) + "\"";
    }
  } else if (!source.empty()) {
    s += " from " + source;
  }
  return s;
}

struct Explained {
  Json json;
  std::string text;
};

void Field(std::string& out, std::string_view name, std::string_view value) {
  out += fmt::format("{:<12}{}\n", name, value);
}

Json SentenceJson(const Document* doc, uint32_t index, const std::string& quote,
                  const std::string& marked) {
  Json j;
  j["index"] = index;
  if (doc != nullptr && index < doc->sentences.size()) {
    j["start"] = doc->sentences[index].span.start;
    j["end"] = doc->sentences[index].span.end;
  } else {
    j["start"] = nullptr;
    j["end"] = nullptr;
  }
  j["text"] = quote;
  j["marked"] = marked;
  return j;
}

const Sentence* SentenceOf(const Document* doc, uint32_t index) {
  if (doc == nullptr || index >= doc->sentences.size()) return nullptr;
  return &doc->sentences[index];
}

std::string DocumentLine(const Document* doc, const std::string& id) {
  if (doc == nullptr) return id;
  std::string s = doc->id;
  std::vector<std::string> parts;
  if (!doc->outlet.empty()) parts.push_back(doc->outlet);
  if (!doc->date.value.empty()) parts.push_back(doc->date.value);
  if (!doc->title.empty()) parts.push_back("\"" + Truncate(doc->title, 60) + "\"");
  if (!parts.empty()) s += " (" + fmt::format("{}", fmt::join(parts, ", ")) + ")";
  return s;
}

Explained ExplainEvent(const EventRecord& e, const Document* doc,
                       const std::vector<ClaimRecord>& claims) {
  const Sentence* sent = SentenceOf(doc, e.sentence);
  std::string marked = e.quote;
  if (sent != nullptr) {
    marked = MarkSentence(*doc, sent->span,
                          {{e.span, "trigger"},
                           {e.agent.span, "agent"},
                           {e.target.span, "target"},
                           {e.place.span, "place"},
                           {e.time_span, "time"},
                           {e.claimed_by.span, "claimant"}});
  }
  const std::string why = StatusWhy(e, doc);
  const std::string date_from =
      DateFrom(e.date, e.date_precision, e.time_source, e.timex, e.time_span, doc);
  std::vector<const ClaimRecord*> linked;
  for (const ClaimRecord& c : claims) {
    if (c.event == e.id) linked.push_back(&c);
  }

  Explained x;
  std::string& t = x.text;
  Field(t, "event", e.id);
  Field(t, "type", fmt::format("{} (trigger \"{}\", frame {}, rule \"{}\")", e.type, e.trigger,
                               e.frame.empty() ? "-" : e.frame, e.rule));
  Field(t, "status", e.status + ": " + why);
  Field(t, "document", DocumentLine(doc, e.document));
  Field(t, "sentence", fmt::format("{} ({}, bytes {}-{}; trigger at {}-{})", e.sentence,
                                   LineKindName(e.line_kind), sent ? sent->span.start : 0,
                                   sent ? sent->span.end : 0, e.span.start, e.span.end));
  Field(t, "", marked);
  Field(t, "agent", EntityLine(e.agent));
  Field(t, "target", EntityLine(e.target));
  Field(t, "place", EntityLine(e.place));
  if (!e.instrument.empty()) Field(t, "instrument", e.instrument);
  Field(t, "date", date_from);
  Field(t, "claimed by", e.claimed_by.empty() ? "- (the outlet's own statement)"
                                              : EntityLine(e.claimed_by));
  Field(t, "reported by", e.reported_by.empty() ? "-" : e.reported_by);
  for (const ClaimRecord* c : linked) {
    Field(t, "claim", fmt::format("{} {} {} {}", c->id, c->kind, FigureText(*c), c->item));
  }

  Json& j = x.json;
  j["record"] = "event";
  j["id"] = e.id;
  j["event"] = report::EventJson(e);
  j["sentence"] = SentenceJson(doc, e.sentence, e.quote, marked);
  j["rule"] = e.rule;
  j["frame"] = e.frame.empty() ? Json(nullptr) : Json(e.frame);
  j["trigger"] = e.trigger;
  Json parties = Json::array();
  parties.push_back(EntityExplainJson("agent", e.agent));
  parties.push_back(EntityExplainJson("target", e.target));
  parties.push_back(EntityExplainJson("place", e.place));
  parties.push_back(EntityExplainJson("claimant", e.claimed_by));
  j["parties"] = parties;
  j["date_from"] = date_from;
  j["status"] = e.status;
  j["status_why"] = why;
  Json ids = Json::array();
  for (const ClaimRecord* c : linked) ids.push_back(c->id);
  j["claims"] = ids;
  return x;
}

Explained ExplainClaim(const ClaimRecord& c, const Document* doc,
                       const std::vector<EventRecord>& events) {
  const Sentence* sent = SentenceOf(doc, c.sentence);
  std::string marked = c.quote;
  if (sent != nullptr) {
    // The number inside the claim's span would overlap it; mark the whole claim.
    marked = MarkSentence(*doc, sent->span,
                          {{c.span, "claim"},
                           {c.about.span, "about"},
                           {c.claimed_by.span, "claimant"},
                           {c.place.span, "place"}});
  }
  const EventRecord* event = nullptr;
  for (const EventRecord& e : events) {
    if (e.id == c.event) event = &e;
  }
  std::string figure = FigureText(c);
  std::string reading = fmt::format(
      "{} (low {}, high {}{}{}{})", figure, c.low < 0 ? "open" : report::CsvFigure(c.low),
      c.high < 0 ? "open" : report::CsvFigure(c.high),
      c.modifier.empty() ? "" : ", modifier \"" + c.modifier + "\"",
      c.vague ? ", a vague quantity" : "",
      c.acled >= 0 ? ", ACLED figure " + report::CsvFigure(c.acled) : "");
  std::string number =
      doc != nullptr && !c.number.empty() && c.number.end <= doc->text.size()
          ? std::string(doc->view(c.number))
          : "";
  std::string date_from;
  if (c.date.empty()) {
    date_from = "unknown";
  } else {
    date_from = fmt::format("{} ({}) {}", c.date, DatePrecisionName(c.date_precision),
                            event != nullptr ? "from its event " + event->id
                                             : std::string("from the sentence or the document"));
  }

  Explained x;
  std::string& t = x.text;
  Field(t, "claim", c.id);
  Field(t, "kind", fmt::format("{}{} (rule \"{}\")", c.kind,
                               c.item.empty() ? "" : " (" + c.item + ")", c.rule));
  Field(t, "figure", reading);
  if (!number.empty()) {
    Field(t, "number", fmt::format("\"{}\" at bytes {}-{}", number, c.number.start, c.number.end));
  }
  Field(t, "document", DocumentLine(doc, c.document));
  Field(t, "sentence", fmt::format("{} ({}, bytes {}-{}; claim at {}-{})", c.sentence,
                                   LineKindName(c.line_kind), sent ? sent->span.start : 0,
                                   sent ? sent->span.end : 0, c.span.start, c.span.end));
  Field(t, "", marked);
  Field(t, "about", EntityLine(c.about));
  Field(t, "claimed by", c.claimed_by.empty() ? "- (the outlet's own statement)"
                                              : EntityLine(c.claimed_by));
  Field(t, "reported by", c.reported_by.empty() ? "-" : c.reported_by);
  Field(t, "place", EntityLine(c.place));
  Field(t, "date", date_from);
  Field(t, "event", event != nullptr ? fmt::format("{} {} ({})", event->id, event->type,
                                                   event->status)
                                     : (c.event.empty() ? "- (no event in its sentence)" : c.event));

  Json& j = x.json;
  j["record"] = "claim";
  j["id"] = c.id;
  j["claim"] = report::ClaimJson(c);
  j["sentence"] = SentenceJson(doc, c.sentence, c.quote, marked);
  j["rule"] = c.rule;
  j["figure"] = figure;
  j["number"] = number.empty() ? Json(nullptr) : Json(number);
  Json parties = Json::array();
  parties.push_back(EntityExplainJson("about", c.about));
  parties.push_back(EntityExplainJson("claimant", c.claimed_by));
  parties.push_back(EntityExplainJson("place", c.place));
  j["parties"] = parties;
  j["date_from"] = date_from;
  j["event"] = event != nullptr ? report::EventJson(*event) : Json(nullptr);
  return x;
}

class ExplainCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = app.add_subcommand(
        "explain", "Show why an event or claim was extracted (or all of one document's)");
    sub->add_option("id", id_, "event id (DOC:eN), claim id (DOC:cN), or a document id/prefix")
        ->required()
        ->type_name("ID");
    sub->add_option("--format", format_, "table (default) or json")
        ->check(CLI::IsMember({"table", "json"}))
        ->type_name("FORMAT");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    const bool json = EffectiveFormat(format_, globals) == "json";
    auto store_or = OpenExistingStore(ResolveDbPath(globals.db));
    if (!store_or.ok()) return Fail(io, store_or.status());
    Store& store = **store_or;

    const char kind = RecordKind(id_);
    std::string doc_id;
    std::vector<EventRecord> events;
    std::vector<ClaimRecord> claims;
    if (kind != 0) {
      doc_id = id_.substr(0, id_.rfind(':'));
    }
    // The document: the record's, or the one ID names.
    auto doc = store.GetDocument(kind != 0 ? doc_id : id_);
    if (!doc.ok()) {
      if (kind != 0 && doc.status().code() == StatusCode::kNotFound) {
        return Fail(io, Status::NotFound(fmt::format(
                            "no {} {}: its document {} is not stored",
                            kind == 'e' ? "event" : "claim", id_, doc_id)));
      }
      return Fail(io, doc.status());
    }
    doc_id = doc->id;
    EventQuery eq;
    eq.document = doc_id;
    auto all_events = store.ListEvents(eq);
    if (!all_events.ok()) return Fail(io, all_events.status());
    ClaimQuery cq;
    cq.document = doc_id;
    auto all_claims = store.ListClaims(cq);
    if (!all_claims.ok()) return Fail(io, all_claims.status());

    if (kind == 'e') {
      for (const EventRecord& e : *all_events) {
        if (e.id == id_) events.push_back(e);
      }
      if (events.empty()) {
        return Fail(io, Status::NotFound(fmt::format(
                            "no event {} (document {} has {} events)", id_, doc_id,
                            all_events->size())));
      }
    } else if (kind == 'c') {
      for (const ClaimRecord& c : *all_claims) {
        if (c.id == id_) claims.push_back(c);
      }
      if (claims.empty()) {
        return Fail(io, Status::NotFound(fmt::format(
                            "no claim {} (document {} has {} claims)", id_, doc_id,
                            all_claims->size())));
      }
    } else {
      events = *all_events;
      claims = *all_claims;
    }

    std::vector<Explained> xs;
    for (const EventRecord& e : events) xs.push_back(ExplainEvent(e, &*doc, *all_claims));
    for (const ClaimRecord& c : claims) xs.push_back(ExplainClaim(c, &*doc, *all_events));

    if (json) {
      if (kind != 0) {
        PrintJson(io.out, xs[0].json);
      } else {
        Json j;
        j["document"] = doc_id;
        Json ev = Json::array(), cl = Json::array();
        for (Explained& x : xs) {
          (x.json["record"] == "event" ? ev : cl).push_back(std::move(x.json));
        }
        j["events"] = std::move(ev);
        j["claims"] = std::move(cl);
        PrintJson(io.out, j);
      }
      return kExitOk;
    }
    if (kind == 0) {
      io.out << fmt::format("document {}: {} events, {} claims\n", DocumentLine(&*doc, doc_id),
                            events.size(), claims.size());
    }
    for (size_t i = 0; i < xs.size(); ++i) {
      if (i > 0 || kind == 0) io.out << "\n";
      io.out << xs[i].text;
    }
    return kExitOk;
  }

 private:
  std::string id_;
  std::string format_;
};

}  // namespace

std::unique_ptr<Command> MakeExplainCommand() { return std::make_unique<ExplainCommand>(); }

}  // namespace sitrep::cli
