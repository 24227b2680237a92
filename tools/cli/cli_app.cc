#include "cli_app.h"

#include <cstdio>

namespace tinyinfer::cli {

int parse_command_line(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc - 1, argv + 1);  // CLI11 skips argv[0]; ours is the subcommand
  } catch (const CLI::CallForHelp&) {
    std::fputs(app.help().c_str(), stdout);
    return 0;
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "%s: %s\n%s", app.get_name().c_str(), e.what(), app.help().c_str());
    return 2;
  }
  return -1;
}

}  // namespace tinyinfer::cli
