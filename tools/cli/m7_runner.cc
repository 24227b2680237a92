#include "m7_runner.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace tinyinfer::cli::m7 {
namespace {

using Clock = std::chrono::steady_clock;

// The shell's prompt after every reply (firmware/app/main.cc).
constexpr const char kPrompt[] = "\n> ";

void close_fd(int* fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

std::string errno_text(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

Clock::time_point deadline_after(double seconds) {
  return Clock::now() + std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000.0));
}

// ---- parsing helpers -------------------------------------------------------

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

bool starts_with(const std::string& text, const char* prefix) {
  return text.compare(0, std::strlen(prefix), prefix) == 0;
}

// Strict unsigned decimal: digits only, fits in uint64.
bool parse_u64(const std::string& text, uint64_t* out) {
  if (text.empty() || text.size() > 20) return false;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return false;
    value = value * 10 + digit;
  }
  *out = value;
  return true;
}

bool parse_i64(const std::string& text, int64_t* out) {
  uint64_t v = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (!parse_u64(negative ? text.substr(1) : text, &v) || v > static_cast<uint64_t>(INT64_MAX)) return false;
  *out = negative ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
  return true;
}

bool parse_double(const std::string& text, double* out) {
  if (text.empty()) return false;
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE) return false;
  *out = v;
  return true;
}

// "NAME: value" -> value, when the line starts with "NAME: ".
bool field_value(const std::string& line, const char* name, std::string* value) {
  const std::string prefix = std::string(name) + ": ";
  if (!starts_with(line, prefix.c_str())) return false;
  *value = line.substr(prefix.size());
  return true;
}

// A layer line: an upper-case op name, ": ", a count and the unit, with an
// optional " (x.xxx ms)" on boards whose counter measures time.
bool parse_layer_line(const std::string& line, LayerRecord* layer, std::string* unit) {
  const std::size_t colon = line.find(": ");
  if (colon == std::string::npos || colon == 0) return false;
  const std::string name = line.substr(0, colon);
  if (!(name[0] >= 'A' && name[0] <= 'Z')) return false;
  for (char c : name)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  std::string rest = line.substr(colon + 2);
  const std::size_t paren = rest.find(" (");
  if (paren != std::string::npos) rest = rest.substr(0, paren);
  const std::size_t space = rest.find(' ');
  if (space == std::string::npos) return false;
  uint64_t count = 0;
  if (!parse_u64(rest.substr(0, space), &count)) return false;
  layer->op = name;
  layer->count = count;
  *unit = rest.substr(space + 1);
  return !unit->empty() && unit->find(' ') == std::string::npos;
}

// "Arena: N of M bytes used"
bool parse_arena(const std::string& value, int64_t* used, int64_t* size) {
  std::istringstream in(value);
  std::string used_text, of, size_text, bytes, used_word;
  if (!(in >> used_text >> of >> size_text >> bytes >> used_word)) return false;
  return of == "of" && bytes == "bytes" && used_word == "used" && parse_i64(used_text, used) &&
         parse_i64(size_text, size);
}

}  // namespace

std::string dims_text(const std::vector<int64_t>& dims) {
  std::string text;
  for (std::size_t i = 0; i < dims.size(); ++i) {
    if (i > 0) text += "x";
    text += std::to_string(dims[i]);
  }
  return text;
}

std::vector<std::string> qemu_command(const std::string& elf, const QemuOptions& options) {
  return {options.qemu, "-M",           options.machine, "-nographic", "-monitor", "none", "-serial",
          "stdio",      "-semihosting", "-icount",       "shift=0",    "-kernel",  elf};
}

// ---- QemuSession -------------------------------------------------------------

QemuSession::~QemuSession() { stop(); }

bool QemuSession::start(const std::string& elf, const QemuOptions& options_in, std::string* error) {
  stop();
  options_ = options_in;
  if (const char* qemu = std::getenv("TINYINFER_QEMU"); qemu != nullptr && *qemu != '\0') options_.qemu = qemu;
  if (access(elf.c_str(), R_OK) != 0) {
    *error = errno_text(elf.c_str());
    return false;
  }
  // A write to a QEMU that died must be an error, not a fatal signal.
  signal(SIGPIPE, SIG_IGN);

  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0) return *error = errno_text("pipe"), false;
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    close(in_pipe[0]), close(in_pipe[1]);
    return *error = errno_text("pipe"), false;
  }
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(in_pipe[0]), close(in_pipe[1]), close(out_pipe[0]), close(out_pipe[1]);
    return *error = errno_text("pipe"), false;
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);

  const std::vector<std::string> command = qemu_command(elf, options_);
  std::vector<char*> argv;
  for (const std::string& arg : command) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);

  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in_pipe[0]), close(out_pipe[1]), close(err_pipe[1]);
  if (rc != 0) {
    close(in_pipe[1]), close(out_pipe[0]), close(err_pipe[0]);
    *error = "cannot start " + options_.qemu + ": " + std::strerror(rc) +
             " (install qemu-system-arm: tools/install_deps.sh)";
    return false;
  }
  pid_ = pid;
  stdin_fd_ = in_pipe[1];
  stdout_fd_ = out_pipe[0];
  stderr_fd_ = err_pipe[0];
  fcntl(stdin_fd_, F_SETFL, fcntl(stdin_fd_, F_GETFL) | O_NONBLOCK);
  stdout_eof_ = false;
  pending_.clear();
  stderr_text_.clear();
  banner_.clear();

  if (!read_until_prompt(options_.boot_timeout_s, &banner_, error)) {
    *error = "boot: " + *error;
    return false;
  }
  return true;
}

