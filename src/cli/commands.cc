// The command list. A new command is a cmd_<name>.cc defining Make<Name>Command() and one
// line here; `sitrep --help` lists them in this order.
#include "cli/command.h"

namespace sitrep::cli {

std::unique_ptr<Command> MakeIngestCommand();
std::unique_ptr<Command> MakeDocsCommand();
std::unique_ptr<Command> MakeShowCommand();
std::unique_ptr<Command> MakeRejectionsCommand();
std::unique_ptr<Command> MakeDemoCommand();
std::unique_ptr<Command> MakeTimexCommand();
std::unique_ptr<Command> MakeMentionsCommand();
std::unique_ptr<Command> MakePlacesCommand();
std::unique_ptr<Command> MakeActorsCommand();
std::unique_ptr<Command> MakeReportCommand();
std::unique_ptr<Command> MakeEventsCommand();
std::unique_ptr<Command> MakeClaimsCommand();
std::unique_ptr<Command> MakeExplainCommand();
std::unique_ptr<Command> MakeExtractCommand();
std::unique_ptr<Command> MakeTimelineCommand();
std::unique_ptr<Command> MakeConflictsCommand();
std::unique_ptr<Command> MakeStoriesCommand();
std::unique_ptr<Command> MakeOutletsCommand();
std::unique_ptr<Command> MakeExportCommand();
std::unique_ptr<Command> MakeMergeCommand();
std::unique_ptr<Command> MakeEvalCommand();

std::vector<std::unique_ptr<Command>> AllCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(MakeIngestCommand());
  commands.push_back(MakeDocsCommand());
  commands.push_back(MakeShowCommand());
  commands.push_back(MakeRejectionsCommand());
  commands.push_back(MakeTimexCommand());
  commands.push_back(MakeMentionsCommand());
  commands.push_back(MakePlacesCommand());
  commands.push_back(MakeActorsCommand());
  commands.push_back(MakeEventsCommand());
  commands.push_back(MakeClaimsCommand());
  commands.push_back(MakeExplainCommand());
  commands.push_back(MakeExtractCommand());
  commands.push_back(MakeStoriesCommand());
  commands.push_back(MakeTimelineCommand());
  commands.push_back(MakeConflictsCommand());
  commands.push_back(MakeOutletsCommand());
  commands.push_back(MakeExportCommand());
  commands.push_back(MakeMergeCommand());
  commands.push_back(MakeEvalCommand());
  commands.push_back(MakeReportCommand());
  commands.push_back(MakeDemoCommand());
  return commands;
}

}  // namespace sitrep::cli
