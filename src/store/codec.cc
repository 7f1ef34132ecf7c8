#include "store/codec.h"

#include <nlohmann/json.hpp>

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

void AppendJsonString(std::string& out, std::string_view s) {
  out += ordered_json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void AppendKey(std::string& out, const char* key) {
  out += out.size() > 1 ? ",\"" : "\"";
  out += key;
  out += "\":";
}

void AppendDouble(std::string& out, double v) {
  // %.17g round-trips every double; JSON has no NaN or infinity.
  if (!(v == v) || v > 1e308 || v < -1e308) {
    out += "null";
    return;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  out += buf;
}

}  // namespace

std::string EntityRestToJson(const EntityRef& e, bool span_and_kind) {
  std::string out = "{";
  if (span_and_kind && (e.span.start != 0 || e.span.end != 0)) {
    AppendKey(out, "s");
    out += std::to_string(e.span.start);
    AppendKey(out, "e");
    out += std::to_string(e.span.end);
  }
  if (span_and_kind && !e.kind.empty()) AppendKey(out, "kind"), AppendJsonString(out, e.kind);
  if (!e.country.empty()) AppendKey(out, "country"), AppendJsonString(out, e.country);
  if (e.has_position) {
    AppendKey(out, "lat");
    AppendDouble(out, e.lat);
    AppendKey(out, "lon");
    AppendDouble(out, e.lon);
  }
  if (e.precision != 0) AppendKey(out, "precision"), out += std::to_string(e.precision);
  if (!e.how.empty()) AppendKey(out, "how"), AppendJsonString(out, e.how);
  if (out.size() == 1) return "";
  out += '}';
  return out;
}

void EntityRestFromJson(std::string_view json, EntityRef& e) {
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
