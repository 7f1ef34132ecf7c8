// sitrep timex [--ref DATETIME] [--forward] [--day-first] [--format json] [TEXT...] : the
// time expressions in TEXT, or without TEXT in each line of standard input.
//
// --ref is the reference time expressions resolve against: an ISO date ("2016-12-12") or
// date-time ("2016-12-12T10:00:00"); default today by the system clock. --forward reads
// every underspecified expression forward (assistant style) instead of by tense.
//
// JSON: one object per input line (JSON Lines), {"input": LINE, "timexes": [{"text",
// "start", "end", "type", "value", "grain", "mod", "bound", "anchor", "tense"}]}; start and
// end are UTF-8 byte offsets into the input line; mod and bound are null when absent;
// anchor says what the value was resolved against ("document date 2016-12-12",
// "previous expression at offset 30 (2016-12-11)", "none"). Table: one row per
// expression: LINE, START, END, TYPE, VALUE, GRAIN, MOD, TEXT, ANCHOR.
// Exit 1 for a bad --ref, 3 when the word lists cannot be read.
#include <fmt/format.h>

#include <istream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/output.h"
#include "time/timex.h"

namespace sitrep::cli {

std::unique_ptr<Command> MakeTimexCommand();

namespace {

std::string_view TenseName(time::Tense t) {
  switch (t) {
    case time::Tense::kPast: return "past";
    case time::Tense::kPresent: return "present";
    case time::Tense::kFuture: return "future";
    case time::Tense::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string_view BoundName(time::Bound b) {
  switch (b) {
    case time::Bound::kBefore: return "before";
    case time::Bound::kAfter: return "after";
    case time::Bound::kOnOrBefore: return "on_or_before";
    case time::Bound::kOnOrAfter: return "on_or_after";
    case time::Bound::kNone: return "";
  }
  return "";
}

Json TimexJson(std::string_view input, const time::Timex& t) {
  Json j;
  j["text"] = std::string(input.substr(t.span.start, t.span.end - t.span.start));
  j["start"] = t.span.start;
  j["end"] = t.span.end;
  j["type"] = std::string(time::TimexTypeName(t.type));
  j["value"] = t.value;
  j["grain"] = std::string(time::GrainName(t.grain));
  const std::string_view mod = time::TimexModName(t.mod);
  j["mod"] = mod.empty() ? Json() : Json(std::string(mod));
  const std::string_view bound = BoundName(t.bound);
  j["bound"] = bound.empty() ? Json() : Json(std::string(bound));
  j["anchor"] = t.anchor.Describe();
  j["tense"] = std::string(TenseName(t.tense));
  return j;
}

class TimexCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* sub = app.add_subcommand("timex", "Find and normalise time expressions in text");
    sub->add_option("text", words_, "text to read; without it, each line of stdin")->type_name("TEXT");
    sub->add_option("--ref", ref_, "reference date or date-time (ISO 8601); default today")
        ->type_name("DATETIME");
    sub->add_flag("--forward", forward_, "read underspecified expressions forward (assistant style), not by tense");
    sub->add_flag("--day-first", day_first_, "read 01/02/2016 as 1 February (default: January 2)");
    return sub;
  }

  int Run(const Globals& globals, Io& io) override {
    time::Reference ref;
    if (ref_.empty()) {
      const int64_t now = SystemClock()->NowUnixSeconds();
      const time::CivilTime c = time::ToCivil(now);
      ref = time::Reference::Instant(time::MakeDateTime(c.year, c.month, c.day));
      ref.precision = time::Grain::kDay;
    } else {
      auto parsed = time::Reference::Parse(ref_);
      if (!parsed.ok()) return Fail(io, parsed.status());
      ref = *parsed;
    }
    auto tagger = time::Tagger::LoadDefault();
    if (!tagger.ok()) return Fail(io, Status::Internal(tagger.status().message()));
    time::TagOptions opts;
    opts.forward = forward_;
    if (day_first_) opts.numeric_order = time::NumericDateOrder::kDayFirst;
    const bool json = globals.format == "json";
    Table table({{"LINE", true}, {"START", true}, {"END", true}, {"TYPE"}, {"VALUE"}, {"GRAIN"}, {"MOD"},
                 {"TEXT"}, {"ANCHOR"}});
    auto one = [&](const std::string& input, size_t line_no) {
      std::vector<time::Timex> found = (*tagger)->Tag(input, ref, opts);
      if (json) {
        Json j;
        j["input"] = input;
        Json arr = Json::array();
        for (const time::Timex& t : found) arr.push_back(TimexJson(input, t));
        j["timexes"] = std::move(arr);
        io.out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
        return;
      }
      for (const time::Timex& t : found) {
        table.AddRow({std::to_string(line_no), std::to_string(t.span.start), std::to_string(t.span.end),
                      std::string(time::TimexTypeName(t.type)), t.value, std::string(time::GrainName(t.grain)),
                      std::string(time::TimexModName(t.mod)),
                      Truncate(std::string_view(input).substr(t.span.start, t.span.end - t.span.start), 50),
                      t.anchor.Describe()});
      }
    };
    if (!words_.empty()) {
      std::string text;
      for (const std::string& w : words_) text += (text.empty() ? "" : " ") + w;
      one(text, 1);
    } else {
      std::string line;
      size_t n = 0;
      while (std::getline(io.in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        one(line, ++n);
      }
    }
    if (!json) table.Print(io.out);
    return kExitOk;
  }

 private:
  std::vector<std::string> words_;
  std::string ref_;
  bool forward_ = false;
  bool day_first_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeTimexCommand() { return std::make_unique<TimexCommand>(); }

}  // namespace sitrep::cli