bool QemuSession::pump(int timeout_ms, std::string* error) {
  pollfd fds[2];
  int n = 0;
  if (stdout_fd_ >= 0) fds[n++] = {stdout_fd_, POLLIN, 0};
  if (stderr_fd_ >= 0) fds[n++] = {stderr_fd_, POLLIN, 0};
  if (n == 0) return true;
  const int ready = poll(fds, n, timeout_ms);
  if (ready < 0) {
    if (errno == EINTR) return true;
    *error = errno_text("poll");
    return false;
  }
  for (int i = 0; i < n; ++i) {
    if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
    char buffer[4096];
    const ssize_t got = read(fds[i].fd, buffer, sizeof(buffer));
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    const bool is_stdout = fds[i].fd == stdout_fd_;
    if (got <= 0) {
      if (is_stdout) {
        close_fd(&stdout_fd_);
        stdout_eof_ = true;
      } else {
        close_fd(&stderr_fd_);
      }
      continue;
    }
    if (is_stdout) {
      for (ssize_t k = 0; k < got; ++k)
        if (buffer[k] != '\r') pending_.push_back(buffer[k]);
    } else {
      stderr_text_.append(buffer, static_cast<std::size_t>(got));
    }
  }
  return true;
}

bool QemuSession::read_until_prompt(double timeout_s, std::string* text, std::string* error) {
  const Clock::time_point deadline = deadline_after(timeout_s);
  for (;;) {
    // The prompt is "> " after a newline, or at the very start when a reply
    // was empty.
    std::size_t at = pending_.find(kPrompt);
    if (at != std::string::npos) {
      *text = pending_.substr(0, at + 1);
      pending_.erase(0, at + std::strlen(kPrompt));
      return true;
    }
    if (starts_with(pending_, "> ")) {
      text->clear();
      pending_.erase(0, 2);
      return true;
    }
    if (stdout_eof_) {
      const int status = stop();
      *error = "QEMU ended (status " + std::to_string(status) + ") before the prompt; output: [" + pending_ + "]" +
               (stderr_text_.empty() ? "" : " stderr: " + stderr_text_);
      return false;
    }
    const int left = remaining_ms(deadline);
    if (left == 0) {
      stop();
      *error = "timeout after " + std::to_string(timeout_s) + " s waiting for the prompt; output so far: [" + pending_ +
               "]" + (stderr_text_.empty() ? "" : " stderr: " + stderr_text_);
      return false;
    }
    if (!pump(left, error)) return false;
  }
}

bool QemuSession::send(const std::string& bytes, std::string* error) {
  if (stdin_fd_ < 0) {
    *error = "QEMU is not running";
    return false;
  }
  const Clock::time_point deadline = deadline_after(options_.command_timeout_s);
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = write(stdin_fd_, bytes.data() + sent, bytes.size() - sent);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno != EAGAIN && errno != EINTR) {
      *error = errno_text("write to QEMU");
      return false;
    }
    // Pipe full: keep reading QEMU's output meanwhile so neither side blocks.
    if (remaining_ms(deadline) == 0) {
      stop();
      *error = "timeout writing to QEMU";
      return false;
    }
    pollfd out = {stdin_fd_, POLLOUT, 0};
    poll(&out, 1, 10);
    if (!pump(0, error)) return false;
  }
  return true;
}

bool QemuSession::command(const std::string& bytes, std::string* reply, std::string* error) {
  return send(bytes, error) && read_until_prompt(options_.command_timeout_s, reply, error);
}

int QemuSession::stop() {
  int status = -1;
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int wstatus = 0;
    while (waitpid(pid_, &wstatus, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(wstatus)) status = WEXITSTATUS(wstatus);
    pid_ = -1;
  }
  close_fd(&stdin_fd_);
  close_fd(&stdout_fd_);
  close_fd(&stderr_fd_);
  return status;
}

// ---- parsers -------------------------------------------------------------------

