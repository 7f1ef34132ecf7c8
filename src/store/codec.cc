#include "store/codec.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace sitrep::store {
namespace {

using ordered_json = nlohmann::ordered_json;

// Finds the enum value whose name (by `name_of`) equals `name`; `fallback` when none.
template <typename E, typename NameFn>
E ParseByName(std::string_view name, E last, NameFn name_of, E fallback) {
  for (int i = 0; i <= static_cast<int>(last); ++i) {
    E e = static_cast<E>(i);
    if (name_of(e) == name) return e;
  }
  return fallback;
}

// A JSON string. The text is valid UTF-8 (it comes from documents), so only quotes,
// backslashes and control characters need escaping; runs without them are copied whole.
void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    if (c != '"' && c != '\\' && u >= 0x20) continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += '\\';
      out += c;
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void AppendInt(std::string& out, int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, ec == std::errc() ? end : buf);
}

void AppendDouble(std::string& out, double v) {
  // The shortest text that reads back as the same double; JSON has no NaN or infinity.
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, ec == std::errc() ? end : buf);
}

// A reader for the flat objects EntityRestToJson writes: string and number values only.
// Anything else (nesting, true/false/null, \u escapes) makes it fail, and the caller
// falls back to the full JSON parser.
class FlatReader {
 public:
  explicit FlatReader(std::string_view s) : s_(s) {}

  // Calls on_value(key, string_value, is_string, number) per member; false on anything
  // it does not handle.
  template <typename Fn>
  bool Read(Fn on_value) {
    Space();
    if (!Eat('{')) return false;
    Space();
    if (Eat('}')) return AtEnd();
    for (;;) {
      std::string key, str;
      Space();
      if (!String(&key)) return false;
      Space();
      if (!Eat(':')) return false;
      Space();
      if (Peek() == '"') {
        if (!String(&str)) return false;
        on_value(key, str, true, 0.0);
      } else {
        double v = 0;
        if (!Number(&v)) return false;
        on_value(key, str, false, v);
      }
      Space();
      if (Eat(',')) continue;
      if (Eat('}')) return AtEnd();
      return false;
    }
  }

 private:
  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  void Space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) {
      ++i_;
    }
  }
  bool AtEnd() {
    Space();
    return i_ == s_.size();
  }
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    while (i_ < s_.size()) {
      const char c = s_[i_++];
      if (c == '"') return true;
      if (c != '\\') {
        *out += c;
        continue;
      }
      if (i_ >= s_.size()) return false;
      const char e = s_[i_++];
      switch (e) {
        case '"': case '\\': case '/': *out += e; break;
        case 'b': *out += '\b'; break;
        case 'f': *out += '\f'; break;
        case 'n': *out += '\n'; break;
        case 'r': *out += '\r'; break;
        case 't': *out += '\t'; break;
        default: return false;  // \u and others: the full parser
      }
    }
    return false;
  }
  bool Number(double* v) {
    const size_t start = i_;
    while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-' ||
                              s_[i_] == '+' || s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
    }
    if (i_ == start) return false;
    auto [end, ec] = std::from_chars(s_.data() + start, s_.data() + i_, *v);
    return ec == std::errc() && end == s_.data() + i_;
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

void AppendEntityRestJson(std::string& out, const EntityRef& e, bool span_and_kind) {
  const size_t at = out.size();
  out += '{';
  // A key after the first: ",\"k\":"; the first: "\"k\":".
  auto key = [&](std::string_view k) {
    if (out.size() > at + 1) out += ',';
    out += '"';
    out += k;
    out += "\":";
  };
  if (span_and_kind && (e.span.start != 0 || e.span.end != 0)) {
    key("s");
    AppendInt(out, e.span.start);
    key("e");
    AppendInt(out, e.span.end);
  }
  if (span_and_kind && !e.kind.empty()) key("kind"), AppendJsonString(out, e.kind);
  if (!e.country.empty()) key("country"), AppendJsonString(out, e.country);
  if (e.has_position) {
    key("lat");
    AppendDouble(out, e.lat);
    key("lon");
    AppendDouble(out, e.lon);
  }
  if (e.precision != 0) key("precision"), AppendInt(out, e.precision);
  if (!e.how.empty()) key("how"), AppendJsonString(out, e.how);
  if (out.size() == at + 1) {
    out.resize(at);  // nothing to say: ""
    return;
  }
  out += '}';
}

std::string EntityRestToJson(const EntityRef& e, bool span_and_kind) {
  std::string out;
  AppendEntityRestJson(out, e, span_and_kind);
  return out;
}

void EntityRestFromJsonSlow(std::string_view json, EntityRef& e) {
  if (json.empty()) return;
  ordered_json j = ordered_json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return;
  for (const auto& [key, v] : j.items()) {
    if (key == "s" && v.is_number_unsigned()) {
      e.span.start = v.get<uint32_t>();
    } else if (key == "e" && v.is_number_unsigned()) {
      e.span.end = v.get<uint32_t>();
    } else if (key == "kind" && v.is_string()) {
      e.kind = v.get<std::string>();
    } else if (key == "country" && v.is_string()) {
      e.country = v.get<std::string>();
    } else if (key == "lat" && v.is_number()) {
      e.has_position = true;
      e.lat = v.get<double>();
    } else if (key == "lon" && v.is_number()) {
      e.has_position = true;
      e.lon = v.get<double>();
    } else if (key == "precision" && v.is_number_integer()) {
      e.precision = v.get<int>();
    } else if (key == "how" && v.is_string()) {
      e.how = v.get<std::string>();
    }
  }
}

