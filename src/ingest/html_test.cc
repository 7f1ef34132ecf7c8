#include "ingest/html.h"

#include <chrono>
#include <filesystem>
#include <map>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/test_util.h"
#include "util/unicode.h"

namespace sitrep::ingest {
namespace {

using ::testing::HasSubstr;
using testing::CollectSink;
using testing::HintName;
using testing::Read;
using testing::ReadFixture;

// Every non-blank line of `text`, trimmed, must be listed in `lines`, in order, with a
// span that points at exactly that text.
void ExpectLinesCoverText(const Document& doc) {
  std::vector<std::string_view> expected;
  std::string_view text = doc.text;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!IsBlank(line)) expected.push_back(line);
    pos = end + 1;
  }
  ASSERT_EQ(doc.lines.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(doc.view(doc.lines[i].span), expected[i]) << "line " << i;
    EXPECT_LE(doc.lines[i].span.end, doc.text.size());
  }
}

// Runs every tests/data/ingest/html/*.html through ReadBuffer and compares with the
// .expected file beside it (format described in those files).
TEST(HtmlFixtures, MatchExpected) {
  namespace fs = std::filesystem;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(testing::DataDir() + "/html")) {
    if (entry.path().extension() != ".html") continue;
    SCOPED_TRACE(entry.path().filename().string());
    fs::path expected_path = entry.path();
    expected_path.replace_extension(".expected");
    std::string expected = ReadFixture(expected_path.string());
    ASSERT_FALSE(expected.empty()) << "missing " << expected_path;

    CollectSink sink = Read(entry.path().string(), ReadFixture(entry.path().string()));
    ASSERT_EQ(sink.rejected.size(), 0u) << sink.rejected[0].reason;
    ASSERT_EQ(sink.docs.size(), 1u);
    const Document& doc = sink.docs[0];
    EXPECT_EQ(doc.format, InputFormat::kHtml);
    EXPECT_EQ(doc.raw, ReadFixture(entry.path().string()));
    ExpectLinesCoverText(doc);

    std::map<std::string, std::string> fields;
    std::vector<std::string> metadata, lines;
    bool in_lines = false;
    std::istringstream in(expected);
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      if (line == "---") {
        in_lines = true;
        continue;
      }
      if (in_lines) {
        lines.push_back(line);
      } else if (line.starts_with("meta ")) {
        metadata.push_back(line.substr(5));
      } else {
        size_t colon = line.find(": ");
        ASSERT_NE(colon, std::string::npos) << line;
        fields[line.substr(0, colon)] = line.substr(colon + 2);
      }
    }
    EXPECT_EQ(doc.title, fields["title"]);
    EXPECT_EQ(doc.published, fields["published"]);
    EXPECT_EQ(doc.outlet, fields["outlet"]);
    EXPECT_EQ(doc.url, fields["url"]);
    std::vector<std::string> got_metadata;
    for (const auto& [name, value] : doc.metadata) got_metadata.push_back(name + ": " + value);
    EXPECT_EQ(got_metadata, metadata);
    std::vector<std::string> got_lines;
    for (const Line& l : doc.lines) got_lines.push_back(std::string(HintName(l.hint)) + " | " + std::string(doc.view(l.span)));
    EXPECT_EQ(got_lines, lines);
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

std::string TextOf(std::string_view html) {
  Result<HtmlPage> page = ExtractHtml(html);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page.ok() ? page->text : "";
}

TEST(Html, BlocksMakeParagraphsAndBrMakesLines) {
  EXPECT_EQ(TextOf("<p>one</p><p>two</p>"), "one\n\ntwo");
  EXPECT_EQ(TextOf("<p>one<br>two</p>"), "one\ntwo");
  EXPECT_EQ(TextOf("<p>one<br><br>two</p>"), "one\n\ntwo");
  EXPECT_EQ(TextOf("<div>a<div>b</div>c</div>"), "a\n\nb\n\nc");
  EXPECT_EQ(TextOf("<ul><li>x</li><li>y</li></ul>"), "x\n\ny");
  EXPECT_EQ(TextOf("a<hr>b"), "a\n\nb");
}

TEST(Html, CollapsesWhiteSpaceAndDecodesEntities) {
  EXPECT_EQ(TextOf("<p>  many \n\t spaces&nbsp;&nbsp;here  </p>"), "many spaces here");
  EXPECT_EQ(TextOf("<p>&lt;tag&gt; &amp; &quot;q&quot; &#233;t&#xE9;</p>"), "<tag> & \"q\" \xC3\xA9t\xC3\xA9");
  EXPECT_EQ(TextOf("<p>in<b>line</b> <i>runs</i></p>"), "inline runs");
  EXPECT_EQ(TextOf("<p>ideographic\xE3\x80\x80space</p>"), "ideographic space");
  EXPECT_EQ(TextOf("<p>line\xE2\x80\xA8separator</p>"), "line separator");
}

