// Internal to cli/. The command-line frame: one class per command, registered in
// commands.cc, each defined in its own cmd_<name>.cc.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace sitrep::cli {

// Exit codes of the sitrep binary.
enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 1,     // bad flags or arguments
  kExitBadInput = 2,  // user data could not be used (some or all of it)
  kExitInternal = 3,  // a bug, or the store/file system failed
};

// Options every command shares; filled by the top-level parser.
struct Globals {
  std::string db;          // --db; empty means $SITREP_DB or ./sitrep.db (ResolveDbPath)
  bool quiet = false;      // --quiet: no progress, no summaries on stderr
  std::string format = "table";  // --format table|json (commands may accept more)
};

// Where a command reads and writes; tests pass string streams.
struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool err_is_tty = false;  // progress bars only on a terminal
};

class Command {
 public:
  virtual ~Command() = default;
  // Adds this command as a subcommand of `app` with its options bound to members.
  virtual CLI::App* Register(CLI::App& app, Globals& globals) = 0;
  // Runs after a successful parse. Returns an ExitCode.
  virtual int Run(const Globals& globals, Io& io) = 0;
};

// Every command, in the order `sitrep --help` lists them.
std::vector<std::unique_ptr<Command>> AllCommands();

// Parses argv and runs the chosen command. The whole binary is this call.
int Main(int argc, char** argv, Io& io);

}  // namespace sitrep::cli
