#include "ingest/ingest.h"

#include <filesystem>
#include <random>
#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/test_util.h"
#include "util/compress.h"
#include "util/hash.h"
#include "util/unicode.h"

namespace sitrep::ingest {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing::CollectSink;
using testing::Read;
using testing::ReadFixture;

const std::string kStory =
    "Fighting resumed near the river crossing on Monday.\n\n"
    "Officials said the bridge was damaged but still open.\n";

TEST(Ingest, PlainText) {
  CollectSink sink = Read("story.txt", kStory);
  ASSERT_EQ(sink.rejected.size(), 0u);
  ASSERT_EQ(sink.docs.size(), 1u);
  const Document& doc = sink.docs[0];
  EXPECT_EQ(doc.source, "story.txt");
  EXPECT_EQ(doc.format, InputFormat::kText);
  EXPECT_EQ(doc.text, kStory);
  EXPECT_EQ(doc.raw, "");  // equal to text
  EXPECT_TRUE(doc.lines.empty());
  EXPECT_EQ(doc.id, "h" + ContentId(kStory));
  EXPECT_EQ(doc.invalid_utf8, 0u);
}

TEST(Ingest, TextIsRepairedAndNormalised) {
  std::string input = std::string("\xEF\xBB\xBF") + "Cafe\xCC\x81 line one\r\nline\xFF two\rthree" + '\0' + "\n";
  CollectSink sink = Read("messy.txt", input);
  ASSERT_EQ(sink.docs.size(), 1u);
  const Document& doc = sink.docs[0];
  EXPECT_EQ(doc.text, "Caf\xC3\xA9 line one\nline\xEF\xBF\xBD two\nthree\n");
  EXPECT_EQ(doc.invalid_utf8, 1u);
  // raw keeps the decoded input (BOM removed, bad byte repaired) before normalisation.
  EXPECT_EQ(doc.raw, std::string("Cafe\xCC\x81 line one\r\nline\xEF\xBF\xBD two\rthree") + '\0' + "\n");
  EXPECT_EQ(doc.id, "h" + ContentId(doc.text));
}

TEST(Ingest, StableIds) {
  CollectSink a = Read("a.txt", kStory);
  CollectSink b = Read("elsewhere/b.txt", kStory);
  CollectSink crlf = Read("c.txt", "Fighting resumed near the river crossing on Monday.\r\n\r\n"
                                   "Officials said the bridge was damaged but still open.\r\n");
  ASSERT_EQ(a.docs.size(), 1u);
  ASSERT_EQ(b.docs.size(), 1u);
  ASSERT_EQ(crlf.docs.size(), 1u);
  EXPECT_EQ(a.docs[0].id, b.docs[0].id);
  EXPECT_EQ(a.docs[0].id, crlf.docs[0].id);  // same text after normalisation
  EXPECT_EQ(a.docs[0].id.size(), 17u);
  CollectSink other = Read("a.txt", kStory + "More.");
  EXPECT_NE(other.docs[0].id, a.docs[0].id);
}

TEST(Ingest, EmptyInputsAreRejected) {
  for (std::string_view input : {std::string_view(""), std::string_view("   \n\t\r\n  "),
                                 std::string_view("\xC2\xA0\xE2\x80\x83\n")}) {
    CollectSink sink = Read("e.txt", std::string(input));
    ASSERT_EQ(sink.docs.size(), 0u);
    ASSERT_EQ(sink.rejected.size(), 1u);
    EXPECT_EQ(sink.rejected[0].source, "e.txt");
    EXPECT_THAT(sink.rejected[0].reason, StartsWith("empty"));
  }
}

TEST(Ingest, BinaryInputsAreRejected) {
  struct Case {
    std::string bytes;
    std::string reason;
  };
  std::string junk;
  for (int i = 0; i < 2000; ++i) junk += static_cast<char>((i * 7919) % 251);
  const Case cases[] = {
      {std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "binary file (looks like PNG image)"},
      {"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", "binary file (looks like PDF document"},
      {std::string("PK\x03\x04\x14\0\0\0", 8), "binary file (looks like ZIP archive"},
      {std::string("\x7f" "ELF\x02\x01\x01\0", 8), "binary file (looks like ELF executable)"},
      {"\xFF\xD8\xFF\xE0\x00\x10JFIF", "binary file (looks like JPEG image)"},
      {junk, "binary file ("},
  };
  for (const Case& c : cases) {
    CollectSink sink = Read("blob.txt", c.bytes);
    ASSERT_EQ(sink.rejected.size(), 1u) << c.reason;
    EXPECT_THAT(sink.rejected[0].reason, StartsWith(c.reason));
  }
}

// Regression: undeclared 8-bit text used to be rejected; it is read as windows-1252 (the
// browsers' fallback) and the guess recorded, so the document is not lost.
TEST(Ingest, LegacyEncodedTextIsDecodedAsWindows1252) {
  CollectSink sink = Read("latin1.txt", "Le caf\xE9 \xE9tait ferm\xE9 \xE0 cause des combats.\n");
  ASSERT_TRUE(sink.rejected.empty());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].text, "Le caf\xC3\xA9 \xC3\xA9tait ferm\xC3\xA9 \xC3\xA0 cause des combats.\n");
  EXPECT_EQ(sink.docs[0].invalid_utf8, 0u);
  ASSERT_EQ(sink.docs[0].metadata.size(), 1u);
  EXPECT_EQ(sink.docs[0].metadata[0].first, "charset_guess");
}

