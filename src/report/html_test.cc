// The HTML report: escaping, self-containment, the embedded data, evidence highlights.
// The page is drawn by data/report/report.js; tests/report_test.cc opens it in Chromium.
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/html.h"
#include "report/report.h"

namespace sitrep::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Assets FakeAssets() {
  Assets a;
  a.d3_js = "var d3 = {}; // '</script>' inside a string";
  a.topojson_js = "var topojson = {};";
  a.world_topojson = R"({"type":"Topology","objects":{}})";
  a.report_js = "console.log('report');";
  a.report_css = "body { color: black; } /* </style> */";
  return a;
}

// The text of <script type="application/json" id="ID">...</script>.
std::string JsonScript(const std::string& html, const std::string& id) {
  std::string open = "<script type=\"application/json\" id=\"" + id + "\">";
  size_t a = html.find(open);
  if (a == std::string::npos) return "";
  a += open.size();
  size_t b = html.find("</script>", a);
  return html.substr(a, b - a);
}

TEST(Escape, Html) {
  EXPECT_EQ(EscapeHtml("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(EscapeHtml(""), "");
}

TEST(Escape, ScriptJson) {
  EXPECT_EQ(EscapeScriptJson(R"({"q":"</script><!-- x"})"), R"({"q":"<\/script><\u0021-- x"})");
  // A JSON parser reads the escaped text back to the same value.
  Json j = {{"q", "</script><!-- </style>"}};
  EXPECT_EQ(Json::parse(EscapeScriptJson(j.dump())), j);
}

TEST(Escape, RawText) {
  EXPECT_EQ(EscapeRawText("x='</SCRIPT>'; y='</scrip'", "script"), "x='<\\/SCRIPT>'; y='</scrip'");
  EXPECT_EQ(EscapeRawText("/* </style> */", "style"), "/* <\\/style> */");
  EXPECT_EQ(EscapeRawText("a < b", "script"), "a < b");
}

TEST(RenderPage, FixtureIsEmbeddedEscapedAndSelfContained) {
  std::string text = ReadAll(SITREP_SOURCE_DIR "/tests/data/report/fixture.json");
  ASSERT_FALSE(text.empty());
  Json data = Json::parse(text);
  auto page = RenderPage(data, FakeAssets());
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  const std::string& html = *page;

  // The hostile quote and place name never close the data script.
  EXPECT_THAT(html, Not(HasSubstr("</script><script>window.pwned")));
  EXPECT_THAT(html, Not(HasSubstr("<!-- &")));
  std::string embedded = JsonScript(html, "data");
  ASSERT_FALSE(embedded.empty());
  EXPECT_EQ(embedded.find("</"), std::string::npos);
  EXPECT_EQ(Json::parse(embedded), data);
  EXPECT_EQ(Json::parse(JsonScript(html, "world"))["type"], "Topology");

  // Assets are inlined with their closing tags escaped.
  EXPECT_THAT(html, HasSubstr("var d3 = {}; // '<\\/script>'"));
  EXPECT_THAT(html, HasSubstr("/* <\\/style> */"));
  EXPECT_THAT(html, HasSubstr("Generated 2030-01-02T03:04:05Z"));

  // Self-contained: nothing loaded from elsewhere.
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(<(script|img|iframe|link)[^>]*\s(src|href)\s*=)",
                                                  std::regex::icase)));
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(url\(\s*['"]?https?:)", std::regex::icase)));
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(@import)", std::regex::icase)));
  EXPECT_THAT(html, HasSubstr("Content-Security-Policy"));
  // One page: the sections the script fills are there.
  for (const char* id : {"timelines", "map", "stories", "claims", "conflicts", "outlets", "dates",
                         "evidence", "errors"}) {
    EXPECT_THAT(html, HasSubstr(std::string("id=\"") + id + "\"")) << id;
  }
}

TEST(RenderPage, EmptyAssetFails) {
  Assets a = FakeAssets();
  a.world_topojson.clear();
  EXPECT_FALSE(RenderPage(Json::object(), a).ok());
}

fuse::Evidence Ev(const std::string& record, const std::string& doc, uint32_t sentence,
                  Span span, const std::string& quote, const std::string& value) {
  fuse::Evidence e;
  e.record = record;
  e.doc = doc;
  e.outlet = "Outlet <One>";
  e.sentence = sentence;
  e.span = span;
  e.quote = quote;
  e.value = value;
  return e;
}

TEST(ReportData, EvidenceIsSharedAndHighlighted) {
  ReportInput in;
  in.generated_at = "2030-01-01T00:00:00Z";
  DocumentSummary d;
  d.id = "doc1";
  d.title = "Title </script> & <b>";
  in.docs.push_back(d);
  // Sentence 1 of doc1 starts at byte 100: "Rebels took the bridge." (23 bytes).
  in.sentences["doc1"] = {Span{0, 50}, Span{100, 123}};
  const std::string quote = "Rebels took the bridge.";
  fuse::Story s;
  s.id = "s1";
  s.type = "control_gained";
  s.place.name = "Bridgeton";
  s.place.has_position = true;
  s.place.lat = 10;
  s.place.lon = 20;
  s.evidence.push_back(Ev("doc1:e0", "doc1", 1, Span{107, 111}, quote, "took"));
  in.fusion.stories.push_back(s);
  fuse::Conflict c;
  c.id = "x1";
  c.kind = "control";
  c.items.push_back(s.evidence[0]);  // the same evidence: one entry, two links
  // Without sentence spans the value is found in the quote.
  c.items.push_back(Ev("doc2:c0", "doc2", 0, Span{5, 9}, "They say 40 died.", "40 died"));
  // Neither: no highlight.
  c.items.push_back(Ev("doc2:c1", "doc2", 1, Span{}, "Nothing to mark.", "zzz"));
  in.fusion.conflicts.push_back(c);

  Json data = ReportDataJson(in);
  ASSERT_EQ(data["evidence"].size(), 3u);
  EXPECT_EQ(data["fusion"]["stories"][0]["ev"], Json::array({"ev1"}));
  EXPECT_EQ(data["fusion"]["conflicts"][0]["ev"], Json::array({"ev1", "ev2", "ev3"}));
  const Json& e1 = data["evidence"][0];
  EXPECT_EQ(e1["before"], "Rebels ");
  EXPECT_EQ(e1["mark"], "took");
  EXPECT_EQ(e1["after"], " the bridge.");
  EXPECT_EQ(data["evidence"][1]["mark"], "40 died");
  EXPECT_EQ(data["evidence"][2]["mark"], "");
  EXPECT_EQ(data["evidence"][2]["after"], "Nothing to mark.");
  ASSERT_EQ(data["points"].size(), 1u);
  EXPECT_EQ(data["points"][0]["ev"], Json::array({"ev1"}));
  EXPECT_EQ(data["counts"]["documents"], 1);

  auto page = RenderHtml(in, FakeAssets());
  ASSERT_TRUE(page.ok());
  EXPECT_THAT(*page, Not(HasSubstr("Title </script>")));
  EXPECT_THAT(*page, HasSubstr("Title <\\/script> & <b>"));  // inside JSON, escaped
}

TEST(ReportData, EventsMakeThePointsWhenThereAreNoStories) {
  ReportInput in;
  EventRecord e;
  e.id = "doc1:e0";
  e.document = "doc1";
  e.type = "air_strike";
  e.trigger = "struck";
  e.quote = "Jets struck the depot.";
  e.place.name = "Depotville";
  e.place.has_position = true;
  e.place.lat = 1;
  e.place.lon = 2;
  in.events.push_back(e);
  EventRecord unplaced = e;
  unplaced.id = "doc1:e1";
  unplaced.place = {};
  in.events.push_back(unplaced);
  Json data = ReportDataJson(in);
  ASSERT_EQ(data["points"].size(), 1u);
  EXPECT_EQ(data["evidence"][0]["mark"], "struck");
}

TEST(ReportData, EmptyInput) {
  Json data = ReportDataJson(ReportInput{});
  EXPECT_TRUE(data["points"].empty());
  EXPECT_TRUE(data["evidence"].empty());
  EXPECT_TRUE(data["fusion"]["stories"].empty());
  auto page = RenderHtml(ReportInput{}, FakeAssets());
  EXPECT_TRUE(page.ok());
}

TEST(ReportData, InvalidUtf8DoesNotThrow) {
  ReportInput in;
  DocumentSummary d;
  d.id = "doc1";
  d.title = "bad \xff\xfe bytes";
  in.docs.push_back(d);
  auto page = RenderHtml(in, FakeAssets());
  ASSERT_TRUE(page.ok());
  EXPECT_THAT(*page, HasSubstr("bad "));
}

TEST(Assets, LoadFindsEverythingOrSaysToRunSetup) {
  auto a = Assets::Load();
  if (!a.ok()) {
    EXPECT_THAT(a.status().message(), HasSubstr("make setup"));
    GTEST_SKIP() << a.status().ToString();
  }
  EXPECT_THAT(a->d3_js, HasSubstr("d3js.org"));
  EXPECT_THAT(a->topojson_js, HasSubstr("topojson"));
  EXPECT_THAT(a->world_topojson, HasSubstr("\"Topology\""));
  EXPECT_THAT(a->report_js, HasSubstr("data-rendered"));
  EXPECT_FALSE(a->report_css.empty());
}

}  // namespace
}  // namespace sitrep::report
