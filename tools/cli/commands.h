// Subcommands of the `tinyinfer` host CLI. Each returns the process exit
// code (0 ok, 1 runtime failure, 2 bad usage) and prints its own errors.
// main.cc passes the whole argv (argv[1] is the command name); each command
// parses argv[2..] with its own CLI::App through parse_command_line()
// (cli_app.h), which also answers --help. A new command is one more entry in
// main.cc's kCommands table.
#pragma once

namespace tinyinfer::cli {

int cmd_info(int argc, char** argv);      // tinyinfer info MODEL
int cmd_run(int argc, char** argv);       // tinyinfer run MODEL [--input F] ...
int cmd_quantize(int argc, char** argv);  // tinyinfer quantize IN -o OUT --mode hybrid|int8 ...
int cmd_eval(int argc, char** argv);      // tinyinfer eval MODEL --mnist DIR [--limit N] ...
int cmd_ops(int argc, char** argv);       // tinyinfer ops [--for MODEL [--format list|cmake|table]]
int cmd_check(int argc, char** argv);     // tinyinfer check PATH... [--kernels K] [--json]: golden folders
int cmd_serve(int argc, char** argv);     // tinyinfer serve [--host] [--board T] [--listen H:P]: web digit pad

// Emulated Cortex-M7 (QEMU mps2-an500) commands, tools/cli/m7_*.cc
int cmd_m7_shell(int argc, char** argv);  // boot a firmware, drive its shell, print/JSON
int cmd_study(int argc, char** argv);     // the study's 4-configuration table
int cmd_bench_m7(int argc, char** argv);  // any model on the M7 firmware: per-op instructions
int cmd_board(int argc, char** argv);     // the host link: info, infer, load, eval, bench (tools/link)

}  // namespace tinyinfer::cli
