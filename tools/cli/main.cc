// The `tinyinfer` host command. CLI11 handles the top level (--help,
// --version, the command list); each command parses its own arguments in
// its cmd_<name>(argc, argv) (commands.h), with argv[1] the command name.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.h"

namespace {

// CMake's project(tinyinfer VERSION ...), the same string as the firmware banner.
constexpr const char* kVersion = TINYINFER_VERSION;

struct Command {
  const char* name;
  int (*run)(int argc, char** argv);
  const char* summary;  // arguments, then what it does
};

// clang-format off
constexpr Command kCommands[] = {
    {"info", tinyinfer::cli::cmd_info,
     "MODEL [--json]: inputs/outputs, every op (shapes, types, quantization,\n"
     "parameters, MACs, weight bytes) and the planned arena"},
    {"run", tinyinfer::cli::cmd_run,
     "MODEL [--input FILE] [--output FILE] [--repeat N] [--kernels K] [--json]:\n"
     "run on the host: outputs, top class, per-layer times"},
    {"quantize", tinyinfer::cli::cmd_quantize,
     "IN -o OUT --mode hybrid|int8 [--calibration FILES | --mnist DIR] ...:\n"
     "int8 weights (hybrid) or a full integer model (int8)"},
    {"eval", tinyinfer::cli::cmd_eval,
     "MODEL --mnist DIR [--limit N] [--kernels K] [--json]:\n"
     "top-1 accuracy and confusion matrix on MNIST test images"},
    {"ops", tinyinfer::cli::cmd_ops,
     "[--for MODEL [--format list|cmake|table]]: which kernel runs per op x types x\n"
     "kernel set; the op list a firmware image needs for MODEL"},
    {"check", tinyinfer::cli::cmd_check,
     "PATH... [--kernels reference|optimized|both] [--fuse] [--small-arena]\n"
     "[--expected-failures FILE] [--json]: run golden folders, compare outputs"},
    {"serve", tinyinfer::cli::cmd_serve,
     "[--host] [--board TRANSPORT] [--listen HOST:PORT] [--model MODEL]:\n"
     "web digit pad: draw a digit, see host and board answers side by side"},
    {"m7", tinyinfer::cli::cmd_m7_shell,
     "...: boot the Cortex-M7 firmware (QEMU) and drive its shell"},
    {"study", tinyinfer::cli::cmd_study,
     "...: the study's 4-configuration table"},
    {"bench-m7", tinyinfer::cli::cmd_bench_m7,
     "MODEL [--kernels reference|optimized|both] [--fuse] [--json]:\n"
     "instructions per layer of any model on the emulated M7"},
    {"board", tinyinfer::cli::cmd_board,
     "[--port P|tcp:H:P|qemu[:ELF]] [--protocol study] info|infer|load|eval|bench:\n"
     "the link firmware on a board or in QEMU (docs/link-protocol.md)"},
};
// clang-format on

const Command* find_command(const char* name) {
  for (const Command& c : kCommands)
    if (std::strcmp(c.name, name) == 0) return &c;
  return nullptr;
}

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const Command& c : kCommands) names.emplace_back(c.name);
  return names;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"tinyinfer: TFLite models on the host and on the emulated Cortex-M7.", "tinyinfer"};
  app.set_version_flag("--version", std::string("tinyinfer ") + kVersion, "print the version and exit");
  app.footer(
      "'tinyinfer <command> --help' for a command's options.\n"
      "Exit codes: 0 ok, 1 failure (bad file, invalid model, ...), 2 bad usage.");
  app.require_subcommand(0, 1);  // none: reported below, after unknown options
  app.get_formatter()->column_width(14);
  for (const Command& c : kCommands) {
    // Everything after the name goes to the command untouched, --help included.
    app.add_subcommand(c.name, c.summary)->prefix_command()->set_help_flag();
  }
  std::string help_topic;
  app.add_subcommand("help", "this text; 'help COMMAND' as 'COMMAND --help'")
      ->add_option("COMMAND", help_topic, "the command to describe")
      ->check(CLI::IsMember(command_names()));
  app.add_subcommand("version", "the version, as --version")->group("");  // hidden alias

  // Taken before parsing: afterwards CLI11 prints the chosen subcommand's help.
  const std::string help = app.help();
  const auto print_help = [&help](std::FILE* out) { std::fputs(help.c_str(), out); };
  // A word that is no command: say so rather than CLI11's "not expected".
  const auto is_command = [&app](const char* word) {
    for (const CLI::App* sub : app.get_subcommands({}))
      if (sub->get_name() == word) return true;
    return false;
  };
  if (argc >= 2 && argv[1][0] != '-' && !is_command(argv[1])) {
    std::fprintf(stderr, "tinyinfer: unknown command '%s'\n\n", argv[1]);
    print_help(stderr);
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    print_help(stdout);
    return 0;
  } catch (const CLI::CallForVersion& e) {
    std::printf("%s\n", e.what());
    return 0;
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "tinyinfer: %s\n\n", e.what());
    print_help(stderr);
    return 2;
  }
  if (app.get_subcommands().empty()) {
    std::fputs("tinyinfer: a command is required\n\n", stderr);
    print_help(stderr);
    return 2;
  }
  const std::string name = app.get_subcommands().front()->get_name();
  if (name == "help" && !help_topic.empty()) {
    char help_flag[] = "--help";
    char* help_argv[] = {argv[0], help_topic.data(), help_flag, nullptr};
    return find_command(help_topic.c_str())->run(3, help_argv);
  }
  if (name == "help") {
    print_help(stdout);
    return 0;
  }
  if (name == "version") {
    std::printf("tinyinfer %s\n", kVersion);
    return 0;
  }
  return find_command(name.c_str())->run(argc, argv);
}
