// The fixture of the `tinyinfer` black-box tests: spawns the real binary in
// a temp dir, captures stdout/stderr and the exit code, and fails on a crash
// or a sanitizer report.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/exec_cli.h"

namespace fs = std::filesystem;

namespace {

const std::string kCli = TINYINFER_CLI_PATH;
const fs::path kShared = TINYINFER_SHARED_DIR;
const fs::path kSource = TINYINFER_SOURCE_DIR;

struct Result {
  int exit_code = -1;
  int signal = 0;  // non-zero: the process crashed
  std::string out, err;
  std::string describe() const {
    std::ostringstream s;
    s << "exit " << exit_code;
    if (signal != 0) s << " (KILLED BY SIGNAL " << signal << ")";
    if (exit_code == 99) s << " (sanitizer report)";
    s << "\n--- stdout ---\n" << out << "--- stderr ---\n" << err;
    return s.str();
  }
};

inline std::string read_text(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

inline std::vector<uint8_t> read_bytes(const fs::path& p) {
  const std::string s = read_text(p);
  return std::vector<uint8_t>(s.begin(), s.end());
}

inline void write_bytes(const fs::path& p, const void* data, std::size_t n) {
  std::ofstream f(p, std::ios::binary);
  f.write(static_cast<const char*>(data), static_cast<std::streamsize>(n));
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string templ = (fs::temp_directory_path() / "tinyinfer_cli_XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr) << "cannot create a temp dir";
    dir_ = templ;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Runs tinyinfer with args; stdout/stderr captured through files.
  Result run(const std::vector<std::string>& args) {
    const fs::path out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
      if (!std::freopen(out.c_str(), "w", stdout) || !std::freopen(err.c_str(), "w", stderr)) {
        _exit(127);
      }
      // Under -DTINYINFER_SANITIZE=ON a sanitizer report must not pass for
      // the CLI's own exit 1: give it a distinct exit code.
      setenv("ASAN_OPTIONS", "exitcode=99", 0);
      setenv("UBSAN_OPTIONS", "exitcode=99:print_stacktrace=1", 0);
      tinyinfer::testing::exec_cli(kCli, args);
    }
    Result r;
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid) return r;
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.out = read_text(out);
    r.err = read_text(err);
    EXPECT_EQ(r.signal, 0) << "tinyinfer crashed\n" << r.describe();
    EXPECT_EQ(r.err.find("Sanitizer"), std::string::npos) << r.describe();
    EXPECT_EQ(r.err.find("runtime error:"), std::string::npos) << r.describe();
    return r;
  }

  fs::path dir_;
};

#define EXPECT_USAGE_ERROR(r, message)                                                                       \
  do {                                                                                                       \
    EXPECT_EQ((r).exit_code, 2) << (r).describe();                                                           \
    EXPECT_NE((r).err.find(message), std::string::npos) << "stderr should mention \"" << (message) << "\"\n" \
                                                        << (r).describe();                                   \
  } while (0)

#define EXPECT_FAILURE(r, message)                                                                           \
  do {                                                                                                       \
    EXPECT_EQ((r).signal, 0) << (r).describe();                                                              \
    EXPECT_EQ((r).exit_code, 1) << (r).describe();                                                           \
    EXPECT_NE((r).err.find(message), std::string::npos) << "stderr should mention \"" << (message) << "\"\n" \
                                                        << (r).describe();                                   \
  } while (0)

#define REQUIRE_SHARED()                                                                                            \
  do {                                                                                                              \
    if (!fs::is_directory(kShared / "models")) {                                                                    \
      GTEST_SKIP() << "shared resources not found at " << kShared << " (set -DTINYINFER_SHARED_DIR=...); skipping"; \
    }                                                                                                               \
  } while (0)

inline fs::path mnist_model() { return kShared / "models" / "mnist_uncompressed.tflite"; }
inline fs::path study_digit() { return kShared / "conformance" / "mnist_uncompressed" / "in_0.bin"; }

}  // namespace
