// The one way tools/cli starts other programs (QEMU, arm-none-eabi-size):
// posix_spawnp with an argv vector (no shell, so no quoting problems), stdin
// and the outputs as pipes or /dev/null, reads with poll and timeouts, and
// SIGKILL + reap on the way out. Host-only; tests link it alone.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <sys/types.h>

namespace tinyinfer::cli {

// Timeout arithmetic shared by the process and QEMU layers: milliseconds left
// until `deadline` (0 once past), seconds as poll() milliseconds (clamped).
int remaining_ms(std::chrono::steady_clock::time_point deadline);
int seconds_to_ms(double seconds);

// Where a child's stdin, stdout or stderr goes.
enum class Stdio { kPipe, kNull, kInherit };

struct SpawnOptions {
  Stdio in = Stdio::kNull;
  Stdio out = Stdio::kPipe;
  Stdio err = Stdio::kPipe;
};

// One child process. Not copyable; the destructor kills and reaps it.
class Subprocess {
 public:
  Subprocess() = default;
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;
  ~Subprocess();

  // Spawns argv[0] (searched on PATH) with argv. On failure *error names the
  // program and the reason ("No such file or directory").
  bool start(const std::vector<std::string>& argv, const SpawnOptions& options, std::string* error);
  bool running() const { return pid_ > 0; }
  // The child's process id while running (e.g. to send it SIGTERM), else -1.
  pid_t pid() const { return pid_; }

  // Waits up to timeout_ms for output on the piped stdout/stderr, then
  // appends what is there to out() / err(). A closed pipe is end of file.
  bool read_output(int timeout_ms, std::string* error);
  bool stdout_open() const { return out_fd_ >= 0; }
  bool output_open() const { return out_fd_ >= 0 || err_fd_ >= 0; }
  // Reads until both output pipes are closed; false (with *error) after
  // timeout_ms or on a read error. The child keeps running either way.
  bool read_to_end(int timeout_ms, std::string* error);

  // Writes all of `bytes` to the piped stdin. While the pipe is full it keeps
  // reading the outputs, so neither side blocks; gives up after timeout_ms.
  bool write_all(const std::string& bytes, int timeout_ms, std::string* error);
  void close_stdin();

  // Waits up to timeout_ms for the child to exit and reaps it; false if it
  // is still running (or was never started).
  bool wait(int timeout_ms);
  // SIGKILL (if still running), reap, close the pipes. Returns exit_code().
  int kill();

  // Captured output; callers may consume (erase) what they have used.
  std::string& out() { return out_; }
  std::string& err() { return err_; }
  // After the child was reaped: its exit code, or -1 when a signal ended it
  // (term_signal() says which) or it was never started.
  int exit_code() const { return exit_code_; }
  int term_signal() const { return term_signal_; }

 private:
  void reaped(int wstatus);

  pid_t pid_ = -1;
  int in_fd_ = -1, out_fd_ = -1, err_fd_ = -1;
  std::string out_, err_;
  int exit_code_ = -1, term_signal_ = 0;
};

// A finished run of a program: everything it printed and how it ended.
struct ProcessResult {
  std::string out, err;
  int exit_code = -1;  // -1: killed (timed_out) or ended by a signal
  int term_signal = 0;
  bool timed_out = false;
};

// Runs argv with stdin on /dev/null to completion, capturing stdout and
// stderr; kills it after timeout_s. False only when it could not start.
bool run_process(const std::vector<std::string>& argv, double timeout_s, ProcessResult* result, std::string* error);

}  // namespace tinyinfer::cli
