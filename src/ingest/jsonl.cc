#include "ingest/jsonl.h"

#include "util/unicode.h"

namespace sitrep::ingest {
namespace {

std::string_view TypeName(simdjson::dom::element_type t) {
  using T = simdjson::dom::element_type;
  switch (t) {
    case T::ARRAY: return "an array";
    case T::OBJECT: return "an object";
    case T::INT64: case T::UINT64: case T::DOUBLE: return "a number";
    case T::STRING: return "a string";
    case T::BOOL: return "a boolean";
    case T::NULL_VALUE: return "null";
  }
  return "a value";
}

bool IsNumber(simdjson::dom::element_type t) {
  using T = simdjson::dom::element_type;
  return t == T::INT64 || t == T::UINT64 || t == T::DOUBLE;
}

}  // namespace

Status JsonLinesParser::Parse(std::string_view line, JsonRecord* record) {
  *record = JsonRecord();
  buffer_.clear();
  buffer_.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  if (IsValidUtf8(line)) {
    buffer_.assign(line);
  } else {
    record->invalid_utf8 = RepairUtf8(line, &buffer_);
    buffer_.reserve(buffer_.size() + simdjson::SIMDJSON_PADDING);
  }
  simdjson::dom::element root;
  if (auto err = parser_.parse(buffer_.data(), buffer_.size(), false).get(root); err != simdjson::SUCCESS) {
    return Status::BadInput(std::string("malformed JSON: ") + simdjson::error_message(err));
  }
  simdjson::dom::object obj;
  if (root.get(obj) != simdjson::SUCCESS) {
    return Status::BadInput("expected a JSON object, found " + std::string(TypeName(root.type())));
  }
  bool seen_id = false, seen_url = false, seen_title = false, seen_published = false, seen_outlet = false;
  for (auto [key, value] : obj) {
    const auto type = value.type();
    std::string_view str;
    const bool is_string = value.get(str) == simdjson::SUCCESS;
    if (key == "text" || key == "html") {
      bool& has = key == "text" ? record->has_text : record->has_html;
      if (!has) {
        if (!is_string && type != simdjson::dom::element_type::NULL_VALUE) {
          return Status::BadInput("field \"" + std::string(key) + "\" must be a string, found " +
                                  std::string(TypeName(type)));
        }
        if (is_string) {
          (key == "text" ? record->text : record->html).assign(str);
          has = true;
        }
        continue;
      }
    } else if (key == "id" && !seen_id) {
      seen_id = true;
      if (is_string) {
        record->id.assign(str);
      } else if (IsNumber(type)) {
        record->id = simdjson::to_string(value);
      } else if (type != simdjson::dom::element_type::NULL_VALUE) {
        return Status::BadInput("field \"id\" must be a string or a number, found " + std::string(TypeName(type)));
      }
      continue;
    } else {
      struct Known {
        std::string_view name;
        bool* seen;
        std::string* field;
      };
      const Known known[] = {{"url", &seen_url, &record->url},
                             {"title", &seen_title, &record->title},
                             {"published", &seen_published, &record->published},
                             {"outlet", &seen_outlet, &record->outlet}};
      bool taken = false;
      for (const Known& k : known) {
        if (key != k.name || *k.seen) continue;
        if (is_string) {
          k.field->assign(str);
        } else if (IsNumber(type)) {
          *k.field = simdjson::to_string(value);
        } else if (type != simdjson::dom::element_type::NULL_VALUE) {
          break;  // an object or the like: keep it as metadata
        }
        *k.seen = true;
        taken = true;
        break;
      }
      if (taken) continue;
    }
    record->metadata.emplace_back(std::string(key), simdjson::to_string(value));
  }
  return Status::Ok();
}

}  // namespace sitrep::ingest
