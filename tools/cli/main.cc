// The `tinyinfer` host command: dispatches to the subcommands in commands.h.
#include <cstdio>
#include <cstring>

#include "commands.h"

namespace {

// Keep in step with project(tinyinfer VERSION ...) in the top CMakeLists.txt.
constexpr const char* kVersion = TINYINFER_VERSION;  // CMake's project version, as the firmware banner

constexpr const char* kUsage =
    "usage: tinyinfer <command> [options]\n"
    "\n"
    "commands:\n"
    "  info MODEL [--json]            inputs/outputs, every op (shapes, types, quantization,\n"
    "                                 parameters, MACs, weight bytes) and the planned arena\n"
    "  run MODEL [--input FILE] [--output FILE] [--repeat N]\n"
    "            [--kernels reference|optimized] [--json]\n"
    "                                 run on the host: outputs, top class, per-layer times\n"
    "  quantize IN -o OUT --mode hybrid|int8 [--calibration FILES | --mnist DIR] ...\n"
    "                                 int8 weights (hybrid) or full integer model (int8)\n"
    "  eval MODEL --mnist DIR [--limit N] [--kernels reference|optimized] [--json]\n"
    "                                 top-1 accuracy and confusion matrix on MNIST test images\n"
    "  ops [--for MODEL [--format list|cmake|table]]\n"
    "                                 which kernel runs per op x types x kernel set; the op\n"
    "                                 list a firmware image needs for MODEL\n"
    "  m7 ...                         boot the Cortex-M7 firmware (QEMU) and drive its shell\n"
    "  study ...                      the study's 4-configuration table\n"
    "  bench-m7 MODEL [--kernels reference|optimized|both] [--fuse] [--json]\n"
    "                                 instructions per layer of any model on the emulated M7\n"
    "  help                           this text ('tinyinfer <command> --help' for details)\n"
    "  --version                      print the version\n"
    "\n"
    "exit codes: 0 ok, 1 failure (bad file, invalid model, ...), 2 bad usage\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace tinyinfer::cli;
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const char* command = argv[1];
  if (std::strcmp(command, "info") == 0) return cmd_info(argc, argv);
  if (std::strcmp(command, "run") == 0) return cmd_run(argc, argv);
  if (std::strcmp(command, "quantize") == 0) return cmd_quantize(argc, argv);
  if (std::strcmp(command, "eval") == 0) return cmd_eval(argc, argv);
  if (std::strcmp(command, "ops") == 0) return cmd_ops(argc, argv);
  if (std::strcmp(command, "m7") == 0) return cmd_m7_shell(argc, argv);
  if (std::strcmp(command, "study") == 0) return cmd_study(argc, argv);
  if (std::strcmp(command, "bench-m7") == 0) return cmd_bench_m7(argc, argv);
  if (std::strcmp(command, "help") == 0 || std::strcmp(command, "--help") == 0 || std::strcmp(command, "-h") == 0) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (std::strcmp(command, "--version") == 0 || std::strcmp(command, "version") == 0) {
    std::printf("tinyinfer %s\n", kVersion);
    return 0;
  }
  std::fprintf(stderr, "tinyinfer: unknown command '%s'\n\n%s", command, kUsage);
  return 2;
}
