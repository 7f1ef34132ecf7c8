// Placeholder until the command frame lands; delete it then.
#include "cli/command.h"
namespace sitrep::cli {
std::vector<std::unique_ptr<Command>> AllCommands() { return {}; }
int Main(int, char**, Io&) { return kExitInternal; }
}  // namespace sitrep::cli
