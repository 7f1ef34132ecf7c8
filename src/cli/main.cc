#include <iostream>
#include <unistd.h>

#include "cli/command.h"

int main(int argc, char** argv) {
  sitrep::cli::Io io{std::cin, std::cout, std::cerr, static_cast<bool>(isatty(2))};
  return sitrep::cli::Main(argc, argv, io);
}