TEST(Ingest, Utf16WithBomIsDecoded) {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("Report from the front.\n")) {
    utf16 += c;
    utf16 += '\0';
  }
  CollectSink sink = Read("wide.txt", utf16);
  ASSERT_EQ(sink.docs.size(), 1u) << (sink.rejected.empty() ? "" : sink.rejected[0].reason);
  EXPECT_EQ(sink.docs[0].text, "Report from the front.\n");
}

TEST(Ingest, CompressedInputs) {
  std::string html = ReadFixture(testing::DataDir() + "/html/news_page.html");
  std::string jsonl = "{\"id\": \"r1\", \"text\": \"First record.\"}\n{\"id\": \"r2\", \"text\": \"Second record.\"}\n";
  struct Case {
    std::string name;
    std::string bytes;
    InputFormat format;
    size_t docs;
  };
  const Case cases[] = {
      {"story.txt.gz", *GzipBytes(kStory), InputFormat::kText, 1},
      {"story.txt.zst", *ZstdBytes(kStory), InputFormat::kText, 1},
      {"page.html.gz", *GzipBytes(html), InputFormat::kHtml, 1},
      {"page.zst", *ZstdBytes(html), InputFormat::kHtml, 1},
      {"records.jsonl.zst", *ZstdBytes(jsonl), InputFormat::kJsonLines, 2},
      {"records.jsonl.gz", *GzipBytes(jsonl), InputFormat::kJsonLines, 2},
      {"double.txt.gz.zst", *ZstdBytes(*GzipBytes(kStory)), InputFormat::kText, 1},
      {"misnamed.gz", kStory, InputFormat::kText, 1},  // not compressed at all: read as is
  };
  for (const Case& c : cases) {
    CollectSink sink = Read(c.name, c.bytes);
    ASSERT_EQ(sink.rejected.size(), 0u) << c.name << ": " << sink.rejected[0].reason;
    ASSERT_EQ(sink.docs.size(), c.docs) << c.name;
    EXPECT_EQ(sink.docs[0].format, c.format) << c.name;
    if (c.format == InputFormat::kText) {
      EXPECT_EQ(sink.docs[0].text, kStory) << c.name;
    }
    if (c.format == InputFormat::kJsonLines) {
      EXPECT_EQ(sink.docs[1].source, c.name + ":2");
    }
  }
  // The inner name decides when the content does not: a .jsonl.gz of junk lines is
  // still read as JSON Lines and rejected line by line.
  CollectSink lines = Read("odd.jsonl.gz", *GzipBytes("not json\n"));
  ASSERT_EQ(lines.rejected.size(), 1u);
  EXPECT_EQ(lines.rejected[0].source, "odd.jsonl.gz:1");
}

TEST(Ingest, CorruptAndExplosiveCompression) {
  std::string gz = *GzipBytes(kStory + kStory + kStory);
  CollectSink truncated = Read("t.txt.gz", gz.substr(0, gz.size() - 12));
  ASSERT_EQ(truncated.rejected.size(), 1u);
  EXPECT_EQ(truncated.rejected[0].source, "t.txt.gz");
  EXPECT_THAT(truncated.rejected[0].reason, HasSubstr("gzip"));

  std::string zst = *ZstdBytes(kStory);
  zst[zst.size() / 2] ^= 0x55;
  zst[zst.size() / 2 + 1] ^= 0x55;
  CollectSink corrupt = Read("c.zst", zst);
  ASSERT_EQ(corrupt.rejected.size(), 1u);
  EXPECT_THAT(corrupt.rejected[0].reason, HasSubstr("zstd"));

  Options small;
  small.max_file_bytes = 1 << 20;
  CollectSink bomb = Read("bomb.txt.gz", *GzipBytes(std::string(16 << 20, 'a'), 9), small);
  ASSERT_EQ(bomb.rejected.size(), 1u);
  EXPECT_THAT(bomb.rejected[0].reason, HasSubstr("expands to more than the limit of 1048576 bytes"));
}

