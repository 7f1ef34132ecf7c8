#include "store/codec.h"

#include <nlohmann/json.hpp>

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

}  // namespace

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
