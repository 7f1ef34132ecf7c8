#include "pipeline/verify.h"

#include <cmath>
#include <string>
#include <string_view>

#include "util/unicode.h"

namespace sitrep::pipeline {
namespace {

bool IsBoundary(std::string_view text, uint32_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

std::string Where(std::string_view what, size_t index, Span s) {
  return std::string(what) + " " + std::to_string(index) + " [" + std::to_string(s.start) + ", " +
         std::to_string(s.end) + ")";
}

// A span inside the text, on code-point boundaries, non-empty unless `allow_empty`.
Status CheckSpan(const Document& doc, std::string_view what, size_t index, Span s,
                 bool allow_empty = false) {
  if (s.end < s.start) return Status::Internal(Where(what, index, s) + ": ends before it starts");
  if (s.end > doc.text.size()) {
    return Status::Internal(Where(what, index, s) + ": past the end of the text (" +
                            std::to_string(doc.text.size()) + " bytes)");
  }
  if (!allow_empty && s.empty()) return Status::Internal(Where(what, index, s) + ": empty");
  if (!IsBoundary(doc.text, s.start) || !IsBoundary(doc.text, s.end)) {
    return Status::Internal(Where(what, index, s) + ": not on a UTF-8 code-point boundary");
  }
  return Status();
}

// `s` starts at or after the end of the previous span of the same list.
Status CheckOrder(std::string_view what, size_t index, Span s, uint32_t previous_end) {
  if (index > 0 && s.start < previous_end) {
    return Status::Internal(Where(what, index, s) + ": overlaps or precedes " + std::string(what) +
                            " " + std::to_string(index - 1) + " (which ends at " +
                            std::to_string(previous_end) + ")");
  }
  return Status();
}

bool Inside(Span inner, Span outer) { return inner.start >= outer.start && inner.end <= outer.end; }

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

bool IsCalendarDate(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

Status VerifyIngested(const Document& doc) {
  if (doc.id.empty()) return Status::Internal("document without an id");
  if (!IsValidUtf8(doc.text)) return Status::Internal("text is not valid UTF-8");
  size_t bad = doc.text.find_first_of(std::string_view("\r\0", 2));
  if (bad != std::string::npos) {
    return Status::Internal(std::string("text holds ") + (doc.text[bad] == '\r' ? "'\\r'" : "NUL") +
                            " at byte " + std::to_string(bad));
  }
  return VerifyLines(doc);
}

Status VerifyLines(const Document& doc) {
  uint32_t previous_end = 0;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const Line& l = doc.lines[i];
    SITREP_RETURN_IF_ERROR(CheckSpan(doc, "line", i, l.span));
    SITREP_RETURN_IF_ERROR(CheckOrder("line", i, l.span, previous_end));
    if (doc.view(l.span).find('\n') != std::string_view::npos) {
      return Status::Internal(Where("line", i, l.span) + ": contains a line break");
    }
    if (l.kind == LineKind::kDropped && l.reason.empty()) {
      return Status::Internal(Where("line", i, l.span) + ": dropped without a reason");
    }
    previous_end = l.span.end;
  }
  return Status();
}

Status VerifyText(const Document& doc) {
  SITREP_RETURN_IF_ERROR(VerifyLines(doc));
  uint32_t previous_end = 0;
  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    SITREP_RETURN_IF_ERROR(CheckSpan(doc, "paragraph", i, p.span));
    SITREP_RETURN_IF_ERROR(CheckOrder("paragraph", i, p.span, previous_end));
    previous_end = p.span.end;
    if (p.kind == LineKind::kDropped) {
      return Status::Internal(Where("paragraph", i, p.span) + ": of kind dropped");
    }
    if (p.line_count == 0 ||
        static_cast<uint64_t>(p.first_line) + p.line_count > doc.lines.size()) {
      return Status::Internal(Where("paragraph", i, p.span) + ": lines " +
                              std::to_string(p.first_line) + " + " +
                              std::to_string(p.line_count) + " do not exist (" +
                              std::to_string(doc.lines.size()) + " lines)");
    }
    for (uint32_t k = p.first_line; k < p.first_line + p.line_count; ++k) {
      const Line& l = doc.lines[k];
      if (l.kind == LineKind::kDropped) {
        return Status::Internal(Where("paragraph", i, p.span) + ": holds dropped line " +
                                std::to_string(k));
      }
      if (!Inside(l.span, p.span)) {
        return Status::Internal(Where("paragraph", i, p.span) + ": line " + std::to_string(k) +
                                " lies outside it");
      }
    }
  }
  previous_end = 0;
  uint32_t previous_paragraph = 0;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    SITREP_RETURN_IF_ERROR(CheckSpan(doc, "sentence", i, s.span));
    SITREP_RETURN_IF_ERROR(CheckOrder("sentence", i, s.span, previous_end));
    previous_end = s.span.end;
    if (s.paragraph >= doc.paragraphs.size()) {
      return Status::Internal(Where("sentence", i, s.span) + ": paragraph " +
                              std::to_string(s.paragraph) + " does not exist");
    }
    if (s.paragraph < previous_paragraph) {
      return Status::Internal(Where("sentence", i, s.span) + ": paragraph index goes back");
    }
    previous_paragraph = s.paragraph;
    const Paragraph& p = doc.paragraphs[s.paragraph];
    if (!Inside(s.span, p.span)) {
      return Status::Internal(Where("sentence", i, s.span) + ": outside its paragraph " +
                              std::to_string(s.paragraph));
    }
    if (s.kind != p.kind) {
      return Status::Internal(Where("sentence", i, s.span) + ": kind " +
                              std::string(LineKindName(s.kind)) + " differs from its paragraph's (" +
                              std::string(LineKindName(p.kind)) + ")");
    }
  }
  previous_end = 0;
  size_t sentence = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    SITREP_RETURN_IF_ERROR(CheckSpan(doc, "token", i, t.span));
    SITREP_RETURN_IF_ERROR(CheckOrder("token", i, t.span, previous_end));
    previous_end = t.span.end;
    while (sentence < doc.sentences.size() && doc.sentences[sentence].span.end <= t.span.start) {
      ++sentence;
    }
    if (sentence == doc.sentences.size() || !Inside(t.span, doc.sentences[sentence].span)) {
      return Status::Internal(Where("token", i, t.span) + ": not inside a sentence");
    }
  }
  return Status();
}