TEST(Html, SkipsInvisibleContent) {
  std::string text = TextOf(
      "<html><head><title>T</title><style>p{}</style></head><body>"
      "<script>document.write('x')</script><noscript>enable js</noscript>"
      "<template><p>tmpl</p></template><svg><text>svg text</text></svg>"
      "<p>seen</p><p style='display: none'>styled away</p><div aria-hidden=\"true\">icon</div>"
      "<select><option>opt</option></select><button>Click</button><img alt='alt text'>"
      "<iframe>frame</iframe></body></html>");
  EXPECT_EQ(text, "seen");
}

TEST(Html, ChoosesTheBiggestArticleOnlyWhenItDominates) {
  // A listing page: many small <article> teasers; no single one is the page.
  std::string listing = "<body><h1>Latest</h1>";
  for (int i = 0; i < 5; ++i) listing += "<article><h2>Teaser " + std::to_string(i) + "</h2><p>Short text.</p></article>";
  listing += "</body>";
  std::string text = TextOf(listing);
  EXPECT_THAT(text, HasSubstr("Latest"));
  EXPECT_THAT(text, HasSubstr("Teaser 4"));

  // An article page: the body outside the article is left out, the headline is kept.
  std::string page =
      "<body><div class='top'>Site name and a slogan</div><h1>Headline</h1>"
      "<article><p>" + std::string(300, 'w') + "</p></article></body>";
  Result<HtmlPage> p = ExtractHtml(page);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->text, "Headline\n\n" + std::string(300, 'w'));
  ASSERT_EQ(p->lines.size(), 2u);
  EXPECT_EQ(p->lines[0].hint, LineHint::kHeading);
  EXPECT_EQ(p->title, "Headline");
}

TEST(Html, FurnitureClassSparedWhenItHoldsMostText) {
  // The class says "share", but the element is the article itself.
  std::string body = "<div class='post has-share-bar'><p>" + std::string(500, 'x') + "</p></div><div class='share'>Share</div>";
  Result<HtmlPage> p = ExtractHtml(body);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->lines.size(), 2u);
  EXPECT_EQ(p->lines[0].hint, LineHint::kNone);
  EXPECT_EQ(p->lines[1].hint, LineHint::kBoilerplate);
}

TEST(Html, FurnitureWordsAreWholeWords) {
  // "ad" must not match "header", "shadow" or "loading"; camelCase splits.
  Result<HtmlPage> p = ExtractHtml(
      "<p class='shadow loading'>kept one</p><p class='ad-slot'>advert</p><p id='shareButtons'>buttons</p>"
      "<p class='headline'>kept two</p>" + std::string("<p>") + std::string(400, 'z') + "</p>");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->lines.size(), 5u);
  EXPECT_EQ(p->lines[0].hint, LineHint::kNone);
  EXPECT_EQ(p->lines[1].hint, LineHint::kBoilerplate);
  EXPECT_EQ(p->lines[2].hint, LineHint::kBoilerplate);
  EXPECT_EQ(p->lines[3].hint, LineHint::kNone);
}

TEST(Html, JsonLdForms) {
  auto published = [](std::string_view script) {
    Result<HtmlPage> p = ExtractHtml("<html><head><script type=\"application/ld+json\">" + std::string(script) +
                                     "</script></head><body><p>x</p></body></html>");
    return p.ok() ? p->published + "|" + p->outlet : "error";
  };
  EXPECT_EQ(published(R"({"@type":"NewsArticle","datePublished":"2015-05-20","publisher":{"name":"P"}})"), "2015-05-20|P");
  EXPECT_EQ(published(R"([{"@type":"BreadcrumbList"},{"@type":["Article"],"datePublished":"2015-05-21"}])"), "2015-05-21|");
  EXPECT_EQ(published(R"({"@graph":[{"@type":"WebSite","datePublished":"2001"},{"@type":"ReportageNewsArticle","datePublished":"2015-05-22"}]})"),
            "2015-05-22|");
  EXPECT_EQ(published("<!--\n{\"datePublished\":\"2015-05-23\"}\n-->"), "2015-05-23|");
  EXPECT_EQ(published(R"({"datePublished": "2015-05-24",})"), "|");  // broken JSON is ignored
  EXPECT_EQ(published(R"({"publisher":[{"name":"First"},{"name":"Second"}]})"), "|First, Second");
}

TEST(Html, PublishedFromItempropAndTime) {
  auto published = [](std::string_view body) {
    Result<HtmlPage> p = ExtractHtml(std::string(body));
    return p.ok() ? p->published : "error";
  };
  EXPECT_EQ(published("<p>x <span itemprop='datePublished' content='2016-01-02'>Jan 2</span></p>"), "2016-01-02");
  EXPECT_EQ(published("<p>x <time itemprop='datePublished' datetime='2016-01-03'>Jan 3</time></p>"), "2016-01-03");
  EXPECT_EQ(published("<nav><time datetime='2000-01-01'>old</time></nav><p><time pubdate datetime='2016-01-04'>x</time></p>"),
            "2016-01-04");
  EXPECT_EQ(published("<nav><time datetime='2000-01-01'>old</time></nav><p><time datetime='2016-01-05'>x</time></p>"),
            "2016-01-05");
  EXPECT_EQ(published("<meta name='dcterms.created' content='2016-01-06'><p>x</p>"), "2016-01-06");
}

