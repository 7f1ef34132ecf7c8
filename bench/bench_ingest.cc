// Throughput of ingest::ReadBuffer on synthetic plain text, HTML and JSON Lines, and of
// the UTF-8 helpers on its hot path. Inputs are generated here from a small vocabulary
// (mostly ASCII, with some accented and non-Latin words so the NFC and UTF-8 checks do
// real work). Reported as bytes of input per second.
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <random>
#include <string>

#include "ingest/ingest.h"
#include "util/compress.h"
#include "util/unicode.h"

namespace sitrep::ingest {
namespace {

constexpr const char* kWords[] = {
    "the", "forces", "said", "on", "Tuesday", "that", "they", "had", "taken", "control", "of", "a",
    "ridge", "near", "village", "river", "crossing", "after", "heavy", "shelling", "overnight",
    "officials", "reported", "casualties", "among", "civilians", "and", "fighters", "in", "district",
    "café", "Saint-Étienne", "Zürich", "Ñuñoa", "Kyiv", "Donetsk", "حلب", "دير", "Мариуполь",
    "convoy", "checkpoint", "ceasefire", "talks", "spokesman", "denied", "claims", "withdrew"};

std::string Paragraph(std::mt19937& rng) {
  std::uniform_int_distribution<size_t> word(0, std::size(kWords) - 1);
  std::uniform_int_distribution<int> len(8, 25);
  std::string p;
  for (int s = 0; s < 4; ++s) {
    int n = len(rng);
    for (int i = 0; i < n; ++i) {
      std::string w = kWords[word(rng)];
      if (i == 0 && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
      p += w;
      p += i + 1 == n ? ". " : (i % 7 == 6 ? ", " : " ");
    }
  }
  p.pop_back();
  return p;
}

std::string PlainText(size_t bytes) {
  std::mt19937 rng(1);
  std::string out;
  while (out.size() < bytes) out += Paragraph(rng) + "\n\n";
  return out;
}

std::string HtmlPage(size_t bytes) {
  std::mt19937 rng(2);
  std::string out =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Synthetic page</title>"
      "<meta property=\"og:title\" content=\"Synthetic page\"><meta property=\"og:site_name\" content=\"Bench\">"
      "<meta property=\"article:published_time\" content=\"2020-01-02T03:04:05Z\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-01-02\"}</script>"
      "<style>body{margin:0}</style></head><body><header class=\"site-header\"><nav><ul>";
  for (int i = 0; i < 30; ++i) out += "<li><a href=\"/s" + std::to_string(i) + "\">Section " + std::to_string(i) + "</a></li>";
  out += "</ul></nav></header><main><article><h1>Synthetic headline for the benchmark</h1>";
  int n = 0;
  while (out.size() < bytes) {
    out += "<p class=\"para\">" + Paragraph(rng) + " <a href=\"/x\">link</a> <em>emphasis</em></p>\n";
    if (++n % 8 == 0) {
      out += "<figure><img src=\"a.jpg\"><figcaption>Caption " + std::to_string(n) +
             "</figcaption></figure><div class=\"share-tools\"><a href=\"#\">Share</a></div>"
             "<script>var x = 1;</script>\n";
    }
  }
  out += "</article></main><footer><p>Footer text</p></footer></body></html>";
  return out;
}

std::string JsonLines(size_t bytes) {
  std::mt19937 rng(3);
  std::string out;
  int id = 0;
  while (out.size() < bytes) {
    std::string text = Paragraph(rng) + "\\n\\n" + Paragraph(rng) + "\\n\\n" + Paragraph(rng);
    ++id;
    out += "{\"id\": \"r" + std::to_string(id) + "\", \"url\": \"https://example.org/" + std::to_string(id) +
           "\", \"title\": \"Record\", \"published\": \"2020-01-02\", \"outlet\": \"Bench\", \"lang\": \"en\", "
           "\"tags\": [\"a\", \"b\"], \"text\": \"" + text + "\"}\n";
  }
  return out;
}

class NullSink : public Sink {
 public:
  Status OnDocument(Document&& doc) override {
    bytes += doc.text.size();
    ++docs;
    return Status::Ok();
  }
  void OnRejected(Rejection) override { ++rejected; }
  uint64_t docs = 0, rejected = 0, bytes = 0;
};

// Reads `input` once per iteration. Bytes processed are `content_bytes` (the input, or
// for compressed inputs the decompressed content) per iteration.
void Run(benchmark::State& state, const std::string& name, const std::string& input, size_t content_bytes) {
  Options options;
  NullSink sink;
  for (auto _ : state) {
    Status st = ReadBuffer(name, input, options, sink);
    benchmark::DoNotOptimize(st);
  }
  if (sink.rejected > 0) state.SkipWithError("input was rejected");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * content_bytes));
  state.counters["docs_per_run"] = static_cast<double>(sink.docs) / static_cast<double>(state.iterations());
}

void BM_ReadText(benchmark::State& state) {
  const std::string input = PlainText(static_cast<size_t>(state.range(0)));
  Run(state, "bench.txt", input, input.size());
}
BENCHMARK(BM_ReadText)->Arg(8 << 10)->Arg(4 << 20);

void BM_ReadHtml(benchmark::State& state) {
  const std::string input = HtmlPage(static_cast<size_t>(state.range(0)));
  Run(state, "bench.html", input, input.size());
}
BENCHMARK(BM_ReadHtml)->Arg(50 << 10)->Arg(500 << 10);

// The share of the HTML time that is gumbo's own parse.
void BM_GumboParseOnly(benchmark::State& state) {
  const std::string input = HtmlPage(static_cast<size_t>(state.range(0)));
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  for (auto _ : state) {
    GumboOutput* out = gumbo_parse_with_options(&options, input.data(), input.size());
    benchmark::DoNotOptimize(out);
    gumbo_destroy_output(&options, out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_GumboParseOnly)->Arg(500 << 10);

void BM_ReadJsonLines(benchmark::State& state) {
  const std::string input = JsonLines(static_cast<size_t>(state.range(0)));
  Run(state, "bench.jsonl", input, input.size());
}
BENCHMARK(BM_ReadJsonLines)->Arg(4 << 20);

void BM_ReadJsonLinesZstd(benchmark::State& state) {
  const std::string plain = JsonLines(static_cast<size_t>(state.range(0)));
  const std::string input = *ZstdBytes(plain);
  Run(state, "bench.jsonl.zst", input, plain.size());
}
BENCHMARK(BM_ReadJsonLinesZstd)->Arg(4 << 20);

// The UTF-8 helpers on the same text.
void BM_IsValidUtf8(benchmark::State& state) {
  static const std::string input = PlainText(4 << 20);
  for (auto _ : state) benchmark::DoNotOptimize(IsValidUtf8(input));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_IsValidUtf8);

void BM_IsValidUtf8Slow(benchmark::State& state) {
  static const std::string input = PlainText(4 << 20);
  for (auto _ : state) benchmark::DoNotOptimize(IsValidUtf8Slow(input));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_IsValidUtf8Slow);

void BM_RepairUtf8Damaged(benchmark::State& state) {
  static std::string input = [] {
    std::string s = PlainText(4 << 20);
    for (size_t i = 1000; i < s.size(); i += 4096) s[i] = '\xFF';
    return s;
  }();
  std::string out;
  for (auto _ : state) benchmark::DoNotOptimize(RepairUtf8(input, &out));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_RepairUtf8Damaged);

void BM_NormalizeNfcAlreadyNfc(benchmark::State& state) {
  static const std::string input = PlainText(4 << 20);
  for (auto _ : state) {
    std::string copy = input;
    benchmark::DoNotOptimize(NormalizeNfc(&copy));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_NormalizeNfcAlreadyNfc);

void BM_NormalizeNewlines(benchmark::State& state) {
  static const std::string input = [] {
    std::string s = PlainText(4 << 20), out;
    for (char c : s) {
      if (c == '\n') out += '\r';
      out += c;
    }
    return out;
  }();
  for (auto _ : state) {
    std::string copy = input;
    benchmark::DoNotOptimize(NormalizeNewlines(&copy));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_NormalizeNewlines);

}  // namespace
}  // namespace sitrep::ingest

BENCHMARK_MAIN();
