#include "report/records_jsonl.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "util/unicode.h"

namespace sitrep::report {
namespace {

// ---- strings ----------------------------------------------------------------------

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

// Whether any byte of w is below 0x20, a quote or a backslash (exact for "any": the
// usual zero-byte tests, which may misplace a flag but never invent one).
inline bool NeedsEscape(uint64_t w) {
  const uint64_t below = (w - kOnes * 0x20) & ~w;
  const uint64_t q = w ^ (kOnes * '"');
  const uint64_t b = w ^ (kOnes * '\\');
  const uint64_t quote = (q - kOnes) & ~q;
  const uint64_t slash = (b - kOnes) & ~b;
  return ((below | quote | slash) & kHighs) != 0;
}

// The escape of one ASCII byte that needs one (c < 0x20, '"' or '\\'), as nlohmann writes it.
void AppendEscape(unsigned char c, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  char e[6] = {'\\', 0, 0, 0, 0, 0};
  switch (c) {
    case '\b': e[1] = 'b'; break;
    case '\t': e[1] = 't'; break;
    case '\n': e[1] = 'n'; break;
    case '\f': e[1] = 'f'; break;
    case '\r': e[1] = 'r'; break;
    case '"': e[1] = '"'; break;
    case '\\': e[1] = '\\'; break;
    default:
      e[1] = 'u', e[2] = '0', e[3] = '0', e[4] = kHex[c >> 4], e[5] = kHex[c & 15];
      out->append(e, 6);
      return;
  }
  out->append(e, 2);
}

inline bool Escaped(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// The body of a JSON string (no quotes) for valid UTF-8 or not; returns whether any byte
// was 0x80 or above (then the caller checks validity).
bool AppendEscapedBody(std::string_view s, std::string* out) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t i = 0, copied = 0;
  uint64_t high = 0;
  while (i < n) {
    if (n - i >= 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      high |= w;
      if (!NeedsEscape(w)) {
        i += 8;
        continue;
      }
    }
    // This word (or the tail) holds a byte to escape: go byte by byte over it.
    const size_t stop = n - i >= 8 ? i + 8 : n;
    for (; i < stop; ++i) {
      const auto c = static_cast<unsigned char>(p[i]);
      high |= c;
      if (!Escaped(c)) continue;
      out->append(p + copied, i - copied);
      AppendEscape(c, out);
      copied = i + 1;
    }
  }
  out->append(p + copied, n - copied);
  return (high & kHighs) != 0;
}

// ---- objects ----------------------------------------------------------------------

// Writes one object's fields in order: Key() puts the separator, the quoted key and the
// colon (keys are plain ASCII literals).
class Obj {
 public:
  Obj(std::string* out, std::string_view record) : out_(out) {
    out_->push_back('{');
    if (!record.empty()) {
      out_->append("\"record\":");
      AppendJsonString(record, out_);
      first_ = false;
    }
  }
  void End() { out_->push_back('}'); }

  void Key(std::string_view k) {
    if (!first_) out_->push_back(',');
    first_ = false;
    out_->push_back('"');
    out_->append(k);
    out_->append("\":", 2);
  }
  void Str(std::string_view k, std::string_view v) {
    Key(k);
    AppendJsonString(v, out_);
  }
  // Null when empty (records_json.cc's Str()).
  void StrOrNull(std::string_view k, std::string_view v) {
    Key(k);
    if (v.empty()) Null();
    else AppendJsonString(v, out_);
  }
  void UInt(std::string_view k, uint64_t v) {
    Key(k);
    Number(v);
  }
  void Int(std::string_view k, int64_t v) {
    Key(k);
    Number(v);
  }
  void Bool(std::string_view k, bool v) {
    Key(k);
    out_->append(v ? "true" : "false");
  }
  void NullField(std::string_view k) {
    Key(k);
    Null();
  }
  // records_json.cc's SpanStart / SpanEnd: null for an empty span.
  void SpanStart(std::string_view k, Span s) {
    if (s.empty()) NullField(k);
    else UInt(k, s.start);
  }
  void SpanEnd(std::string_view k, Span s) {
    if (s.empty()) NullField(k);
    else UInt(k, s.end);
  }
  // FigureJson.
  void Figure(std::string_view k, double v) {
    Key(k);
    if (v < 0 || !std::isfinite(v)) Null();
    else if (v == std::floor(v) && v < 1e15) Number(static_cast<int64_t>(v));
    else AppendJsonDouble(v, out_);
  }
  void Entity(std::string_view k, const EntityRef& e) {
    Key(k);
    AppendEntityJson(e, out_);
  }

