// One way for every subcommand to parse its arguments with CLI11: the same
// exit codes (0 after --help, 2 on bad usage) and the same error shape
// ("tinyinfer <command>: <what is wrong>" then the command's help).
#pragma once

#include <CLI/CLI.hpp>

namespace tinyinfer::cli {

// Parses argv[2..argc) (argv[1] is the subcommand) into `app`. Returns -1
// when the command should go on, else the exit code to return now: 0 after
// printing --help, 2 after printing the parse error and the help.
int parse_command_line(CLI::App& app, int argc, char** argv);

}  // namespace tinyinfer::cli
