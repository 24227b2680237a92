// Options that several host commands share, declared once so they read and
// fail the same way everywhere: kernel set, integer ranges, non-empty paths,
// and usage errors found after parsing (conflicts CLI11 cannot express).
#pragma once

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

#include "tinyinfer/interpreter.h"

namespace tinyinfer::cli {

// A decimal integer in [min, max]: "10", not "10x", "1e3", "0x10" or "" (CLI11
// alone would read "010" as octal and "0x10" as hex). The message names the
// range and what was given; the value is rewritten to canonical decimal.
CLI::Validator integer_in_range(int64_t min, int64_t max);

// Rejects "" (e.g. --input ""), which would otherwise fail later as a
// missing file with exit 1 instead of a usage error.
CLI::Validator non_empty();

// A flag that takes no value and may be given once, as before CLI11
// (which by default accepts "--json --json" and "--json=1").
CLI::Option* add_switch(CLI::App& app, const std::string& name, bool* value, const std::string& help);

// --kernels reference|optimized into *name (default "reference").
CLI::Option* add_kernels_option(CLI::App& app, std::string* name, const std::string& what = "kernel set");
// --fuse and --small-arena into *options.
void add_memory_flags(CLI::App& app, InterpreterOptions* options);

// Prints "<app name>: <message>" and the help to stderr like a parse error
// of parse_command_line(); returns 2.
int usage_error(const CLI::App& app, const std::string& message);

}  // namespace tinyinfer::cli
