// tools/cli/subprocess.cc (the CLI's one way to run programs) and the QEMU
// command line built on it (tools/cli/qemu_session.cc), without QEMU.
#include "subprocess.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "qemu_session.h"

namespace tinyinfer::cli {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

TEST(Subprocess, ExitStatusAndBothOutputs) {
  ProcessResult r;
  std::string error;
  ASSERT_TRUE(run_process({"sh", "-c", "echo out; echo err >&2; exit 3"}, 10, &r, &error)) << error;
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.term_signal, 0);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.out, "out\n");
  EXPECT_EQ(r.err, "err\n");
}

TEST(Subprocess, ArgumentsAreNotShellWords) {
  ProcessResult r;
  std::string error;
  ASSERT_TRUE(run_process({"printf", "%s|", "a b", "it's", "$HOME"}, 10, &r, &error)) << error;
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "a b|it's|$HOME|");
}

TEST(Subprocess, StdinIsDevNull) {
  ProcessResult r;
  std::string error;
  ASSERT_TRUE(run_process({"cat"}, 10, &r, &error)) << error;
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
}

TEST(Subprocess, TimeoutKills) {
  ProcessResult r;
  std::string error;
  const Clock::time_point start = Clock::now();
  ASSERT_TRUE(run_process({"sh", "-c", "echo started; exec sleep 30"}, 0.3, &r, &error)) << error;
  EXPECT_LT(seconds_since(start), 10.0);
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.exit_code, -1);
  EXPECT_EQ(r.term_signal, SIGKILL);
  EXPECT_EQ(r.out, "started\n");  // what came before the timeout is kept
}

TEST(Subprocess, TimeoutAfterTheOutputsClosed) {
  ProcessResult r;
  std::string error;
  const Clock::time_point start = Clock::now();
  ASSERT_TRUE(run_process({"sh", "-c", "exec >&- 2>&-; exec sleep 30"}, 0.3, &r, &error)) << error;
  EXPECT_LT(seconds_since(start), 10.0);
  EXPECT_TRUE(r.timed_out);
}

TEST(Subprocess, EndedBySignal) {
  ProcessResult r;
  std::string error;
  ASSERT_TRUE(run_process({"sh", "-c", "kill -TERM $$"}, 10, &r, &error)) << error;
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, -1);
  EXPECT_EQ(r.term_signal, SIGTERM);
}

TEST(Subprocess, MissingProgramIsAnError) {
  ProcessResult r;
  std::string error;
  EXPECT_FALSE(run_process({"/nonexistent/tinyinfer-no-such-program"}, 10, &r, &error));
  EXPECT_NE(error.find("cannot start /nonexistent/tinyinfer-no-such-program"), std::string::npos) << error;
  EXPECT_NE(error.find("No such file"), std::string::npos) << error;
  Subprocess p;
  EXPECT_FALSE(p.start({"tinyinfer-no-such-program-on-path"}, SpawnOptions(), &error));
  EXPECT_FALSE(p.running());
  EXPECT_FALSE(p.start({}, SpawnOptions(), &error));
}

TEST(Subprocess, InteractiveStdinPipe) {
  Subprocess p;
  SpawnOptions options;
  options.in = Stdio::kPipe;
  std::string error;
  ASSERT_TRUE(p.start({"cat"}, options, &error)) << error;
  ASSERT_TRUE(p.write_all("hello\n", 5000, &error)) << error;
  const Clock::time_point start = Clock::now();
  while (p.out().find("hello\n") == std::string::npos && seconds_since(start) < 10)
    ASSERT_TRUE(p.read_output(100, &error)) << error;
  EXPECT_EQ(p.out(), "hello\n");
  p.out().clear();
  // A write bigger than the pipe: output is drained meanwhile, so cat never blocks.
  const std::string big(1 << 20, 'x');
  ASSERT_TRUE(p.write_all(big, 10000, &error)) << error;
  p.close_stdin();
  ASSERT_TRUE(p.read_to_end(10000, &error)) << error;
  EXPECT_EQ(p.out().size(), big.size());
  ASSERT_TRUE(p.wait(10000));
  EXPECT_EQ(p.exit_code(), 0);
}

TEST(Subprocess, KillAndReap) {
  Subprocess p;
  std::string error;
  ASSERT_TRUE(p.start({"sleep", "30"}, SpawnOptions(), &error)) << error;
  EXPECT_TRUE(p.running());
  EXPECT_FALSE(p.wait(50));  // still running
  EXPECT_EQ(p.kill(), -1);
  EXPECT_FALSE(p.running());
  EXPECT_EQ(p.term_signal(), SIGKILL);
  EXPECT_FALSE(p.output_open());  // pipes closed: reading returns at once
  std::string more;
  EXPECT_TRUE(p.read_to_end(10, &more)) << more;
}

TEST(Subprocess, WriteToAChildThatExitedIsAnError) {
  Subprocess p;
  SpawnOptions options;
  options.in = Stdio::kPipe;
  std::string error;
  ASSERT_TRUE(p.start({"true"}, options, &error)) << error;
  ASSERT_TRUE(p.wait(10000));
  EXPECT_FALSE(p.write_all(std::string(1 << 20, 'x'), 2000, &error));  // EPIPE, not SIGPIPE
}

TEST(QemuCommand, OptionsAndExtraArguments) {
  m7::QemuOptions options;
  options.extra_args = {"-device", "loader,addr=0x60000000,data=0x1,data-len=4"};
  const std::vector<std::string> command = m7::qemu_command("fw.elf", options);
  const std::vector<std::string> want = {"qemu-system-arm", "-M",       "mps2-an500",
                                         "-nographic",      "-monitor", "none",
                                         "-serial",         "stdio",    "-semihosting",
                                         "-icount",         "shift=0",  "-kernel",
                                         "fw.elf",          "-device",  "loader,addr=0x60000000,data=0x1,data-len=4"};
  EXPECT_EQ(command, want);
}

TEST(QemuCommand, EnvironmentOverrideAndMissingQemu) {
  setenv("TINYINFER_QEMU", "/nonexistent/qemu-system-arm", 1);
  EXPECT_EQ(m7::with_environment(m7::QemuOptions()).qemu, "/nonexistent/qemu-system-arm");
  ProcessResult r;
  std::string error;
  // Any readable file passes the firmware check; QEMU itself is missing.
  EXPECT_FALSE(m7::run_qemu("/proc/self/exe", m7::QemuOptions(), 10, &r, &error));
  EXPECT_NE(error.find("cannot start /nonexistent/qemu-system-arm"), std::string::npos) << error;
  EXPECT_NE(error.find("TINYINFER_QEMU"), std::string::npos) << error;
  m7::QemuSession session;
  EXPECT_FALSE(session.start("/proc/self/exe", m7::QemuOptions(), &error));
  EXPECT_NE(error.find("cannot start"), std::string::npos) << error;
  unsetenv("TINYINFER_QEMU");
  EXPECT_EQ(m7::with_environment(m7::QemuOptions()).qemu, "qemu-system-arm");
}

TEST(QemuCommand, MissingFirmware) {
  ProcessResult r;
  std::string error;
  EXPECT_FALSE(m7::run_qemu("/nonexistent/fw.elf", m7::QemuOptions(), 10, &r, &error));
  EXPECT_EQ(error, "/nonexistent/fw.elf: No such file or directory");
}

}  // namespace
}  // namespace tinyinfer::cli
