#include "qemu_session.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <unistd.h>

namespace tinyinfer::cli::m7 {
namespace {

using Clock = std::chrono::steady_clock;

// The shell's prompt after every reply (firmware/app/main.cc).
constexpr const char kPrompt[] = "\n> ";

void drop_cr(std::string* text) {
  std::size_t kept = 0;
  for (char c : *text)
    if (c != '\r') (*text)[kept++] = c;
  text->resize(kept);
}

// The command line for `elf`, once the firmware is known to be readable.
bool prepare(const std::string& elf, const QemuOptions& options, std::vector<std::string>* command,
             std::string* error) {
  if (access(elf.c_str(), R_OK) != 0) {
    *error = elf + ": " + std::strerror(errno);
    return false;
  }
  *command = qemu_command(elf, with_environment(options));
  return true;
}

std::string start_failure(const std::string& error) {
  return error + " (install qemu-system-arm: tools/install_deps.sh, or set TINYINFER_QEMU)";
}

std::string hex32(uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08x", value);
  return text;
}

// QEMU's option syntax: a comma inside a value is written twice.
std::string qemu_option_value(const std::string& text) {
  std::string escaped;
  for (char c : text) escaped += c == ',' ? std::string(",,") : std::string(1, c);
  return escaped;
}

}  // namespace

std::string loader_word(uint32_t address, uint32_t value) {
  return "loader,addr=" + hex32(address) + ",data=" + hex32(value) + ",data-len=4";
}

std::string loader_file(const std::string& path, uint32_t address) {
  return "loader,file=" + qemu_option_value(path) + ",addr=" + hex32(address) + ",force-raw=on";
}

QemuOptions with_environment(QemuOptions options) {
  if (const char* qemu = std::getenv("TINYINFER_QEMU"); qemu != nullptr && *qemu != '\0') options.qemu = qemu;
  return options;
}

std::vector<std::string> qemu_command(const std::string& elf, const QemuOptions& options) {
  std::vector<std::string> command = {options.qemu, "-M", options.machine, "-nographic", "-monitor", "none"};
  command.insert(command.end(), options.serial.begin(), options.serial.end());
  for (const char* arg : {"-semihosting", "-icount", "shift=0", "-kernel"}) command.emplace_back(arg);
  command.push_back(elf);
  command.insert(command.end(), options.extra_args.begin(), options.extra_args.end());
  return command;
}

bool run_qemu(const std::string& elf, const QemuOptions& options, double timeout_s, ProcessResult* result,
              std::string* error) {
  std::vector<std::string> command;
  if (!prepare(elf, options, &command, error)) return false;
  if (!run_process(command, timeout_s, result, error)) return *error = start_failure(*error), false;
  drop_cr(&result->out);
  drop_cr(&result->err);
  return true;
}

// ---- QemuSession -------------------------------------------------------------

bool QemuSession::start(const std::string& elf, const QemuOptions& options, std::string* error) {
  stop();
  options_ = options;
  pending_.clear();
  banner_.clear();
  std::vector<std::string> command;
  if (!prepare(elf, options_, &command, error)) return false;
  SpawnOptions stdio;
  stdio.in = Stdio::kPipe;
  if (!process_.start(command, stdio, error)) return *error = start_failure(*error), false;
  if (!read_until_prompt(options_.boot_timeout_s, &banner_, error)) {
    *error = "boot: " + *error;
    return false;
  }
  return true;
}

bool QemuSession::pump(int timeout_ms, std::string* error) {
  if (!process_.read_output(timeout_ms, error)) return false;
  drop_cr(&process_.out());
  pending_ += process_.out();
  process_.out().clear();
  return true;
}

bool QemuSession::read_until_prompt(double timeout_s, std::string* text, std::string* error) {
  const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(seconds_to_ms(timeout_s));
  for (;;) {
    // The prompt is "> " after a newline, or at the very start when a reply
    // was empty.
    const std::size_t at = pending_.find(kPrompt);
    if (at != std::string::npos) {
      *text = pending_.substr(0, at + 1);
      pending_.erase(0, at + std::strlen(kPrompt));
      return true;
    }
    if (pending_.compare(0, 2, "> ") == 0) {
      text->clear();
      pending_.erase(0, 2);
      return true;
    }
    const std::string& qemu_err = process_.err();
    if (!process_.stdout_open()) {
      const int status = stop();
      *error = "QEMU ended (status " + std::to_string(status) + ") before the prompt; output: [" + pending_ + "]" +
               (qemu_err.empty() ? "" : " stderr: " + qemu_err);
      return false;
    }
    const int left = remaining_ms(deadline);
    if (left == 0) {
      stop();
      *error = "timeout after " + std::to_string(timeout_s) + " s waiting for the prompt; output so far: [" + pending_ +
               "]" + (qemu_err.empty() ? "" : " stderr: " + qemu_err);
      return false;
    }
    if (!pump(left, error)) return false;
  }
}

bool QemuSession::send(const std::string& bytes, std::string* error) {
  if (!process_.running()) {
    *error = "QEMU is not running";
    return false;
  }
  if (!process_.write_all(bytes, seconds_to_ms(options_.command_timeout_s), error)) {
    stop();
    *error = "write to QEMU: " + *error;
    return false;
  }
  return true;
}

bool QemuSession::command(const std::string& bytes, std::string* reply, std::string* error) {
  return send(bytes, error) && read_until_prompt(options_.command_timeout_s, reply, error);
}

}  // namespace tinyinfer::cli::m7
