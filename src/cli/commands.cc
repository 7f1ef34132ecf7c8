// The command list. A new command is a cmd_<name>.cc defining Make<Name>Command() and one
// line here; `sitrep --help` lists them in this order.
#include "cli/command.h"

namespace sitrep::cli {

std::unique_ptr<Command> MakeIngestCommand();
std::unique_ptr<Command> MakeDocsCommand();
std::unique_ptr<Command> MakeShowCommand();
std::unique_ptr<Command> MakeRejectionsCommand();
std::unique_ptr<Command> MakeDemoCommand();

std::vector<std::unique_ptr<Command>> AllCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(MakeIngestCommand());
  commands.push_back(MakeDocsCommand());
  commands.push_back(MakeShowCommand());
  commands.push_back(MakeRejectionsCommand());
  commands.push_back(MakeDemoCommand());
  return commands;
}

}  // namespace sitrep::cli
