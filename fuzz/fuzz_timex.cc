// Fuzz target: time::Tagger::Tag on the input as one sentence, against a fixed document
// date (2016-12-12), in news mode, forward (assistant) mode, latent + nearest + day-first
// mode, strict mode against an unknown reference, and news mode again with a span offset. Checks, for every expression: span non-empty and inside the input; on UTF-8
// code-point boundaries when the input is valid UTF-8; expressions left to right and
// non-overlapping; value non-empty; a span offset shifts spans and nothing else.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "time/timex.h"
#include "util/unicode.h"

namespace {

using sitrep::fuzz::Check;
using sitrep::time::Timex;

const sitrep::time::Tagger& TheTagger() {
  static const std::unique_ptr<sitrep::time::Tagger> tagger = [] {
    auto t = sitrep::time::Tagger::LoadDefault();
    if (!t.ok()) sitrep::fuzz::Fail("loading the time tagger", t.status().ToString());
    return std::move(*t);
  }();
  return *tagger;
}

bool IsBoundary(std::string_view s, uint32_t at) {
  return at == s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}

void CheckTimexes(std::string_view s, const std::vector<Timex>& got, bool utf8) {
  uint32_t prev_end = 0;
  for (const Timex& t : got) {
    const std::string where = "[" + std::to_string(t.span.start) + ", " + std::to_string(t.span.end) + ") value '" +
                              t.value + "' in " + std::to_string(s.size()) + " bytes";
    Check(t.span.start < t.span.end, "timex span empty or reversed", where);
    Check(t.span.end <= s.size(), "timex span outside the input", where);
    Check(t.span.start >= prev_end, "timex spans out of order or overlapping", where);
    if (utf8) Check(IsBoundary(s, t.span.start) && IsBoundary(s, t.span.end), "timex span splits a code point", where);
    Check(!t.value.empty(), "timex with an empty value", where);
    prev_end = t.span.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > sitrep::fuzz::kMaxInput) return 0;
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  const bool utf8 = sitrep::IsValidUtf8(s);
  const auto& tagger = TheTagger();
  const auto ref = sitrep::time::Reference::DocumentDate(2016, 12, 12);

  sitrep::time::TagOptions news;
  std::vector<Timex> got = tagger.Tag(s, ref, news);
  CheckTimexes(s, got, utf8);
  if (!got.empty()) Check(tagger.MayContainTime(s), "timex", "pre-filter said no time but Tag found some");

  sitrep::time::TagOptions forward;
  forward.forward = true;
  CheckTimexes(s, tagger.Tag(s, ref, forward), utf8);

  // The other readings: latent material, day-first numeric dates, nearest candidate; and
  // strict formal-only tagging with no reference at all.
  sitrep::time::TagOptions latent;
  latent.latent = true;
  latent.nearest = true;
  latent.numeric_order = sitrep::time::NumericDateOrder::kDayFirst;
  CheckTimexes(s, tagger.Tag(s, ref, latent), utf8);
  sitrep::time::TagOptions strict;
  strict.strict = true;
  strict.skip_prefilter = true;
  CheckTimexes(s, tagger.Tag(s, sitrep::time::Reference::Unknown(), strict), utf8);

  // The same sentence as if it started at byte 1000 of a document.
  auto shifted_ref = ref;
  shifted_ref.span_offset = 1000;
  std::vector<Timex> shifted = tagger.Tag(s, shifted_ref, news);
  Check(shifted.size() == got.size(), "timex", "span_offset changed the number of expressions");
  for (size_t i = 0; i < got.size(); ++i) {
    Check(shifted[i].span.start == got[i].span.start + 1000 && shifted[i].span.end == got[i].span.end + 1000,
          "timex", "span_offset did not shift a span by exactly the offset");
    Check(shifted[i].value == got[i].value, "timex", "span_offset changed a value");
  }
  return 0;
}
