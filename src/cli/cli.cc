// The command-line frame: builds the CLI11 app from AllCommands(), parses, runs.
//
// Global options (--db, --quiet, --format) belong to the top-level app; subcommands fall
// through to it, so they work before or after the command name ("sitrep --format json
// docs" and "sitrep docs --format json"). Parse errors print the message and a hint to
// --help and exit kExitUsage; --help and --version print and exit kExitOk. A command that
// throws (a bug) exits kExitInternal with the exception's message.
#include <exception>
#include <string>

#include "cli/command.h"
#include "sitrep/version.h"

namespace sitrep::cli {
namespace {

// The first word that is neither an option nor the value of a global option, when it
// names no command; "" otherwise.
std::string UnknownCommand(int argc, char** argv, const std::vector<CLI::App*>& subcommands) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--db" || arg == "--format") {
      ++i;  // skip its value
      continue;
    }
    if (arg == "--") return "";
    if (arg.empty() || arg[0] == '-') continue;
    for (CLI::App* sub : subcommands) {
      if (sub->check_name(arg)) return "";
    }
    return arg;
  }
  return "";
}

}  // namespace

int Main(int argc, char** argv, Io& io) {
  CLI::App app("sitrep turns news about armed conflict into a dated, sourced record.", "sitrep");
  app.set_version_flag("--version", "sitrep " SITREP_VERSION);
  app.footer(
      "Database: --db FILE, else $SITREP_DB, else ./sitrep.db.\n"
      "Exit codes: 0 ok, 1 usage error, 2 bad input (some input rejected, unknown id),\n"
      "3 internal or store error.\n"
      "Run 'sitrep COMMAND --help' for a command's options.");
  app.require_subcommand(1);
  app.fallthrough();  // inherited by subcommands added below

  Globals globals;
  app.add_option("--db", globals.db, "SQLite database (default: $SITREP_DB, else ./sitrep.db)")
      ->type_name("FILE");
  app.add_flag("-q,--quiet", globals.quiet, "no progress or notes on stderr");
  app.add_option("--format", globals.format, "output format: table (default) or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->type_name("FORMAT");

  std::vector<std::unique_ptr<Command>> commands = AllCommands();
  std::vector<CLI::App*> subcommands;
  for (auto& command : commands) subcommands.push_back(command->Register(app, globals));

  if (argc <= 1) {
    io.err << app.help();
    return kExitUsage;
  }
  // CLI11 reports an unknown command as "A subcommand is required"; say what happened.
  if (std::string unknown = UnknownCommand(argc, argv, subcommands); !unknown.empty()) {
    io.err << "sitrep: unknown command '" << unknown << "'; commands are:";
    for (CLI::App* sub : subcommands) io.err << " " << sub->get_name();
    io.err << "\nRun 'sitrep --help' for usage.\n";
    return kExitUsage;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e, io.out, io.err);  // --help, --version
    std::string hint = "sitrep --help";
    for (CLI::App* sub : subcommands) {
      if (sub->parsed()) hint = "sitrep " + sub->get_name() + " --help";
    }
    io.err << "sitrep: " << e.what() << "\n"
           << "Run '" << hint << "' for usage.\n";
    return kExitUsage;
  }

  for (size_t i = 0; i < commands.size(); ++i) {
    if (!subcommands[i]->parsed()) continue;
    try {
      return commands[i]->Run(globals, io);
    } catch (const std::exception& e) {
      io.err << "sitrep: internal error: " << e.what() << "\n";
      return kExitInternal;
    }
  }
  io.err << "sitrep: no command given\nRun 'sitrep --help' for usage.\n";
  return kExitUsage;
}

}  // namespace sitrep::cli