Status VerifyDate(const DocumentDate& date) {
  const std::string& v = date.value;
  if (!(date.confidence >= 0 && date.confidence <= 1)) {  // also catches NaN
    return Status::Internal("date confidence " + std::to_string(date.confidence) +
                            " is outside [0, 1]");
  }
  DatePrecision form = DatePrecision::kNone;
  if (v.empty()) {
    form = DatePrecision::kNone;
  } else if (v.size() == 4 && AllDigits(v)) {
    form = DatePrecision::kYear;
  } else if (v.size() == 7 && AllDigits(v.substr(0, 4)) && v[4] == '-' &&
             AllDigits(v.substr(5, 2))) {
    form = DatePrecision::kMonth;
  } else if (v.size() == 10 && AllDigits(v.substr(0, 4)) && v[4] == '-' &&
             AllDigits(v.substr(5, 2)) && v[7] == '-' && AllDigits(v.substr(8, 2))) {
    form = DatePrecision::kDay;
  } else {
    return Status::Internal("date '" + v + "' is not ISO 8601 YYYY, YYYY-MM or YYYY-MM-DD");
  }
  if (form != date.precision) {
    return Status::Internal("date '" + v + "' has precision " +
                            std::string(DatePrecisionName(date.precision)) + " but the form of " +
                            std::string(DatePrecisionName(form)));
  }
  if (form >= DatePrecision::kMonth) {
    const std::string_view sv = v;
    const int year = ToInt(sv.substr(0, 4)), month = ToInt(sv.substr(5, 2));
    const int day = form == DatePrecision::kDay ? ToInt(sv.substr(8, 2)) : 1;
    if (!IsCalendarDate(year, month, day)) {
      return Status::Internal("date '" + v + "' is not a calendar date");
    }
  }
  return Status();
}