TEST(Ingest, OversizedDocumentsAreRejected) {
  Options options;
  options.max_document_bytes = 100;
  CollectSink sink = Read("long.txt", std::string(150, 'x'), options);
  ASSERT_EQ(sink.rejected.size(), 1u);
  EXPECT_EQ(sink.rejected[0].reason, "document of 150 bytes is larger than the limit of 100 bytes");

  CollectSink records = Read("r.jsonl", "{\"text\": \"short\"}\n{\"text\": \"" + std::string(200, 'y') + "\"}\n", options);
  ASSERT_EQ(records.docs.size(), 1u);
  ASSERT_EQ(records.rejected.size(), 1u);
  EXPECT_EQ(records.rejected[0].source, "r.jsonl:2");
  EXPECT_EQ(records.rejected[0].reason, "line 2: record of 212 bytes is larger than the limit of 100 bytes");

  options.max_file_bytes = 50;
  CollectSink file = Read("big.txt", std::string(60, 'z'), options);
  ASSERT_EQ(file.rejected.size(), 1u);
  EXPECT_EQ(file.rejected[0].reason, "input of 60 bytes is larger than the limit of 50 bytes");
}

// One enormous line (no '\n' at all). Every step of ingest is linear in the input (the
// throughput is measured in bench/bench_ingest.cc, not here); a document over the limit
// is refused with its size before any work is done. 8 MiB keeps the Debug run short.
TEST(Ingest, HugeSingleLine) {
  std::string line;
  line.reserve(8 << 20);
  while (line.size() + 5 <= (8u << 20)) line += "word ";
  line.resize(8u << 20, 'x');
  Options options;
  options.max_document_bytes = 16 << 20;
  CollectSink sink = Read("line.txt", line, options);
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].text.size(), line.size());

  options.max_document_bytes = 4 << 20;
  CollectSink refused = Read("line.txt", line, options);
  ASSERT_EQ(refused.rejected.size(), 1u);
  EXPECT_EQ(refused.rejected[0].reason, "document of 8388608 bytes is larger than the limit of 4194304 bytes");

  // The same line as a JSON Lines record and as HTML.
  options.max_document_bytes = 16 << 20;
  CollectSink record = Read("line.jsonl", "{\"text\": \"" + line + "\"}", options);
  ASSERT_EQ(record.docs.size(), 1u);
  EXPECT_EQ(record.docs[0].text.size(), line.size());
  CollectSink html = Read("line.html", "<p>" + line + "</p>", options);
  ASSERT_EQ(html.docs.size(), 1u);
  EXPECT_EQ(html.docs[0].lines.size(), 1u);
}

