// Assets::Load: the files the HTML report inlines.
#include <string>
#include <vector>

#include "report/report.h"
#include "sitrep/env.h"

namespace sitrep::report {
namespace {

constexpr uint64_t kMaxAsset = 64ull << 20;

// The npm files, relative to third_party/npm/node_modules/.
constexpr const char* kD3 = "d3/dist/d3.min.js";
constexpr const char* kTopojson = "topojson-client/dist/topojson-client.min.js";
constexpr const char* kWorld = "world-atlas/countries-50m.json";

// Reads `rel` from the first of `roots` that has it. NotFound names every place looked.
Result<std::string> ReadFirst(const std::vector<std::string>& roots, const std::string& rel,
                              const std::string& hint) {
  const FileSystem* fs = PosixFileSystem();
  std::string tried;
  for (const std::string& root : roots) {
    std::string path = root + "/" + rel;
    if (fs->Stat(path).exists) {
      auto content = fs->ReadFile(path, kMaxAsset);
      if (!content.ok()) return content.status();
      if (content->empty()) return Status::BadInput(path + " is empty; " + hint);
      return content;
    }
    if (!tried.empty()) tried += " or ";
    tried += path;
  }
  return Status::NotFound("report: missing " + tried + "; " + hint);
}

}  // namespace

Result<Assets> Assets::Load() {
  const std::string home = SitrepHome();
  std::vector<std::string> homes = {home};
  if (home != SITREP_SOURCE_DIR) homes.push_back(SITREP_SOURCE_DIR);
  std::vector<std::string> npm, ours;
  for (const std::string& h : homes) {
    npm.push_back(h + "/third_party/npm/node_modules");
    ours.push_back(h + "/data/report");
  }
  const std::string setup = "run `make setup` (scripts/setup-npm.sh) to install the npm packages";
  const std::string data = "sitrep's own report files belong in data/report/";

  Assets a;
  auto d3 = ReadFirst(npm, kD3, setup);
  if (!d3.ok()) return d3.status();
  a.d3_js = std::move(*d3);
  auto topo = ReadFirst(npm, kTopojson, setup);
  if (!topo.ok()) return topo.status();
  a.topojson_js = std::move(*topo);
  auto world = ReadFirst(npm, kWorld, setup);
  if (!world.ok()) return world.status();
  a.world_topojson = std::move(*world);
  auto js = ReadFirst(ours, "report.js", data);
  if (!js.ok()) return js.status();
  a.report_js = std::move(*js);
  auto css = ReadFirst(ours, "report.css", data);
  if (!css.ok()) return css.status();
  a.report_css = std::move(*css);
  return a;
}

}  // namespace sitrep::report
