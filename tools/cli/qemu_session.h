// The one way the CLI runs firmware on the emulated Cortex-M7 (QEMU
// mps2-an500): the command line, $TINYINFER_QEMU, and two ways to run it on
// top of Subprocess: an interactive session on the UART (`tinyinfer m7`,
// `tinyinfer study`, tests/firmware) and a run to completion (`bench-m7`).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "subprocess.h"

namespace tinyinfer::cli::m7 {

// QEMU options that make the counts meaningful: -icount shift=0 (1
// instruction = 1 ns of virtual time, so the firmware's SysTick counter
// reads instructions), -semihosting (the firmware can end QEMU), UART0 on
// stdio without the monitor multiplexer (binary input passes untouched).
struct QemuOptions {
  std::string qemu = "qemu-system-arm";  // overridden by $TINYINFER_QEMU
  std::string machine = "mps2-an500";
  double boot_timeout_s = 30.0;         // until the first prompt
  double command_timeout_s = 120.0;     // per command (an inference is seconds)
  std::vector<std::string> extra_args;  // appended: e.g. -device loader,...
  // The UARTs: by default UART0 (the shell) on stdio. The host link puts
  // UART0 on null and UART1 on a socket (tools/link).
  std::vector<std::string> serial = {"-serial", "stdio"};
};

// `options` with $TINYINFER_QEMU (when set) as the QEMU binary.
QemuOptions with_environment(QemuOptions options);

// The command line run for `elf` (also printed in errors and reports).
std::vector<std::string> qemu_command(const std::string& elf, const QemuOptions& options);

// QEMU's generic loader as -device values: a 32-bit word, or a whole file
// (raw) at a guest address; commas in the path are escaped for QEMU.
std::string loader_word(uint32_t address, uint32_t value);
std::string loader_file(const std::string& path, uint32_t address);

// Runs QEMU on `elf` with stdin on /dev/null until it exits (the firmware
// ends it through semihosting) or timeout_s passes (then it is killed).
// '\r' is dropped from the output. False when QEMU could not start.
bool run_qemu(const std::string& elf, const QemuOptions& options, double timeout_s, ProcessResult* result,
              std::string* error);

// One running QEMU with its UART on pipes. Not copyable; the destructor
// kills QEMU if still running.
class QemuSession {
 public:
  QemuSession() = default;
  QemuSession(const QemuSession&) = delete;
  QemuSession& operator=(const QemuSession&) = delete;
  ~QemuSession() { stop(); }

  // Spawns QEMU and reads the boot banner up to the first prompt.
  bool start(const std::string& elf, const QemuOptions& options, std::string* error);
  const std::string& banner() const { return banner_; }

  // Sends `bytes` as they are (no line ending added) and returns everything
  // the firmware printed up to and without the next prompt. '\r' is dropped.
  bool command(const std::string& bytes, std::string* reply, std::string* error);
  // Sends bytes without waiting for anything.
  bool send(const std::string& bytes, std::string* error);
  // Reads up to the next prompt (or until timeout_s).
  bool read_until_prompt(double timeout_s, std::string* text, std::string* error);

  // Kills QEMU (if running) and reaps it. Returns its exit status, -1 if killed.
  int stop() { return process_.kill(); }
  bool running() const { return process_.running(); }
  // Everything QEMU wrote to stderr so far (errors of QEMU itself).
  const std::string& qemu_stderr() { return process_.err(); }

 private:
  bool pump(int timeout_ms, std::string* error);  // moves available UART output into pending_

  Subprocess process_;
  std::string pending_;  // UART text not yet returned
  std::string banner_;
  QemuOptions options_;
};

}  // namespace tinyinfer::cli::m7
