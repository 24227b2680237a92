// Drives the benchmark firmware in QEMU (mps2-an500, Cortex-M7): spawns
// qemu-system-arm with the UART on pipes, sends keys, reads until the shell's
// prompt with a timeout (killing QEMU when it expires), and parses the
// shell's replies (firmware/app/benchmark.cc prints them) into records.
//
// Host-only and independent of the rest of the CLI, so tests can link it
// alone (tests/firmware).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <sys/types.h>

namespace tinyinfer::cli::m7 {

// QEMU options that make the counts meaningful: -icount shift=0 (1
// instruction = 1 ns of virtual time, so the firmware's SysTick counter
// reads instructions), -semihosting (the firmware can end QEMU), UART0 on
// stdio without the monitor multiplexer (binary input passes untouched).
struct QemuOptions {
  std::string qemu = "qemu-system-arm";  // overridden by $TINYINFER_QEMU
  std::string machine = "mps2-an500";
  double boot_timeout_s = 30.0;      // until the first prompt
  double command_timeout_s = 120.0;  // per command (an inference is seconds)
};

// The command line run for `elf` (also printed in errors and reports).
std::vector<std::string> qemu_command(const std::string& elf, const QemuOptions& options);

// One running QEMU. Not copyable; the destructor kills QEMU if still running.
class QemuSession {
 public:
  QemuSession() = default;
  QemuSession(const QemuSession&) = delete;
  QemuSession& operator=(const QemuSession&) = delete;
  ~QemuSession();

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
  int stop();
  bool running() const { return pid_ > 0; }
  // Everything QEMU wrote to stderr so far (errors of QEMU itself).
  const std::string& qemu_stderr() const { return stderr_text_; }

 private:
  bool pump(int timeout_ms, std::string* error);  // moves available output into buffers

  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  int stderr_fd_ = -1;
  bool stdout_eof_ = false;
  std::string pending_;  // UART text not yet returned
  std::string stderr_text_;
  std::string banner_;
  QemuOptions options_;
};

// ---- the shell's replies ---------------------------------------------------

struct BannerInfo {
  std::string board;       // "qemu-mps2-an500"
  std::string model;       // "uncompressed"
  std::string model_file;  // "mnist_uncompressed.tflite"
  int64_t model_bytes = 0;
  std::string kernels;       // "reference"
  std::string counter_unit;  // "instructions"
  int64_t arena_used = 0, arena_size = 0;
  std::string error;  // "error: model not ready: ..." if the firmware said so
};

struct TensorDetails {
  std::vector<int64_t> dims;
  std::string type;  // "float32", "int8", ...
};

struct ModelDetails {  // key '1'
  TensorDetails input, output;
  int64_t op_count = 0;
  std::string kernels;
  int64_t arena_used = 0, arena_size = 0;
  std::string counter_unit;
};

struct LayerRecord {
  std::string op;  // "DEPTHWISE_CONV_2D"
  uint64_t count = 0;
};

struct InferenceResult {  // key '2'
  std::vector<LayerRecord> layers;
  uint64_t total = 0;  // "Done in N unit"
  std::string unit;    // "instructions" (QEMU), "cycles" (silicon)
  std::vector<double> outputs;
  int predicted = -1;
};

bool parse_banner(const std::string& text, BannerInfo* info, std::string* error);
bool parse_model_details(const std::string& text, ModelDetails* details, std::string* error);
bool parse_inference(const std::string& text, InferenceResult* result, std::string* error);

// "1x28x28x1"
std::string dims_text(const std::vector<int64_t>& dims);

}  // namespace tinyinfer::cli::m7