TEST(Ingest, JsonLinesFixture) {
  const std::string path = testing::DataDir() + "/jsonl/records.jsonl";
  CollectSink sink = Read("records.jsonl", ReadFixture(path));
  std::istringstream expected(ReadFixture(testing::DataDir() + "/jsonl/records.expected"));
  size_t d = 0, r = 0;
  for (std::string line; std::getline(expected, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string kind, line_no, rest;
    fields >> kind >> line_no;
    std::getline(fields >> std::ws, rest);
    const std::string source = "records.jsonl:" + line_no;
    if (kind == "doc") {
      ASSERT_LT(d, sink.docs.size()) << line;
      EXPECT_EQ(sink.docs[d].source, source);
      if (rest == "*") {
        EXPECT_EQ(sink.docs[d].id, "h" + ContentId(sink.docs[d].text));
      } else {
        EXPECT_EQ(sink.docs[d].id, rest);
      }
      ++d;
    } else {
      ASSERT_EQ(kind, "rejected");
      ASSERT_LT(r, sink.rejected.size()) << line;
      EXPECT_EQ(sink.rejected[r].source, source);
      EXPECT_THAT(sink.rejected[r].reason, StartsWith("line " + line_no + ": "));
      EXPECT_THAT(sink.rejected[r].reason, HasSubstr(rest));
      ++r;
    }
  }
  EXPECT_EQ(d, sink.docs.size());
  EXPECT_EQ(r, sink.rejected.size());

  // Field values of the good records.
  ASSERT_GE(sink.docs.size(), 3u);
  const Document& first = sink.docs[0];
  EXPECT_EQ(first.format, InputFormat::kJsonLines);
  EXPECT_EQ(first.url, "https://wire.example/1");
  EXPECT_EQ(first.title, "Convoy attacked on the coast road");
  EXPECT_EQ(first.published, "2018-02-03");
  EXPECT_EQ(first.outlet, "Wire Example");
  EXPECT_EQ(first.text, "A supply convoy was attacked on the coast road on Friday, officials said.\nTwo trucks burned.");
  EXPECT_THAT(first.metadata, ::testing::ElementsAre(::testing::Pair("lang", "\"en\""),
                                                    ::testing::Pair("tags", "[\"convoy\",\"coast\"]")));
  const Document& html = sink.docs[1];
  EXPECT_EQ(html.title, "Bridge closed");         // from the page
  EXPECT_EQ(html.published, "2018-02-05");        // from the page's meta tag
  EXPECT_EQ(html.outlet, "Daily Example");        // from the record
  EXPECT_EQ(html.text, "Bridge closed\n\nThe northern bridge was closed after overnight strikes.");
  EXPECT_THAT(html.raw, StartsWith("<html>"));
  ASSERT_EQ(html.lines.size(), 2u);
  EXPECT_EQ(html.lines[0].hint, LineHint::kHeading);
  EXPECT_EQ(sink.docs[2].published, "20180204");
}

TEST(Ingest, JsonLinesEdgeCases) {
  // CRLF line ends, a BOM, no final newline, invalid UTF-8 inside a record.
  CollectSink sink = Read("w.jsonl", "\xEF\xBB\xBF{\"text\": \"one\"}\r\n\r\n{\"text\": \"t\xFFwo\"}");
  ASSERT_EQ(sink.rejected.size(), 0u) << sink.rejected[0].reason;
  ASSERT_EQ(sink.docs.size(), 2u);
  EXPECT_EQ(sink.docs[0].text, "one");
  EXPECT_EQ(sink.docs[1].source, "w.jsonl:3");
  EXPECT_EQ(sink.docs[1].text, "t\xEF\xBF\xBDwo");
  EXPECT_EQ(sink.docs[1].invalid_utf8, 1u);

  // A record's text is normalised like a file's; raw keeps the record's text.
  CollectSink norm = Read("n.jsonl", "{\"text\": \"a\\r\\nb e\\u0301\"}\n");
  ASSERT_EQ(norm.docs.size(), 1u);
  EXPECT_EQ(norm.docs[0].text, "a\nb \xC3\xA9");
  EXPECT_EQ(norm.docs[0].raw, "a\r\nb e\xCC\x81");

  // Both text and html: text is read, the html is kept as raw.
  CollectSink both = Read("b.jsonl", "{\"text\": \"plain\", \"html\": \"<p>marked</p>\"}\n");
  ASSERT_EQ(both.docs.size(), 1u);
  EXPECT_EQ(both.docs[0].text, "plain");
  EXPECT_EQ(both.docs[0].raw, "<p>marked</p>");

  // An html record with no visible text.
  CollectSink blank = Read("h.jsonl", "{\"html\": \"<script>x()</script>\"}\n");
  ASSERT_EQ(blank.rejected.size(), 1u);
  EXPECT_EQ(blank.rejected[0].reason, "line 1: empty: the page has no visible text");
}

class StoppingSink : public testing::CollectSink {
 public:
  Status OnDocument(Document&& doc) override {
    docs.push_back(std::move(doc));
    return docs.size() >= 2 ? Status::IoError("store is full") : Status::Ok();
  }
};

TEST(Ingest, SinkErrorStopsTheRead) {
  StoppingSink sink;
  Status st = ReadBuffer("s.jsonl", "{\"text\":\"1\"}\n{\"text\":\"2\"}\n{\"text\":\"3\"}\n", Options(), sink);
  EXPECT_EQ(st.code(), StatusCode::kIoError);
  EXPECT_EQ(sink.docs.size(), 2u);

  MemoryFileSystem fs;
  fs.Add("d/a.txt", "first");
  fs.Add("d/b.txt", "second");
  fs.Add("d/c.txt", "third");
  Options options;
  options.fs = &fs;
  StoppingSink paths_sink;
  EXPECT_EQ(ReadPaths({"d"}, options, paths_sink).code(), StatusCode::kIoError);
  EXPECT_EQ(paths_sink.docs.size(), 2u);
}

TEST(Ingest, ReadPathsWalksDirectories) {
  MemoryFileSystem fs;
  fs.Add("corpus/b/two.txt", "Second file, in a subdirectory.");
  fs.Add("corpus/a.txt", "First file.");
  fs.Add("corpus/.hidden.txt", "Never read.");
  fs.Add("corpus/.git/config", "Never read either.");
  fs.Add("corpus/c.jsonl", "{\"text\": \"r1\"}\n{\"text\": \"r2\"}\n");
  fs.Add("corpus/d.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(50, '\0'));
  fs.Add("single.html", "<p>A page given by name.</p>");
  Options options;
  options.fs = &fs;
  CollectSink sink;
  ASSERT_TRUE(ReadPaths({"corpus", "missing.txt", "single.html"}, options, sink).ok());
  std::vector<std::string> sources;
  for (const Document& d : sink.docs) sources.push_back(d.source);
  EXPECT_THAT(sources, ::testing::ElementsAre("corpus/a.txt", "corpus/b/two.txt", "corpus/c.jsonl:1",
                                              "corpus/c.jsonl:2", "single.html"));
  ASSERT_EQ(sink.rejected.size(), 2u);
  EXPECT_EQ(sink.rejected[0].source, "corpus/d.png");
  EXPECT_THAT(sink.rejected[0].reason, HasSubstr("PNG image"));
  EXPECT_EQ(sink.rejected[1].source, "missing.txt");
  EXPECT_THAT(sink.rejected[1].reason, HasSubstr("missing.txt"));
  EXPECT_THAT(sink.rejected[1].reason, HasSubstr("no such file"));

  // Progress: once per file, with a total stat'ed up front.
  uint64_t total = 0;
  for (const char* f : {"corpus/a.txt", "corpus/b/two.txt", "corpus/c.jsonl", "corpus/d.png", "single.html"}) {
    total += fs.Stat(f).size;
  }
  ASSERT_EQ(sink.progress.size(), 6u);  // five files and the missing one
  for (const auto& [done, all] : sink.progress) EXPECT_EQ(all, total);
  EXPECT_EQ(sink.progress.back().first, total);
  for (size_t i = 1; i < sink.progress.size(); ++i) EXPECT_GE(sink.progress[i].first, sink.progress[i - 1].first);
}

TEST(Ingest, RealFileSystemErrorsNameThePath) {
  CollectSink sink;
  ASSERT_TRUE(ReadPaths({"/nonexistent/sitrep/input.txt"}, Options(), sink).ok());
  ASSERT_EQ(sink.rejected.size(), 1u);
  EXPECT_EQ(sink.rejected[0].source, "/nonexistent/sitrep/input.txt");
  EXPECT_THAT(sink.rejected[0].reason, HasSubstr("/nonexistent/sitrep/input.txt"));

  // A directory read for real: the fixtures, sorted, all of them readable.
  CollectSink fixtures;
  ASSERT_TRUE(ReadPaths({testing::DataDir() + "/html"}, Options(), fixtures).ok());
  EXPECT_EQ(fixtures.rejected.size(), 0u);
  ASSERT_EQ(fixtures.docs.size(), 6u);  // three pages and their .expected files, sorted
  for (size_t i = 0; i < fixtures.docs.size(); ++i) {
    const Document& d = fixtures.docs[i];
    EXPECT_EQ(d.format, d.source.ends_with(".html") ? InputFormat::kHtml : InputFormat::kText) << d.source;
    if (i > 0) {
      EXPECT_LT(fixtures.docs[i - 1].source, d.source);
    }
  }
}

TEST(Ingest, StandardInput) {
  std::istringstream fake("Text piped in on standard input.\n");
  std::streambuf* old = std::cin.rdbuf(fake.rdbuf());
  CollectSink sink;
  Status st = ReadPaths({"-"}, Options(), sink);
  std::cin.rdbuf(old);
  std::cin.clear();
  ASSERT_TRUE(st.ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].source, "-");
  EXPECT_EQ(sink.docs[0].text, "Text piped in on standard input.\n");
  ASSERT_EQ(sink.progress.size(), 1u);
  EXPECT_EQ(sink.progress[0].second, 0u);  // total unknown
}

// Damaged inputs of every format never break the document invariants: valid NFC UTF-8
// text without CR or NUL, line spans in order, inside the text, on code-point boundaries,
// trimmed and non-blank. (A light fuzzer; thousands of cases run in about a second.)
TEST(Ingest, RandomDamageKeepsInvariants) {
  const std::vector<std::pair<std::string, std::string>> seeds = {
      {"page.html", ReadFixture(testing::DataDir() + "/html/news_page.html")},
      {"time.html", ReadFixture(testing::DataDir() + "/html/time_only.html")},
      {"meta.html", ReadFixture(testing::DataDir() + "/html/meta_published.html")},
      {"records.jsonl", ReadFixture(testing::DataDir() + "/jsonl/records.jsonl")},
      {"story.txt", kStory + "Caf\xC3\xA9 \xD8\xAD\xD9\x84\xD8\xA8 \xE2\x80\x94 e\xCC\x81\r\n"},
  };
  const std::string_view inserts[] = {"<", ">", "</p>", "<div>", "<br>", "<a href=x>", "\r", "\n", "\"",
                                      "{", "}", "\\", std::string_view("\0", 1), "\xFF", "\xE2\x80",
                                      "\xCC\x81", "&amp", "&#x0;", "<script>", "<!--", "\xE2\x80\xA8"};
  std::mt19937 rng(11);
  int docs = 0;
  for (int round = 0; round < 400; ++round) {
    for (const auto& [name, seed] : seeds) {
      std::string bytes = seed;
      std::uniform_int_distribution<int> edits(1, 8);
      for (int e = edits(rng); e > 0 && !bytes.empty(); --e) {
        size_t pos = rng() % bytes.size();
        switch (rng() % 4) {
          case 0: bytes[pos] = static_cast<char>(rng() & 0xFF); break;
          case 1: bytes.insert(pos, inserts[rng() % std::size(inserts)]); break;
          case 2: bytes.erase(pos, rng() % 16); break;
          case 3: bytes.resize(pos); break;
        }
      }
      CollectSink sink = Read(name, bytes);
      for (const Document& doc : sink.docs) {
        SCOPED_TRACE(name + " round " + std::to_string(round));
        ++docs;
        ASSERT_TRUE(IsValidUtf8(doc.text));
        ASSERT_TRUE(IsNfc(doc.text));
        ASSERT_EQ(doc.text.find_first_of(std::string_view("\r\0", 2)), std::string::npos);
        ASSERT_TRUE(IsValidUtf8(doc.raw));
        ASSERT_TRUE(IsValidUtf8(doc.title));
        ASSERT_FALSE(doc.id.empty());
        ASSERT_FALSE(IsBlank(doc.text));
        uint32_t prev_end = 0;
        for (const Line& line : doc.lines) {
          ASSERT_LE(prev_end, line.span.start);
          ASSERT_LT(line.span.start, line.span.end);
          ASSERT_LE(line.span.end, doc.text.size());
          std::string_view v = doc.view(line.span);
          ASSERT_TRUE(IsValidUtf8(v));
          ASSERT_EQ(v.find('\n'), std::string_view::npos);
          ASSERT_NE(v.front(), ' ');
          ASSERT_NE(v.back(), ' ');
          prev_end = line.span.end;
        }
      }
    }
  }
  EXPECT_GT(docs, 1000);
}

// The five real articles beside the repository (when present) all read as text.
TEST(Ingest, SeedArticles) {
  const std::string dir = SITREP_SOURCE_DIR "/../shared/seeds";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " is absent";
  CollectSink sink;
  ASSERT_TRUE(ReadPaths({dir}, Options(), sink).ok());
  EXPECT_EQ(sink.rejected.size(), 0u);
  ASSERT_EQ(sink.docs.size(), 5u);
  for (const Document& doc : sink.docs) {
    EXPECT_EQ(doc.format, InputFormat::kText) << doc.source;
    EXPECT_TRUE(IsValidUtf8(doc.text)) << doc.source;
    EXPECT_TRUE(IsNfc(doc.text)) << doc.source;
    EXPECT_EQ(doc.text.find('\r'), std::string::npos) << doc.source;
    EXPECT_GT(doc.text.size(), 1000u) << doc.source;
    EXPECT_EQ(doc.id.size(), 17u) << doc.source;
  }
  EXPECT_LT(sink.docs[0].source, sink.docs[4].source);  // sorted
}

}  // namespace
}  // namespace sitrep::ingest
