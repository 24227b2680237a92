// `tinyinfer m7 FIRMWARE.elf ...`: boot one firmware in QEMU and drive its shell.
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "cli_app.h"
#include "cli_options.h"
#include "commands.h"
#include "m7_firmware_run.h"

namespace tinyinfer::cli {

int cmd_m7_shell(int argc, char** argv) {
  CLI::App app{
      "Boots the firmware in QEMU (mps2-an500, Cortex-M7, -icount shift=0), sends each key of\n"
      "KEYS to its shell, waits for the prompt after each, and prints the parsed replies:\n"
      "1 = model details, 2 = per-layer counts of an inference on the built-in 8.\n"
      "Counts are QEMU instructions (not cycles).\n"
      "QEMU binary: qemu-system-arm on PATH, or $TINYINFER_QEMU.",
      "tinyinfer m7"};
  std::string firmware, keys = "12";
  int64_t timeout_s = 120;
  bool json = false;
  app.add_option("FIRMWARE.elf", firmware, "the shell firmware to boot")->required();
  app.add_option("--keys", keys, "keys to send, one command each")->capture_default_str();
  add_switch(app, "--json", &json, "machine-readable output");
  app.add_option("--timeout", timeout_s, "seconds allowed per command; QEMU is killed after it")
      ->check(integer_in_range(1, 86400))
      ->capture_default_str();
  if (int code = parse_command_line(app, argc, argv); code >= 0) return code;
  if (keys.empty() || keys.size() > 256) {
    std::fprintf(stderr, "tinyinfer m7: --keys needs 1..256 keys\n");
    return 2;
  }

  m7::FirmwareRun run;
  std::string error;
  if (!m7::run_firmware(firmware, keys, static_cast<double>(timeout_s), &run, &error)) {
    std::fprintf(stderr, "tinyinfer m7: %s\n", error.c_str());
    return 1;
  }
  if (json) {
    Json out = Json::object();
    m7::add_run_json(run, &out);
    print_json(out);
  } else {
    m7::print_run_text(run);
  }
  return 0;
}

}  // namespace tinyinfer::cli