  void Null() { out_->append("null", 4); }
  template <typename T>
  void Number(T v) {
    char buf[24];
    const char* end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out_->append(buf, static_cast<size_t>(end - buf));
  }

 private:
  std::string* out_;
  bool first_ = true;
};

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  const size_t mark = out->size();
  out->push_back('"');
  if (AppendEscapedBody(s, out) && !IsValidUtf8(s)) {
    // Invalid UTF-8: nlohmann's own replacement, byte for byte (rare; see the header).
    out->resize(mark);
    out->append(Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace));
    return;
  }
  out->push_back('"');
}

void AppendJsonDouble(double v, std::string* out) {
  if (!std::isfinite(v)) {
    out->append("null", 4);
    return;
  }
  char buf[64];
  const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, static_cast<size_t>(end - buf));
}

void AppendEntityJson(const EntityRef& e, std::string* out) {
  if (e.empty()) {
    out->append("null", 4);
    return;
  }
  Obj o(out, "");
  o.StrOrNull("text", e.text);
  o.StrOrNull("id", e.id);
  o.StrOrNull("name", e.name);
  o.StrOrNull("kind", e.kind);
  o.StrOrNull("country", e.country);
  if (e.has_position) {
    o.Key("lat");
    AppendJsonDouble(e.lat, out);
    o.Key("lon");
    AppendJsonDouble(e.lon, out);
  } else {
    o.NullField("lat");
    o.NullField("lon");
  }
  if (e.precision > 0) o.Int("precision", e.precision);
  else o.NullField("precision");
  o.StrOrNull("how", e.how);
  o.SpanStart("start", e.span);
  o.SpanEnd("end", e.span);
  o.End();
}

void AppendMentionJson(const MentionRecord& m, std::string_view record, std::string* out) {
  Obj o(out, record);
  o.Str("id", m.id);
  o.Str("doc", m.document);
  if (m.sentence == UINT32_MAX) o.NullField("sentence");
  else o.UInt("sentence", m.sentence);
  o.StrOrNull("kind", m.entity.kind);
  o.StrOrNull("type", m.type);
  o.Entity("entity", m.entity);
  if (m.refers_to >= 0) o.Int("refers_to", m.refers_to);
  else o.NullField("refers_to");
  o.End();
}

void AppendEventJson(const EventRecord& e, std::string_view record, std::string* out) {
  Obj o(out, record);
  o.Str("id", e.id);
  o.Str("type", e.type);
  o.Str("status", e.status);
  o.Entity("agent", e.agent);
  o.Entity("target", e.target);
  o.Entity("place", e.place);
  o.StrOrNull("date", e.date);
  o.Str("date_precision", DatePrecisionName(e.date_precision));
  o.Str("doc", e.document);
  o.UInt("sentence", e.sentence);
  o.UInt("start", e.span.start);
  o.UInt("end", e.span.end);
  o.StrOrNull("rule", e.rule);
  o.Str("trigger", e.trigger);
  o.StrOrNull("frame", e.frame);
  o.StrOrNull("instrument", e.instrument);
  o.StrOrNull("timex", e.timex);
  o.SpanStart("time_start", e.time_span);
  o.SpanEnd("time_end", e.time_span);
  o.Str("time_source", e.time_source.empty() ? std::string_view("none") : std::string_view(e.time_source));
  o.Entity("claimed_by", e.claimed_by);
  o.StrOrNull("reported_by", e.reported_by);
  o.Str("line_kind", LineKindName(e.line_kind));
  o.Str("quote", e.quote);
  o.End();
}

void AppendClaimJson(const ClaimRecord& c, std::string_view record, std::string* out) {
  Obj o(out, record);
  o.Str("id", c.id);
  o.Str("kind", c.kind);
  o.Figure("low", c.low);
  o.Figure("high", c.high);
  o.Bool("approx", c.approx);
  o.Bool("vague", c.vague);
  o.Figure("acled", c.acled);
  o.StrOrNull("item", c.item);
  o.StrOrNull("calibre", c.calibre);
  o.Entity("about", c.about);
  o.Entity("claimed_by", c.claimed_by);
  o.StrOrNull("reported_by", c.reported_by);
  o.Entity("place", c.place);
  o.StrOrNull("date", c.date);
  o.Str("date_precision", DatePrecisionName(c.date_precision));
  o.StrOrNull("event", c.event);
  o.Str("doc", c.document);
  o.UInt("sentence", c.sentence);
  o.UInt("start", c.span.start);
  o.UInt("end", c.span.end);
  o.SpanStart("number_start", c.number);
  o.SpanEnd("number_end", c.number);
  o.StrOrNull("modifier", c.modifier);
  o.StrOrNull("effect", c.effect);
  o.StrOrNull("rule", c.rule);
  o.Str("line_kind", LineKindName(c.line_kind));
  o.Str("quote", c.quote);
  o.End();
}

