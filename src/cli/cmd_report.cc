// sitrep report -o FILE.html : the whole fused record as one self-contained HTML page.
//
// Loads every document, event, claim, mention and signature from the store, fuses them
// (fuse::Fuse), renders the page (report::RenderHtml) and writes it to FILE (through a
// temporary file renamed into place, so a failed run never leaves half a page). Prints
// where it wrote and what is in it. Needs the npm packages `make setup` installs (d3,
// topojson-client, world-atlas); without them it fails saying so, before reading the store.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "fuse/fuse.h"
#include "report/report.h"

namespace sitrep::cli {
namespace {

std::string IsoNow() {
  std::time_t now = static_cast<std::time_t>(SystemClock()->NowUnixSeconds());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Status WriteWhole(const std::string& path, const std::string& content) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError("cannot write " + tmp + ": " + std::strerror(errno));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      return Status::IoError("failed writing " + tmp);
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return Status::IoError("cannot move " + tmp + " to " + path + ": " + ec.message());
  }
  return Status::Ok();
}

class ReportCommand final : public Command {
 public:
  CLI::App* Register(CLI::App& app, Globals&) override {
    CLI::App* cmd = app.add_subcommand(
        "report", "Write the fused record as one self-contained HTML page (works offline)");
    cmd->add_option("-o,--output", output_, "The HTML file to write")->required();
    return cmd;
  }

  int Run(const Globals& globals, Io& io) override {
    auto assets = report::Assets::Load();
    if (!assets.ok()) return Fail(io, assets.status());
    auto store = OpenExistingStore(ResolveDbPath(globals.db));
    if (!store.ok()) return Fail(io, store.status());

    auto loaded = report::LoadReportInput(**store, IsoNow());
    if (!loaded.ok()) return Fail(io, loaded.status());
    const report::ReportInput& in = *loaded;

    auto html = report::RenderHtml(in, *assets);
    if (!html.ok()) return Fail(io, html.status());
    Status st = WriteWhole(output_, *html);
    if (!st.ok()) return Fail(io, st);

    const fuse::Fusion& f = in.fusion;
    io.out << fmt::format(
        "report: wrote {} ({}): {} documents, {} events across sources, {} control "
        "timelines, {} claim groups, {} contradictions\n",
        output_, HumanBytes(html->size()), in.docs.size(), f.stories.size(),
        f.timelines.size(), f.claim_groups.size(), f.conflicts.size());
    return kExitOk;
  }

 private:
  std::string output_;
};

}  // namespace

std::unique_ptr<Command> MakeReportCommand() { return std::make_unique<ReportCommand>(); }

}  // namespace sitrep::cli
