#include "pipeline/verify.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sitrep::pipeline {
namespace {

using ::testing::HasSubstr;

Span Find(const Document& d, std::string_view s) {
  size_t at = d.text.find(s);
  EXPECT_NE(at, std::string::npos) << s;
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + s.size())};
}

// Two paragraphs, three sentences, a few tokens: what a correct text stage leaves.
Document Annotated() {
  Document d;
  d.id = "hverify";
  d.source = "v.txt";
  d.text = "Share\nTroops cross. Caf\xc3\xa9 shut.\n\nShelling resumed.";
  d.lines = {{Find(d, "Share"), LineHint::kNone, LineKind::kDropped, "interface phrase"},
             {Find(d, "Troops cross. Caf\xc3\xa9 shut."), LineHint::kNone, LineKind::kBody, ""},
             {Find(d, "Shelling resumed."), LineHint::kNone, LineKind::kBody, ""}};
  d.paragraphs = {{d.lines[1].span, LineKind::kBody, 1, 1}, {d.lines[2].span, LineKind::kBody, 2, 1}};
  d.sentences = {{Find(d, "Troops cross."), 0, LineKind::kBody},
                 {Find(d, "Caf\xc3\xa9 shut."), 0, LineKind::kBody},
                 {Find(d, "Shelling resumed."), 1, LineKind::kBody}};
  d.tokens = {{Find(d, "Troops"), TokenKind::kWord},
              {Find(d, "cross"), TokenKind::kWord},
              {Find(d, "Caf\xc3\xa9"), TokenKind::kWord},
              {Find(d, "resumed"), TokenKind::kWord}};
  return d;
}

TEST(VerifyTest, GoodDocumentPasses) {
  Document d = Annotated();
  EXPECT_TRUE(VerifyIngested(d).ok());
  Status st = VerifyText(d);
  EXPECT_TRUE(st.ok()) << st.ToString();
}

// Each row breaks one invariant and names the words the message must hold.
struct Breakage {
  const char* name;
  void (*mutate)(Document&);
  const char* message;
};

const Breakage kBreakages[] = {
    {"line past end", [](Document& d) { d.lines[2].span.end = 999; }, "past the end"},
    {"line backwards", [](Document& d) { d.lines[1].span = {20, 10}; }, "ends before it starts"},
    {"line empty", [](Document& d) { d.lines[0].span.end = d.lines[0].span.start; }, "empty"},
    {"line overlaps", [](Document& d) { d.lines[2].span.start = d.lines[1].span.end - 2; },
     "overlaps"},
    {"line across newline", [](Document& d) { d.lines[0].span.end += 2; }, "line break"},
    {"dropped without reason", [](Document& d) { d.lines[0].reason.clear(); }, "without a reason"},
    {"mid code point",
     [](Document& d) { d.sentences[1].span.end = d.sentences[1].span.start + 4; },
     "code-point boundary"},
    {"paragraph dropped kind", [](Document& d) { d.paragraphs[0].kind = LineKind::kDropped; },
     "of kind dropped"},
    {"paragraph lines missing", [](Document& d) { d.paragraphs[1].line_count = 5; },
     "do not exist"},
    {"paragraph holds dropped line", [](Document& d) {
       d.paragraphs[0].first_line = 0;
       d.paragraphs[0].line_count = 2;
       d.paragraphs[0].span.start = 0;
     }, "dropped line"},
    {"sentence outside paragraph", [](Document& d) { d.sentences[2].paragraph = 0; },
     "outside its paragraph"},
    {"sentence no paragraph", [](Document& d) { d.sentences[2].paragraph = 7; }, "does not exist"},
    {"sentence kind", [](Document& d) { d.sentences[0].kind = LineKind::kCaption; }, "differs"},
    {"sentences out of order", [](Document& d) { std::swap(d.sentences[0], d.sentences[1]); },
     "overlaps or precedes"},
    {"token outside sentences", [](Document& d) { d.tokens[3].span = Find(d, "Share"); },
     "precedes"},
    {"token between sentences",
     [](Document& d) { d.tokens.push_back({Span{d.sentences[2].span.end - 1, d.sentences[2].span.end + 1}, TokenKind::kPunct}); },
     "past the end"},
};

TEST(VerifyTest, EachBreakageIsCaught) {
  for (const Breakage& b : kBreakages) {
    Document d = Annotated();
    b.mutate(d);
    Status st = VerifyText(d);
    EXPECT_FALSE(st.ok()) << b.name;
    EXPECT_EQ(st.code(), StatusCode::kInternal) << b.name;
    EXPECT_THAT(st.message(), HasSubstr(b.message)) << b.name << ": " << st.message();
  }
}

TEST(VerifyTest, TokenInGapBetweenSentences) {
  Document d = Annotated();
  // The space between "cross." and "Café" belongs to no sentence.
  uint32_t gap = d.sentences[0].span.end;
  d.tokens = {{Span{gap, gap + 1}, TokenKind::kPunct}};
  Status st = VerifyText(d);
  EXPECT_THAT(st.message(), HasSubstr("not inside a sentence"));
}

