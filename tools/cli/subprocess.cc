#include "subprocess.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace tinyinfer::cli {
namespace {

using Clock = std::chrono::steady_clock;

void close_fd(int* fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

std::string errno_text(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

Clock::time_point deadline_after_ms(int ms) { return Clock::now() + std::chrono::milliseconds(ms < 0 ? 0 : ms); }

// The child's end of one stream: a pipe (parent keeps the other end), /dev/null or ours.
bool plan_stream(Stdio how, int child_fd, posix_spawn_file_actions_t* actions, int* parent_end, int* child_end,
                 std::string* error) {
  if (how == Stdio::kNull) {
    posix_spawn_file_actions_addopen(actions, child_fd, "/dev/null", child_fd == 0 ? O_RDONLY : O_WRONLY, 0);
  } else if (how == Stdio::kPipe) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return *error = errno_text("pipe"), false;
    const bool child_reads = child_fd == 0;
    *child_end = child_reads ? fds[0] : fds[1];
    *parent_end = child_reads ? fds[1] : fds[0];
    posix_spawn_file_actions_adddup2(actions, *child_end, child_fd);
  }
  return true;
}

}  // namespace

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

int seconds_to_ms(double seconds) {
  const double ms = seconds * 1000.0;
  return ms <= 0 ? 0 : ms >= 2e9 ? 2000000000 : static_cast<int>(ms);
}

Subprocess::~Subprocess() { kill(); }

bool Subprocess::start(const std::vector<std::string>& argv, const SpawnOptions& options, std::string* error) {
  kill();
  out_.clear(), err_.clear();
  exit_code_ = -1, term_signal_ = 0;
  if (argv.empty()) return *error = "no program to run", false;

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  int parent[3] = {-1, -1, -1}, child[3] = {-1, -1, -1};
  const Stdio how[3] = {options.in, options.out, options.err};
  bool ok = true;
  for (int fd = 0; fd < 3 && ok; ++fd) ok = plan_stream(how[fd], fd, &actions, &parent[fd], &child[fd], error);

  // A write to a child that died must be an error, not a fatal signal; the
  // child itself gets the default back.
  if (ok && options.in == Stdio::kPipe) std::signal(SIGPIPE, SIG_IGN);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);

  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = ok ? posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ) : 0;
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  for (int& fd : child) close_fd(&fd);
  if (!ok || rc != 0) {
    for (int& fd : parent) close_fd(&fd);
    if (ok) *error = "cannot start " + argv[0] + ": " + std::strerror(rc);
    return false;
  }
  pid_ = pid;
  in_fd_ = parent[0], out_fd_ = parent[1], err_fd_ = parent[2];
  if (in_fd_ >= 0) fcntl(in_fd_, F_SETFL, fcntl(in_fd_, F_GETFL) | O_NONBLOCK);
  return true;
}

bool Subprocess::read_output(int timeout_ms, std::string* error) {
  pollfd fds[2];
  int n = 0;
  if (out_fd_ >= 0) fds[n++] = {out_fd_, POLLIN, 0};
  if (err_fd_ >= 0) fds[n++] = {err_fd_, POLLIN, 0};
  if (n == 0) return true;
  const int ready = poll(fds, static_cast<nfds_t>(n), timeout_ms);
  if (ready < 0) {
    if (errno == EINTR) return true;
    *error = errno_text("poll");
    return false;
  }
  for (int i = 0; i < n; ++i) {
    if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
    const bool is_out = fds[i].fd == out_fd_;
    char buffer[16384];
    const ssize_t got = read(fds[i].fd, buffer, sizeof(buffer));
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (got <= 0) {
      close_fd(is_out ? &out_fd_ : &err_fd_);
      continue;
    }
    (is_out ? out_ : err_).append(buffer, static_cast<std::size_t>(got));
  }
  return true;
}

bool Subprocess::read_to_end(int timeout_ms, std::string* error) {
  const Clock::time_point deadline = deadline_after_ms(timeout_ms);
  while (output_open()) {
    const int left = remaining_ms(deadline);
    if (left == 0) return *error = "timeout after " + std::to_string(timeout_ms) + " ms reading output", false;
    if (!read_output(left, error)) return false;
  }
  return true;
}

bool Subprocess::write_all(const std::string& bytes, int timeout_ms, std::string* error) {
  if (in_fd_ < 0) return *error = "the process's stdin is not open", false;
  const Clock::time_point deadline = deadline_after_ms(timeout_ms);
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = write(in_fd_, bytes.data() + sent, bytes.size() - sent);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno != EAGAIN && errno != EINTR) return *error = errno_text("write"), false;
    if (remaining_ms(deadline) == 0) return *error = "timeout writing to the process", false;
    pollfd writable = {in_fd_, POLLOUT, 0};
    poll(&writable, 1, 10);
    if (!read_output(0, error)) return false;
  }
  return true;
}

void Subprocess::close_stdin() { close_fd(&in_fd_); }

void Subprocess::reaped(int wstatus) {
  exit_code_ = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
  term_signal_ = WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0;
  pid_ = -1;
}

bool Subprocess::wait(int timeout_ms) {
  const Clock::time_point deadline = deadline_after_ms(timeout_ms);
  while (pid_ > 0) {
    int wstatus = 0;
    const pid_t done = waitpid(pid_, &wstatus, WNOHANG);
    if (done == pid_) {
      reaped(wstatus);
      break;
    }
    if (done < 0 && errno != EINTR) {  // not our child any more: nothing to wait for
      pid_ = -1;
      break;
    }
    const int left = remaining_ms(deadline);
    if (left == 0) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(left < 5 ? left : 5));
  }
  return pid_ < 0;
}

int Subprocess::kill() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int wstatus = 0;
    pid_t done;
    while ((done = waitpid(pid_, &wstatus, 0)) < 0 && errno == EINTR) {
    }
    if (done == pid_) reaped(wstatus);
    pid_ = -1;
  }
  close_fd(&in_fd_);
  close_fd(&out_fd_);
  close_fd(&err_fd_);
  return exit_code_;
}

bool run_process(const std::vector<std::string>& argv, double timeout_s, ProcessResult* result, std::string* error) {
  *result = ProcessResult();
  Subprocess process;
  if (!process.start(argv, SpawnOptions(), error)) return false;
  const Clock::time_point deadline = deadline_after_ms(seconds_to_ms(timeout_s));
  std::string read_error;
  // Output closed is not yet exit: wait for that too, within the same time.
  result->timed_out =
      !process.read_to_end(remaining_ms(deadline), &read_error) || !process.wait(remaining_ms(deadline));
  process.kill();
  result->out = std::move(process.out());
  result->err = std::move(process.err());
  result->exit_code = result->timed_out ? -1 : process.exit_code();
  result->term_signal = process.term_signal();
  return true;
}

}  // namespace tinyinfer::cli