bool parse_banner(const std::string& text, BannerInfo* info, std::string* error) {
  *info = BannerInfo();
  bool saw_board = false;
  for (const std::string& line : split_lines(text)) {
    std::string value;
    if (field_value(line, "Board", &value)) {
      info->board = value;
      saw_board = true;
    } else if (field_value(line, "Model", &value)) {
      // "uncompressed (mnist_uncompressed.tflite, 375740 bytes)"
      const std::size_t open = value.find(" (");
      info->model = value.substr(0, open);
      if (open != std::string::npos) {
        const std::size_t comma = value.find(", ", open);
        if (comma != std::string::npos) {
          info->model_file = value.substr(open + 2, comma - open - 2);
          const std::size_t space = value.find(' ', comma + 2);
          if (space != std::string::npos) parse_i64(value.substr(comma + 2, space - comma - 2), &info->model_bytes);
        }
      }
    } else if (field_value(line, "Kernels", &value)) {
      info->kernels = value;
    } else if (field_value(line, "Counter", &value)) {
      info->counter_unit = value;
    } else if (field_value(line, "Arena", &value)) {
      parse_arena(value, &info->arena_used, &info->arena_size);
    } else if (starts_with(line, "error: ")) {
      info->error = line;
    }
  }
  if (!saw_board) {
    *error = "no 'Board:' line in the boot banner: [" + text + "]";
    return false;
  }
  return true;
}

bool parse_model_details(const std::string& text, ModelDetails* details, std::string* error) {
  *details = ModelDetails();
  TensorDetails* current = nullptr;
  bool saw_input = false, saw_output = false;
  for (const std::string& line : split_lines(text)) {
    std::string value;
    if (starts_with(line, "error: ")) {
      *error = line;
      return false;
    }
    if (line == "Model input:") {
      current = &details->input;
      saw_input = true;
    } else if (line == "Model output:") {
      current = &details->output;
      saw_output = true;
    } else if (current != nullptr && starts_with(line, "dims->data[")) {
      const std::size_t colon = line.find("]: ");
      int64_t dim = 0;
      if (colon == std::string::npos || !parse_i64(line.substr(colon + 3), &dim)) {
        *error = "bad dims line: " + line;
        return false;
      }
      current->dims.push_back(dim);
    } else if (current != nullptr &&
               (field_value(line, "input->type", &value) || field_value(line, "output->type", &value))) {
      current->type = value;
    } else if (field_value(line, "Model", &value)) {
      // "uncompressed (file, N bytes), 8 ops, kernels: reference"
      const std::size_t ops = value.find(" ops, kernels: ");
      if (ops != std::string::npos) {
        const std::size_t start = value.rfind(", ", ops);
        if (start != std::string::npos) parse_i64(value.substr(start + 2, ops - start - 2), &details->op_count);
        details->kernels = value.substr(ops + std::strlen(" ops, kernels: "));
      }
    } else if (field_value(line, "Arena", &value)) {
      parse_arena(value, &details->arena_used, &details->arena_size);
    } else if (field_value(line, "Counter", &value)) {
      details->counter_unit = value;
    }
  }
  if (!saw_input || !saw_output || details->input.type.empty() || details->output.type.empty()) {
    *error = "incomplete model details: [" + text + "]";
    return false;
  }
  return true;
}

bool parse_inference(const std::string& text, InferenceResult* result, std::string* error) {
  *result = InferenceResult();
  bool running = false, done = false;
  for (const std::string& line : split_lines(text)) {
    std::string value;
    if (starts_with(line, "error: ")) {
      *error = line;
      return false;
    }
    if (line == "Running inference...") {
      running = true;
      continue;
    }
    if (!running) continue;
    if (starts_with(line, "Done in ")) {
      std::string rest = line.substr(std::strlen("Done in "));
      const std::size_t paren = rest.find(" (");
      if (paren != std::string::npos) rest = rest.substr(0, paren);
      const std::size_t space = rest.find(' ');
      if (space == std::string::npos || !parse_u64(rest.substr(0, space), &result->total)) {
        *error = "bad total line: " + line;
        return false;
      }
      const std::string unit = rest.substr(space + 1);
      if (!result->unit.empty() && unit != result->unit) {
        *error = "total in " + unit + " but layers in " + result->unit;
        return false;
      }
      result->unit = unit;
      done = true;
    } else if (starts_with(line, "Out[")) {
      const std::size_t close = line.find("]: ");
      int64_t index = -1;
      double v = 0;
      if (close == std::string::npos || !parse_i64(line.substr(4, close - 4), &index) ||
          index != static_cast<int64_t>(result->outputs.size()) || !parse_double(line.substr(close + 3), &v)) {
        *error = "bad output line: " + line;
        return false;
      }
      result->outputs.push_back(v);
    } else if (field_value(line, "Predicted", &value)) {
      int64_t predicted = -1;
      if (!parse_i64(value, &predicted)) {
        *error = "bad prediction line: " + line;
        return false;
      }
      result->predicted = static_cast<int>(predicted);
    } else if (!done) {
      LayerRecord layer;
      std::string unit;
      if (!parse_layer_line(line, &layer, &unit)) {
        *error = "unexpected line in the per-layer list: " + line;
        return false;
      }
      if (!result->unit.empty() && unit != result->unit) {
        *error = "layers in different units: " + line;
        return false;
      }
      result->unit = unit;
      result->layers.push_back(layer);
    }
  }
  if (!running || !done || result->predicted < 0) {
    *error = "incomplete inference report: [" + text + "]";
    return false;
  }
  return true;
}

}  // namespace tinyinfer::cli::m7