namespace {

// "<doc>:<letter><index>".
Status CheckRecordId(const Document& doc, std::string_view list, const std::string& id,
                     char letter, size_t index) {
  const std::string want = doc.id + ":" + letter + std::to_string(index);
  if (id != want) {
    return Status::Internal(std::string(list) + " " + std::to_string(index) + " has id '" + id +
                            "', expected '" + want + "'");
  }
  return Status();
}

Status CheckSentence(const Document& doc, std::string_view list, size_t index, uint32_t sentence,
                     bool allow_outside) {
  if (sentence < doc.sentences.size()) return Status();
  if (allow_outside && sentence == UINT32_MAX) return Status();
  return Status::Internal(std::string(list) + " " + std::to_string(index) + ": sentence " +
                          std::to_string(sentence) + " does not exist (" +
                          std::to_string(doc.sentences.size()) + " sentences)");
}

Status CheckEntity(const Document& doc, std::string_view what, size_t index, const EntityRef& e) {
  return CheckSpan(doc, what, index, e.span, /*allow_empty=*/true);
}

}  // namespace

Status VerifyRecords(const Document& doc) {
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const MentionRecord& m = doc.mentions[i];
    SITREP_RETURN_IF_ERROR(CheckRecordId(doc, "mention", m.id, 'm', i));
    if (m.document != doc.id) return Status::Internal("mention " + m.id + " names document '" + m.document + "'");
    SITREP_RETURN_IF_ERROR(CheckSentence(doc, "mention", i, m.sentence, true));
    SITREP_RETURN_IF_ERROR(CheckSpan(doc, "mention", i, m.entity.span));
    if (m.entity.kind.empty()) return Status::Internal("mention " + m.id + " has no kind");
    if (m.refers_to < -1 || m.refers_to >= static_cast<int64_t>(doc.mentions.size()) ||
        m.refers_to == static_cast<int64_t>(i)) {
      return Status::Internal("mention " + m.id + " refers to mention " + std::to_string(m.refers_to));
    }
  }
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const EventRecord& e = doc.events[i];
    SITREP_RETURN_IF_ERROR(CheckRecordId(doc, "event", e.id, 'e', i));
    if (e.document != doc.id) return Status::Internal("event " + e.id + " names document '" + e.document + "'");
    SITREP_RETURN_IF_ERROR(CheckSentence(doc, "event", i, e.sentence, false));
    SITREP_RETURN_IF_ERROR(CheckSpan(doc, "event trigger", i, e.span));
    SITREP_RETURN_IF_ERROR(CheckSpan(doc, "event time", i, e.time_span, true));
    SITREP_RETURN_IF_ERROR(CheckEntity(doc, "event agent", i, e.agent));
    SITREP_RETURN_IF_ERROR(CheckEntity(doc, "event target", i, e.target));
    SITREP_RETURN_IF_ERROR(CheckEntity(doc, "event place", i, e.place));
    SITREP_RETURN_IF_ERROR(CheckEntity(doc, "event source", i, e.claimed_by));
    if (e.type.empty()) return Status::Internal("event " + e.id + " has no type");
  }
  for (size_t i = 0; i < doc.claims.size(); ++i) {
    const ClaimRecord& c = doc.claims[i];
    SITREP_RETURN_IF_ERROR(CheckRecordId(doc, "claim", c.id, 'c', i));
    if (c.document != doc.id) return Status::Internal("claim " + c.id + " names document '" + c.document + "'");
    SITREP_RETURN_IF_ERROR(CheckSentence(doc, "claim", i, c.sentence, false));
    SITREP_RETURN_IF_ERROR(CheckSpan(doc, "claim", i, c.span));
    SITREP_RETURN_IF_ERROR(CheckSpan(doc, "claim number", i, c.number, true));
    SITREP_RETURN_IF_ERROR(CheckEntity(doc, "claim subject", i, c.about));
    SITREP_RETURN_IF_ERROR(CheckEntity(doc, "claim source", i, c.claimed_by));
    SITREP_RETURN_IF_ERROR(CheckEntity(doc, "claim place", i, c.place));
    if (!c.event.empty()) {
      bool found = false;
      for (const EventRecord& e : doc.events) found = found || e.id == c.event;
      if (!found) return Status::Internal("claim " + c.id + " belongs to unknown event " + c.event);
    }
  }
  return Status();
}

}  // namespace sitrep::pipeline