void EntityRestFromJson(std::string_view json, EntityRef& e) {
  if (json.empty()) return;
  EntityRef fast;
  bool has_start = false, has_end = false;
  auto set = [&](const std::string& key, std::string& str, bool is_string, double v) {
    if (is_string) {
      if (key == "kind") fast.kind = std::move(str);
      else if (key == "country") fast.country = std::move(str);
      else if (key == "how") fast.how = std::move(str);
      return;
    }
    const bool whole = v >= 0 && v <= 4294967295.0 && v == static_cast<double>(static_cast<int64_t>(v));
    if (key == "s" && whole) fast.span.start = static_cast<uint32_t>(v), has_start = true;
    else if (key == "e" && whole) fast.span.end = static_cast<uint32_t>(v), has_end = true;
    else if (key == "lat") fast.has_position = true, fast.lat = v;
    else if (key == "lon") fast.has_position = true, fast.lon = v;
    else if (key == "precision" && v == static_cast<double>(static_cast<int>(v))) fast.precision = static_cast<int>(v);
  };
  if (!FlatReader(json).Read(set)) {
    EntityRestFromJsonSlow(json, e);
    return;
  }
  if (has_start) e.span.start = fast.span.start;
  if (has_end) e.span.end = fast.span.end;
  if (!fast.kind.empty()) e.kind = std::move(fast.kind);
  if (!fast.country.empty()) e.country = std::move(fast.country);
  if (!fast.how.empty()) e.how = std::move(fast.how);
  if (fast.has_position) e.has_position = true, e.lat = fast.lat, e.lon = fast.lon;
  if (fast.precision != 0) e.precision = fast.precision;
}

std::string SignatureToBlob(const std::vector<uint32_t>& signature) {
  std::string out(signature.size() * 4, '\0');
  for (size_t i = 0; i < signature.size(); ++i) {
    const uint32_t v = signature[i];
    out[4 * i] = static_cast<char>(v & 0xff);
    out[4 * i + 1] = static_cast<char>((v >> 8) & 0xff);
    out[4 * i + 2] = static_cast<char>((v >> 16) & 0xff);
    out[4 * i + 3] = static_cast<char>((v >> 24) & 0xff);
  }
  return out;
}

std::vector<uint32_t> SignatureFromBlob(std::string_view blob) {
  std::vector<uint32_t> out(blob.size() / 4);
  for (size_t i = 0; i < out.size(); ++i) {
    const auto* p = reinterpret_cast<const unsigned char*>(blob.data() + 4 * i);
    out[i] = uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
  }
  return out;
}

std::string_view LineHintName(LineHint h) {
  switch (h) {
    case LineHint::kNone: return "none";
    case LineHint::kHeading: return "heading";
    case LineHint::kCaption: return "caption";
    case LineHint::kBoilerplate: return "boilerplate";
    case LineHint::kListItem: return "list-item";
    case LineHint::kLinkOnly: return "link-only";
  }
  return "none";
}

LineHint ParseLineHint(std::string_view name) {
  return ParseByName(name, LineHint::kLinkOnly, LineHintName, LineHint::kNone);
}
LineKind ParseLineKind(std::string_view name) {
  return ParseByName(name, LineKind::kDropped, LineKindName, LineKind::kBody);
}
InputFormat ParseInputFormat(std::string_view name) {
  return ParseByName(name, InputFormat::kJsonLines, InputFormatName, InputFormat::kText);
}
DateSource ParseDateSource(std::string_view name) {
  return ParseByName(name, DateSource::kCrossDocument, DateSourceName, DateSource::kNone);
}
DatePrecision ParseDatePrecision(std::string_view name) {
  return ParseByName(name, DatePrecision::kDay, DatePrecisionName, DatePrecision::kNone);
}

std::string MetadataToJson(const std::vector<std::pair<std::string, std::string>>& metadata) {
  std::string out = "{";
  for (const auto& [name, value] : metadata) {
    if (out.size() > 1) out += ',';
    out += ordered_json(name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += ':';
    if (ordered_json::accept(value)) {
      out += value;
    } else {
      out += ordered_json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  out += '}';
  return out;
}

std::vector<std::pair<std::string, std::string>> MetadataFromJson(std::string_view json) {
  std::vector<std::pair<std::string, std::string>> out;
  ordered_json j = ordered_json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return out;
  for (const auto& [name, value] : j.items()) {
    out.emplace_back(name, value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return out;
}

std::string ConflictsToJson(const std::vector<DateConflict>& conflicts) {
  ordered_json arr = ordered_json::array();
  for (const DateConflict& c : conflicts) {
    arr.push_back({{"value", c.value},
                   {"source", DateSourceName(c.source)},
                   {"evidence", c.evidence},
                   {"why", c.why}});
  }
  return arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<DateConflict> ConflictsFromJson(std::string_view json) {
  std::vector<DateConflict> out;
  ordered_json j = ordered_json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return out;
  auto str = [](const ordered_json& o, const char* key) -> std::string {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  for (const auto& o : j) {
    if (!o.is_object()) continue;
    DateConflict c;
    c.value = str(o, "value");
    c.source = ParseDateSource(str(o, "source"));
    c.evidence = str(o, "evidence");
    c.why = str(o, "why");
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace sitrep::store