TEST(VerifyTest, IngestedText) {
  Document d = Annotated();
  d.text += "\r\n";
  EXPECT_THAT(VerifyIngested(d).message(), HasSubstr("'\\r'"));
  d = Annotated();
  d.text += "\xff";
  EXPECT_THAT(VerifyIngested(d).message(), HasSubstr("UTF-8"));
  d = Annotated();
  d.id.clear();
  EXPECT_THAT(VerifyIngested(d).message(), HasSubstr("id"));
}

TEST(VerifyTest, Dates) {
  struct Row {
    const char* value;
    DatePrecision precision;
    double confidence;
    bool ok;
  };
  const Row rows[] = {
      {"", DatePrecision::kNone, 0, true},
      {"2016", DatePrecision::kYear, 0.5, true},
      {"2016-12", DatePrecision::kMonth, 1, true},
      {"2016-12-11", DatePrecision::kDay, 0.9, true},
      {"2016-02-29", DatePrecision::kDay, 0.9, true},
      {"2015-02-29", DatePrecision::kDay, 0.9, false},
      {"2016-13", DatePrecision::kMonth, 0.9, false},
      {"2016-12-11", DatePrecision::kMonth, 0.9, false},
      {"2016", DatePrecision::kNone, 0.9, false},
      {"", DatePrecision::kDay, 0.9, false},
      {"11/12/2016", DatePrecision::kDay, 0.9, false},
      {"2016-12-11", DatePrecision::kDay, 1.5, false},
      {"2016-12-11", DatePrecision::kDay, -0.1, false},
  };
  for (const Row& r : rows) {
    DocumentDate date;
    date.value = r.value;
    date.precision = r.precision;
    date.confidence = r.confidence;
    EXPECT_EQ(VerifyDate(date).ok(), r.ok) << r.value << " " << VerifyDate(date).message();
  }
}

}  // namespace
}  // namespace sitrep::pipeline

namespace sitrep::pipeline {
namespace {

// Annotated() with one record of each kind, as a correct extract stage leaves them.
Document WithRecords() {
  Document d = Annotated();
  MentionRecord m;
  m.id = "hverify:m0";
  m.document = d.id;
  m.sentence = 0;
  m.entity.span = Find(d, "Troops");
  m.entity.text = "Troops";
  m.entity.kind = "actor";
  d.mentions = {m};
  EventRecord e;
  e.id = "hverify:e0";
  e.document = d.id;
  e.sentence = 2;
  e.span = Find(d, "Shelling");
  e.type = "shelling";
  e.agent = m.entity;
  d.events = {e};
  ClaimRecord c;
  c.id = "hverify:c0";
  c.document = d.id;
  c.sentence = 1;
  c.span = Find(d, "Caf\xc3\xa9");
  c.event = "hverify:e0";
  d.claims = {c};
  return d;
}

TEST(VerifyRecordsTest, GoodRecordsPass) {
  Status st = VerifyRecords(WithRecords());
  EXPECT_TRUE(st.ok()) << st.ToString();
}

const Breakage kRecordBreakages[] = {
    {"mention id", [](Document& d) { d.mentions[0].id = "hverify:m1"; }, "expected 'hverify:m0'"},
    {"event id of another document", [](Document& d) { d.events[0].id = "other:e0"; }, "other:e0"},
    {"claim id letter", [](Document& d) { d.claims[0].id = "hverify:e0"; }, "expected 'hverify:c0'"},
    {"document", [](Document& d) { d.events[0].document = "x"; }, "names document"},
    {"sentence", [](Document& d) { d.events[0].sentence = 3; }, "sentence 3 does not exist"},
    {"mention outside", [](Document& d) { d.mentions[0].sentence = 7; }, "sentence 7"},
    {"trigger past end", [](Document& d) { d.events[0].span.end = 999; }, "past the end"},
    {"party mid code point",
     [](Document& d) { d.events[0].agent.span = {d.claims[0].span.start, d.claims[0].span.start + 4}; },
     "code-point boundary"},
    {"claim empty", [](Document& d) { d.claims[0].span.end = d.claims[0].span.start; }, "empty"},
    {"claim event", [](Document& d) { d.claims[0].event = "hverify:e5"; }, "unknown event"},
    {"refers to itself", [](Document& d) { d.mentions[0].refers_to = 0; }, "refers to"},
    {"event type", [](Document& d) { d.events[0].type.clear(); }, "no type"},
};

TEST(VerifyRecordsTest, EachBreakageIsCaught) {
  for (const Breakage& b : kRecordBreakages) {
    Document d = WithRecords();
    b.mutate(d);
    Status st = VerifyRecords(d);
    EXPECT_FALSE(st.ok()) << b.name;
    EXPECT_THAT(st.message(), HasSubstr(b.message)) << b.name;
  }
  Document outside = WithRecords();
  outside.mentions[0].sentence = UINT32_MAX;  // outside every sentence is allowed
  EXPECT_TRUE(VerifyRecords(outside).ok());
}

}  // namespace
}  // namespace sitrep::pipeline