TEST(Html, LinkOnlyAndListHints) {
  Result<HtmlPage> p = ExtractHtml(
      "<p><a href=a>all link</a></p><p>some <a href=b>link</a></p><ul><li>item</li><li><a>linked item</a></li></ul>"
      "<h3><a>linked heading</a></h3><figure><figcaption><a>credit link</a></figcaption></figure>");
  ASSERT_TRUE(p.ok());
  std::vector<std::string> hints;
  for (const Line& l : p->lines) hints.push_back(std::string(HintName(l.hint)));
  EXPECT_THAT(hints, ::testing::ElementsAre("link", "none", "list", "link", "heading", "caption"));
}

TEST(Html, DepthGuard) {
  EXPECT_EQ(EstimateHtmlDepth("<div><p>a<p>b<br><img src=x></div>"), 1u);
  EXPECT_EQ(EstimateHtmlDepth("<div><div><span>x</span></div></div>"), 3u);
  EXPECT_EQ(EstimateHtmlDepth("<div><!-- <div><div> --><script>if (a<b) '<div>'</script><b>x</b></div>"), 2u);
  EXPECT_EQ(EstimateHtmlDepth("<svg><path/><path/></svg>"), 1u);
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  auto start = std::chrono::steady_clock::now();
  Result<HtmlPage> p = ExtractHtml(deep);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kBadInput);
  EXPECT_THAT(p.status().message(), HasSubstr("100000 deep"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  std::string fine;
  for (int i = 0; i < 1000; ++i) fine += "<div>";
  EXPECT_EQ(TextOf(fine + "deep text"), "deep text");
}

TEST(Html, JsonQuote) {
  EXPECT_EQ(JsonQuote("plain"), "\"plain\"");
  EXPECT_EQ(JsonQuote("q\"b\\n\n\x01"), "\"q\\\"b\\\\n\\n\\u0001\"");
  EXPECT_EQ(JsonQuote("\xC3\xA9"), "\"\xC3\xA9\"");
}

TEST(Html, EmptyPageIsRejected) {
  CollectSink sink = Read("blank.html", "<html><head><title>Only a title</title></head><body> </body></html>");
  ASSERT_EQ(sink.rejected.size(), 1u);
  EXPECT_THAT(sink.rejected[0].reason, HasSubstr("empty"));
}

TEST(Html, DeclaredLegacyCharsetIsDecoded) {
  // windows-1252 bytes: curly quotes 0x93/0x94 and e-acute 0xE9.
  std::string page = "<html><head><meta charset=\"windows-1252\"><title>Caf\xE9</title></head>"
                     "<body><p>\x93Quoted\x94 caf\xE9 r\xE9sum\xE9</p></body></html>";
  CollectSink sink = Read("legacy.html", page);
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].text, "\xE2\x80\x9CQuoted\xE2\x80\x9D caf\xC3\xA9 r\xC3\xA9sum\xC3\xA9");
  EXPECT_EQ(sink.docs[0].title, "Caf\xC3\xA9");
  EXPECT_EQ(sink.docs[0].invalid_utf8, 0u);
  EXPECT_TRUE(IsValidUtf8(sink.docs[0].raw));

  // No declaration and clearly not UTF-8: read as windows-1252, the HTML standard's
  // fallback, with the guess recorded (regression: such pages used to be rejected).
  CollectSink undeclared = Read("legacy2.html", "<html><body><p>caf\xE9 r\xE9sum\xE9 na\xEFve d\xE9j\xE0</p></body></html>");
  ASSERT_TRUE(undeclared.rejected.empty());
  ASSERT_EQ(undeclared.docs.size(), 1u);
  EXPECT_EQ(undeclared.docs[0].text, "caf\xC3\xA9 r\xC3\xA9sum\xC3\xA9 na\xC3\xAFve d\xC3\xA9j\xC3\xA0");
  EXPECT_EQ(undeclared.docs[0].invalid_utf8, 0u);

  // UTF-8 with one damaged byte: repaired and counted.
  CollectSink damaged = Read("damaged.html", "<p>caf\xC3\xA9 and one bad \xFF byte</p>");
  ASSERT_EQ(damaged.docs.size(), 1u);
  EXPECT_EQ(damaged.docs[0].invalid_utf8, 1u);
  EXPECT_EQ(damaged.docs[0].text, "caf\xC3\xA9 and one bad \xEF\xBF\xBD byte");
}

}  // namespace
}  // namespace sitrep::ingest