// ---- the document line ------------------------------------------------------------

namespace {
Json NullIfEmpty(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
}  // namespace

Json DocumentRecordJson(const Document& doc, bool with_text) {
  Json j;
  j["record"] = "document";
  j["id"] = doc.id;
  j["source"] = doc.source;
  j["url"] = NullIfEmpty(doc.url);
  j["title"] = doc.title;
  j["outlet"] = NullIfEmpty(doc.outlet);
  j["published"] = NullIfEmpty(doc.published);
  j["format"] = InputFormatName(doc.format);
  AddDateFields(doc.date, j);
  j["sentences"] = doc.sentences.size();
  j["mentions"] = doc.mentions.size();
  j["events"] = doc.events.size();
  j["claims"] = doc.claims.size();
  if (with_text) j["text"] = doc.text;
  return j;
}

void AppendDocumentRecord(const Document& doc, bool with_text, std::string* out) {
  Obj o(out, "document");
  o.Str("id", doc.id);
  o.Str("source", doc.source);
  o.StrOrNull("url", doc.url);
  o.Str("title", doc.title);
  o.StrOrNull("outlet", doc.outlet);
  o.StrOrNull("published", doc.published);
  o.Str("format", InputFormatName(doc.format));
  const DocumentDate& date = doc.date;
  o.StrOrNull("date", date.value);
  o.Str("date_precision", DatePrecisionName(date.precision));
  o.Str("date_source", DateSourceName(date.source));
  o.Key("date_confidence");
  AppendJsonDouble(date.confidence, out);
  o.StrOrNull("date_evidence", date.evidence);
  o.Key("date_conflicts");
  out->push_back('[');
  for (size_t i = 0; i < date.conflicts.size(); ++i) {
    const DateConflict& c = date.conflicts[i];
    if (i > 0) out->push_back(',');
    Obj co(out, "");
    co.Str("value", c.value);
    co.Str("source", DateSourceName(c.source));
    co.Str("evidence", c.evidence);
    co.Str("why", c.why);
    co.End();
  }
  out->push_back(']');
  o.UInt("sentences", doc.sentences.size());
  o.UInt("mentions", doc.mentions.size());
  o.UInt("events", doc.events.size());
  o.UInt("claims", doc.claims.size());
  if (with_text) o.Str("text", doc.text);
  o.End();
}

// ---- whole documents --------------------------------------------------------------

void AppendExtractLines(const Document& doc, bool mentions, bool with_text, std::string* out) {
  AppendDocumentRecord(doc, with_text, out);
  out->push_back('\n');
  if (mentions) {
    for (const MentionRecord& m : doc.mentions) {
      AppendMentionJson(m, "mention", out);
      out->push_back('\n');
    }
  }
  for (const EventRecord& e : doc.events) {
    AppendEventJson(e, "event", out);
    out->push_back('\n');
  }
  for (const ClaimRecord& c : doc.claims) {
    AppendClaimJson(c, "claim", out);
    out->push_back('\n');
  }
}

namespace {
// `body` with "record": `kind` put first.
Json Tagged(std::string_view kind, const Json& body) {
  Json j;
  j["record"] = kind;
  for (auto it = body.begin(); it != body.end(); ++it) j[it.key()] = it.value();
  return j;
}
std::string Line(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n"; }
}  // namespace

std::string ExtractLinesSlow(const Document& doc, bool mentions, bool with_text) {
  std::string out = Line(DocumentRecordJson(doc, with_text));
  if (mentions) {
    for (const MentionRecord& m : doc.mentions) out += Line(Tagged("mention", MentionJson(m)));
  }
  for (const EventRecord& e : doc.events) out += Line(Tagged("event", EventJson(e)));
  for (const ClaimRecord& c : doc.claims) out += Line(Tagged("claim", ClaimJson(c)));
  return out;
}

}  // namespace sitrep::report
