// `tinyinfer bench-m7 MODEL.tflite [--kernels reference|optimized|both] [--fuse]
//                    [--input FILE] [--firmware ELF] [--timeout S] [--json]`
//
// Runs any model on the emulated Cortex-M7 without rebuilding anything: QEMU's
// generic loader places a job block, the model (and an optional raw input) in
// the mps2-an500's RAM at 0x60000000, where the model-independent benchmark
// firmware (firmware/bench/bench_loaded_model.cc) picks them up. Under
// `-icount shift=0` the firmware's counter reads executed instructions; the
// numbers are those of the second invoke.
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_args.h"
#include "commands.h"
#include "m7_runner.h"
#include "report_format.h"

extern char** environ;

namespace tinyinfer::cli {
namespace {

constexpr const char* kBenchUsage =
    "usage: tinyinfer bench-m7 MODEL.tflite [--kernels reference|optimized|both] [--fuse] [--small-arena]\n"
    "                          [--input FILE] [--firmware ELF] [--timeout SECONDS] [--json]\n"
    "  Runs MODEL on the emulated Cortex-M7 (QEMU mps2-an500, -icount shift=0) and prints\n"
    "  per-layer and total executed instructions of the second invoke, MACs, instructions\n"
    "  per MAC and arena bytes. No rebuild per model: QEMU's generic loader places the model.\n"
    "  --kernels K     reference, optimized (default) or both (side by side, with the ratio\n"
    "                  and a check that both kernel sets give the same outputs)\n"
    "  --fuse          run each conv + following pool band by band (smaller arena)\n"
    "  --small-arena   kernels that can, run with less working memory (slower)\n"
    "  --input FILE    raw bytes of the input tensors (in order); default: a fixed\n"
    "                  pseudo-random pattern (floats in [-1,1), integers full range)\n"
    "  --firmware ELF  the benchmark firmware (default: $TINYINFER_BENCH_FIRMWARE, else\n"
    "                  tinyinfer-bench-m7.elf from the build tree of this executable)\n"
    "  --timeout S     give up after S seconds (default 600)\n"
    "  --json          machine-readable output\n"
    "  QEMU: qemu-system-arm from PATH or $TINYINFER_QEMU.\n";

constexpr const char* kFirmwareName = "tinyinfer-bench-m7.elf";

// The firmware's memory layout (firmware/bench/bench_loaded_model.cc).
constexpr uint32_t kJobAddress = 0x60000000;
constexpr uint32_t kModelAddress = 0x60001000;
constexpr uint32_t kInputAddress = 0x60C00000;
constexpr uint32_t kScratchAddress = 0x60F00000;
constexpr uint32_t kJobMagic = 0x4D424954;
constexpr uint32_t kFlagReference = 1u << 0;
constexpr uint32_t kFlagOptimized = 1u << 1;
constexpr uint32_t kFlagFuse = 1u << 2;
constexpr uint32_t kFlagSmallArena = 1u << 3;  // InterpreterOptions::small_arena

bool is_file(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string directory_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

// Where a build of this repository puts the firmware, relative to the
// directory of this executable (<build>/tools/cli): the host build's nested
// cross build (tests/bench_m7) or a standalone cross build beside it.
std::vector<std::string> firmware_candidates() {
  std::vector<std::string> candidates;
  char self[4096];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0) {
    self[n] = '\0';
    const std::string dir = directory_of(self);
    const std::string build = directory_of(directory_of(dir));
    candidates.push_back(dir + "/" + kFirmwareName);
    candidates.push_back(build + "/tests/bench_m7/cross/" + kFirmwareName);
    candidates.push_back(build + "/firmware/bench/" + kFirmwareName);
    candidates.push_back(directory_of(build) + "/bench-m7/" + kFirmwareName);
  }
#ifdef TINYINFER_SOURCE_DIR
  candidates.push_back(std::string(TINYINFER_SOURCE_DIR) + "/build/bench-m7/" + kFirmwareName);
  candidates.push_back(std::string(TINYINFER_SOURCE_DIR) + "/build/host/tests/bench_m7/cross/" + kFirmwareName);
#endif
  return candidates;
}

bool find_firmware(const char* flag_value, std::string* path, std::string* error) {
  if (flag_value != nullptr) {
    if (!is_file(flag_value)) return *error = std::string("--firmware ") + flag_value + ": no such file", false;
    *path = flag_value;
    return true;
  }
  if (const char* env = std::getenv("TINYINFER_BENCH_FIRMWARE"); env != nullptr && *env != '\0') {
    if (!is_file(env)) return *error = std::string("TINYINFER_BENCH_FIRMWARE=") + env + ": no such file", false;
    *path = env;
    return true;
  }
  std::string looked;
  for (const std::string& candidate : firmware_candidates()) {
    if (is_file(candidate)) {
      *path = candidate;
      return true;
    }
    looked += "\n  " + candidate;
  }
  *error = std::string("benchmark firmware ") + kFirmwareName + " not found; looked in:" + looked +
           "\nbuild it (cmake -S firmware/bench -B build/bench-m7 -G Ninja "
           "-DCMAKE_TOOLCHAIN_FILE=cmake/arm-none-eabi.cmake && cmake --build build/bench-m7, or the host "
           "build with TINYINFER_FIRMWARE_TESTS=ON) and/or pass --firmware ELF or set TINYINFER_BENCH_FIRMWARE";
  return false;
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

std::string loader_word(uint32_t address, uint32_t value) {
  return "loader,addr=" + hex32(address) + ",data=" + hex32(value) + ",data-len=4";
}

// ---- running QEMU ----------------------------------------------------------

struct QemuRun {
  std::string out, err;
  int exit_code = -1;  // -1: killed (timeout) or did not start
  bool timed_out = false;
};

// Runs `argv` with stdin closed-ish (/dev/null), collecting stdout and stderr,
// killing it after timeout_s.
bool run_process(const std::vector<std::string>& args, double timeout_s, QemuRun* run, std::string* error) {
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return *error = std::string("pipe: ") + std::strerror(errno), false;
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]), close(out_pipe[1]);
    return *error = std::string("pipe: ") + std::strerror(errno), false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]), close(err_pipe[1]);
  if (rc != 0) {
    close(out_pipe[0]), close(err_pipe[0]);
    *error = "cannot start " + args[0] + ": " + std::strerror(rc) +
             " (install qemu-system-arm: tools/install_deps.sh, or set TINYINFER_QEMU)";
    return false;
  }
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int64_t>(timeout_s * 1000));
  int fds[2] = {out_pipe[0], err_pipe[0]};
  std::string* sinks[2] = {&run->out, &run->err};
  while (fds[0] >= 0 || fds[1] >= 0) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      run->timed_out = true;
      break;
    }
    pollfd p[2];
    int n = 0, which[2];
    for (int i = 0; i < 2; ++i)
      if (fds[i] >= 0) which[n] = i, p[n++] = {fds[i], POLLIN, 0};
    const int ready = poll(p, n, static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) break;
    for (int k = 0; k < n; ++k) {
      if ((p[k].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      char buffer[8192];
      const ssize_t got = read(p[k].fd, buffer, sizeof buffer);
      if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (got <= 0) {
        close(fds[which[k]]);
        fds[which[k]] = -1;
        continue;
      }
      for (ssize_t c = 0; c < got; ++c)
        if (buffer[c] != '\r') sinks[which[k]]->push_back(buffer[c]);
    }
  }
  for (int fd : fds)
    if (fd >= 0) close(fd);
  if (run->timed_out) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run->exit_code = (!run->timed_out && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
  return true;
}

// ---- the firmware's report -------------------------------------------------

struct OpRecord {
  std::string name;
  int64_t macs = 0;
  uint64_t count = 0;
  bool fused = false;
};

struct SetReport {
  bool ran = false;
  std::vector<OpRecord> ops;
  int64_t macs = 0;
  uint64_t total = 0;         // sum of the per-op counts (profiled invoke)
  uint64_t whole_invoke = 0;  // one invoke counted as a whole, no profiler
  std::string unit;
  int64_t arena = -1, arena_fused = -1, arena_unfused = -1;
  int64_t metadata = 0, persistent = 0, activations = 0;
  int64_t stack_peak = -1;  // bytes of stack invoke() used (painted high-water mark)
  std::string checksum;
  std::vector<std::string> outputs;  // "int8 12 -128 ..." per output
};

struct Report {
  std::string board, unit;
  int64_t model_bytes = 0, op_count = 0;
  SetReport sets[2];
  std::vector<std::string> compares;  // the firmware's comparison lines
  bool compared = false, outputs_match = true;
  std::vector<std::string> errors;
  int status = -1;  // the firmware's "end status"
};

std::vector<std::string> words_of(const std::string& line) {
  std::vector<std::string> words;
  std::istringstream in(line);
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

int set_index(const std::string& name) { return name == "reference" ? 0 : name == "optimized" ? 1 : -1; }

int64_t to_i64(const std::string& text) { return std::strtoll(text.c_str(), nullptr, 10); }
uint64_t to_u64(const std::string& text) { return std::strtoull(text.c_str(), nullptr, 10); }

void parse_report(const std::string& text, Report* r) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("error: ", 0) == 0 || line.rfind("*** FAULT", 0) == 0) {
      r->errors.push_back(line);
      continue;
    }
    const std::vector<std::string> w = words_of(line);
    if (w.empty()) continue;
    if (w[0] == "bench-m7" && w.size() >= 6) {
      r->board = w[3];
      r->unit = w[5];
    } else if (w[0] == "model" && w.size() >= 5) {
      r->model_bytes = to_i64(w[2]);
      r->op_count = to_i64(w[4]);
    } else if (w[0] == "end" && w.size() >= 3) {
      r->status = static_cast<int>(to_i64(w[2]));
    } else if (w[0] == "compare") {
      r->compared = true;
      r->compares.push_back(line.substr(8));
      if (w.back() != "match") r->outputs_match = false;
    } else if (w.size() >= 2 && set_index(w[1]) >= 0) {
      SetReport& s = r->sets[set_index(w[1])];
      if (w[0] == "op" && w.size() >= 8) {
        OpRecord op;
        op.name = w[3];
        op.macs = to_i64(w[5]);
        op.count = to_u64(w[7]);
        op.fused = w.size() >= 9 && w[8] == "fused";
        s.ops.push_back(op);
      } else if (w[0] == "total" && w.size() >= 7) {
        s.ran = true;
        s.macs = to_i64(w[3]);
        s.total = to_u64(w[5]);
        s.unit = w[6];
      } else if (w[0] == "arena" && w.size() >= 6 && w[4] == "used") {
        const int64_t bytes = to_i64(w[5]);
        (w[3] == "1" ? s.arena_fused : s.arena_unfused) = bytes;
        if (w.size() >= 12 && w[6] == "metadata") {
          s.arena = bytes;
          s.metadata = to_i64(w[7]);
          s.persistent = to_i64(w[9]);
          s.activations = to_i64(w[11]);
        }
      } else if (w[0] == "invoke" && w.size() >= 4) {
        s.whole_invoke = to_u64(w[3]);
      } else if (w[0] == "stack" && w.size() >= 4 && w[2] == "peak") {
        s.stack_peak = to_i64(w[3]);
      } else if (w[0] == "checksum" && w.size() >= 4) {
        s.checksum = w[3];
      } else if (w[0] == "output" && w.size() >= 3) {
        std::string rest;
        for (std::size_t i = 3; i < w.size(); ++i) rest += (i > 3 ? " " : "") + w[i];
        s.outputs.push_back(rest);
      }
    }
  }
}

// ---- printing ----------------------------------------------------------------

std::string per_mac(uint64_t count, int64_t macs) {
  if (macs <= 0) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", static_cast<double>(count) / static_cast<double>(macs));
  return text;
}

std::string ratio(uint64_t a, uint64_t b) {
  if (b == 0) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.2fx", static_cast<double>(a) / static_cast<double>(b));
  return text;
}

std::string arena_text(const SetReport& s) {
  std::string text = with_commas(s.arena) + " bytes";
  text += " (unfused " + (s.arena_unfused >= 0 ? with_commas(s.arena_unfused) : std::string("n/a"));
  text += ", fused " + (s.arena_fused >= 0 ? with_commas(s.arena_fused) : std::string("n/a")) + ")";
  return text;
}

std::string stack_text(const SetReport& s) {
  return s.stack_peak >= 0 ? with_commas(s.stack_peak) + " bytes" : std::string("n/a");
}

void print_text(const std::string& model, const std::string& firmware, bool fuse, const Report& r) {
  const bool both = r.sets[0].ran && r.sets[1].ran;
  const int only = r.sets[0].ran ? 0 : 1;
  const SetReport& first = r.sets[only];
  std::printf("bench-m7: %s (%s bytes) on %s (Cortex-M7), %s of the second invoke (QEMU -icount shift=0)\n",
              model.c_str(), with_commas(r.model_bytes).c_str(), r.board.c_str(), r.unit.c_str());
  std::printf("firmware: %s%s\n\n", firmware.c_str(), fuse ? "; conv+pool fused" : "");
  if (both) {
    std::printf("%3s  %-20s %12s %14s %14s %8s %8s\n", "#", "op", "MACs", "reference", "optimized", "ref/opt",
                "opt/MAC");
    for (std::size_t i = 0; i < r.sets[1].ops.size() && i < r.sets[0].ops.size(); ++i) {
      const OpRecord& a = r.sets[0].ops[i];
      const OpRecord& b = r.sets[1].ops[i];
      std::printf("%3zu  %-20s %12s %14s %14s %8s %8s%s\n", i, b.name.c_str(), with_commas(b.macs).c_str(),
                  with_commas(static_cast<int64_t>(a.count)).c_str(),
                  with_commas(static_cast<int64_t>(b.count)).c_str(), ratio(a.count, b.count).c_str(),
                  per_mac(b.count, b.macs).c_str(), b.fused ? "  (fused)" : "");
    }
    std::printf("%3s  %-20s %12s %14s %14s %8s %8s\n", "", "total", with_commas(r.sets[1].macs).c_str(),
                with_commas(static_cast<int64_t>(r.sets[0].total)).c_str(),
                with_commas(static_cast<int64_t>(r.sets[1].total)).c_str(),
                ratio(r.sets[0].total, r.sets[1].total).c_str(), per_mac(r.sets[1].total, r.sets[1].macs).c_str());
    std::printf("%3s  %-20s %12s %14s %14s %8s %8s\n", "", "whole invoke", "",
                with_commas(static_cast<int64_t>(r.sets[0].whole_invoke)).c_str(),
                with_commas(static_cast<int64_t>(r.sets[1].whole_invoke)).c_str(),
                ratio(r.sets[0].whole_invoke, r.sets[1].whole_invoke).c_str(),
                per_mac(r.sets[1].whole_invoke, r.sets[1].macs).c_str());
    std::printf(
        "\n(total: sum of the per-op counts; whole invoke: one invoke counted around invoke()\n"
        " without the profiler, interpreter overhead included - the per-inference figure)\n");
    std::printf("instructions per MAC (whole invoke): reference %s, optimized %s\n",
                per_mac(r.sets[0].whole_invoke, r.sets[0].macs).c_str(),
                per_mac(r.sets[1].whole_invoke, r.sets[1].macs).c_str());
    std::printf("arena: reference %s\n       optimized %s\n", arena_text(r.sets[0]).c_str(),
                arena_text(r.sets[1]).c_str());
    std::printf("stack used by invoke: reference %s, optimized %s\n", stack_text(r.sets[0]).c_str(),
                stack_text(r.sets[1]).c_str());
    std::printf("outputs: reference %s, optimized %s -> %s\n", r.sets[0].checksum.c_str(), r.sets[1].checksum.c_str(),
                r.outputs_match ? "match" : "DIFFER");
    for (const std::string& c : r.compares) std::printf("  output %s\n", c.c_str());
  } else {
    std::printf("kernels: %s\n", only == 0 ? "reference" : "optimized");
    std::printf("%3s  %-20s %12s %14s %8s\n", "#", "op", "MACs", r.unit.c_str(), "per MAC");
    for (std::size_t i = 0; i < first.ops.size(); ++i) {
      const OpRecord& op = first.ops[i];
      std::printf("%3zu  %-20s %12s %14s %8s%s\n", i, op.name.c_str(), with_commas(op.macs).c_str(),
                  with_commas(static_cast<int64_t>(op.count)).c_str(), per_mac(op.count, op.macs).c_str(),
                  op.fused ? "  (fused)" : "");
    }
    std::printf("%3s  %-20s %12s %14s %8s\n", "", "total", with_commas(first.macs).c_str(),
                with_commas(static_cast<int64_t>(first.total)).c_str(), per_mac(first.total, first.macs).c_str());
    std::printf("%3s  %-20s %12s %14s %8s\n", "", "whole invoke", "",
                with_commas(static_cast<int64_t>(first.whole_invoke)).c_str(),
                per_mac(first.whole_invoke, first.macs).c_str());
    std::printf(
        "\n(total: sum of the per-op counts; whole invoke: one invoke counted around invoke()\n"
        " without the profiler, interpreter overhead included - the per-inference figure)\n");
    std::printf("arena: %s\n", arena_text(first).c_str());
    std::printf("stack used by invoke: %s\n", stack_text(first).c_str());
    std::printf("outputs: checksum %s\n", first.checksum.c_str());
  }
}

void json_set(JsonWriter& json, const char* key, const SetReport& s) {
  if (!s.ran) {
    json.null_field(key);
    return;
  }
  json.begin_object(key);
  json.field("instructions", static_cast<int64_t>(s.total));
  json.field("invoke_instructions", static_cast<int64_t>(s.whole_invoke));
  json.field("macs", s.macs);
  json.field("instructions_per_mac", s.macs > 0 ? static_cast<double>(s.total) / static_cast<double>(s.macs) : 0.0);
  json.field("arena_bytes", s.arena);
  json.field("arena_bytes_unfused", s.arena_unfused);
  json.field("arena_bytes_fused", s.arena_fused);
  json.begin_object("arena");
  json.field("metadata", s.metadata);
  json.field("persistent", s.persistent);
  json.field("activations", s.activations);
  json.end_object();
  json.field("stack_peak_bytes", s.stack_peak);
  json.field("output_checksum_fnv1a", s.checksum);
  json.begin_array("outputs");
  for (const std::string& o : s.outputs) json.element(o);
  json.end_array();
  json.begin_array("ops");
  for (std::size_t i = 0; i < s.ops.size(); ++i) {
    json.begin_object();
    json.field("index", static_cast<int64_t>(i));
    json.field("op", s.ops[i].name);
    json.field("macs", s.ops[i].macs);
    json.field("instructions", static_cast<int64_t>(s.ops[i].count));
    json.field("fused_into_previous", s.ops[i].fused);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

void print_json(const std::string& model, const std::string& firmware, bool fuse, const Report& r, int exit_code) {
  JsonWriter json(stdout);
  json.begin_object();
  json.field("model", model);
  json.field("model_bytes", r.model_bytes);
  json.field("board", r.board);
  json.field("counter", r.unit);
  json.field("invoke", "second");
  json.field("firmware", firmware);
  json.field("fuse_conv_pool", fuse);
  json_set(json, "reference", r.sets[0]);
  json_set(json, "optimized", r.sets[1]);
  if (r.compared) {
    json.field("outputs_match", r.outputs_match);
    json.begin_array("compare");
    for (const std::string& c : r.compares) json.element(c);
    json.end_array();
  } else {
    json.null_field("outputs_match");
  }
  json.begin_array("errors");
  for (const std::string& e : r.errors) json.element(e);
  json.end_array();
  json.field("firmware_status", static_cast<int64_t>(r.status));
  json.field("exit_code", static_cast<int64_t>(exit_code));
  json.end_object();
  json.finish();
}

}  // namespace

int cmd_bench_m7(int argc, char** argv) {
  Args args;
  if (!args.parse(argc, argv, 2,
                  {{"--kernels", true},
                   {"--fuse", false},
                   {"--small-arena", false},
                   {"--input", true},
                   {"--firmware", true},
                   {"--timeout", true},
                   {"--json", false},
                   {"--help", false}})) {
    std::fprintf(stderr, "tinyinfer bench-m7: %s\n\n%s", args.error().c_str(), kBenchUsage);
    return 2;
  }
  if (args.has("--help")) {
    std::fputs(kBenchUsage, stdout);
    return 0;
  }
  if (args.positional().size() != 1) {
    std::fprintf(stderr, "tinyinfer bench-m7: expected one MODEL.tflite\n\n%s", kBenchUsage);
    return 2;
  }
  const std::string model = args.positional()[0];
  uint32_t flags = kFlagOptimized;
  if (const char* k = args.value("--kernels"); k != nullptr) {
    if (std::strcmp(k, "reference") == 0)
      flags = kFlagReference;
    else if (std::strcmp(k, "optimized") == 0)
      flags = kFlagOptimized;
    else if (std::strcmp(k, "both") == 0)
      flags = kFlagReference | kFlagOptimized;
    else {
      std::fprintf(stderr, "tinyinfer bench-m7: --kernels must be reference, optimized or both, not '%s'\n", k);
      return 2;
    }
  }
  const bool fuse = args.has("--fuse");
  if (fuse) flags |= kFlagFuse;
  if (args.has("--small-arena")) flags |= kFlagSmallArena;
  int64_t timeout_s = 600;
  if (const char* t = args.value("--timeout"); t != nullptr) {
    std::string error;
    if (!parse_int_in_range("--timeout", t, 1, 86400, &timeout_s, &error)) {
      std::fprintf(stderr, "tinyinfer bench-m7: %s\n", error.c_str());
      return 2;
    }
  }
  const bool json = args.has("--json");

  struct stat st;
  if (stat(model.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    std::fprintf(stderr, "tinyinfer bench-m7: %s: %s\n", model.c_str(),
                 errno != 0 ? std::strerror(errno) : "not a regular file");
    return 1;
  }
  if (st.st_size <= 0 || static_cast<uint64_t>(st.st_size) > kInputAddress - kModelAddress) {
    std::fprintf(stderr, "tinyinfer bench-m7: %s: %lld bytes; the firmware takes 1..%u bytes\n", model.c_str(),
                 static_cast<long long>(st.st_size), kInputAddress - kModelAddress);
    return 1;
  }
  uint32_t input_bytes = 0;
  const char* input = args.value("--input");
  if (input != nullptr) {
    struct stat in_st;
    if (stat(input, &in_st) != 0 || !S_ISREG(in_st.st_mode)) {
      std::fprintf(stderr, "tinyinfer bench-m7: --input %s: %s\n", input, std::strerror(errno ? errno : ENOENT));
      return 1;
    }
    if (in_st.st_size <= 0 || static_cast<uint64_t>(in_st.st_size) > kScratchAddress - kInputAddress) {
      std::fprintf(stderr, "tinyinfer bench-m7: --input %s: %lld bytes; the firmware takes 1..%u bytes\n", input,
                   static_cast<long long>(in_st.st_size), kScratchAddress - kInputAddress);
      return 1;
    }
    input_bytes = static_cast<uint32_t>(in_st.st_size);
  }

  std::string firmware, error;
  if (!find_firmware(args.value("--firmware"), &firmware, &error)) {
    std::fprintf(stderr, "tinyinfer bench-m7: %s\n", error.c_str());
    return 1;
  }

  m7::QemuOptions options;
  if (const char* qemu = std::getenv("TINYINFER_QEMU"); qemu != nullptr && *qemu != '\0') options.qemu = qemu;
  std::vector<std::string> command = m7::qemu_command(firmware, options);
  for (const std::string& device :
       {loader_word(kJobAddress, kJobMagic), loader_word(kJobAddress + 4, static_cast<uint32_t>(st.st_size)),
        loader_word(kJobAddress + 8, flags), loader_word(kJobAddress + 12, input_bytes),
        "loader,file=" + qemu_option_value(model) + ",addr=" + hex32(kModelAddress) + ",force-raw=on"}) {
    command.push_back("-device");
    command.push_back(device);
  }
  if (input != nullptr) {
    command.push_back("-device");
    command.push_back("loader,file=" + qemu_option_value(input) + ",addr=" + hex32(kInputAddress) + ",force-raw=on");
  }

  QemuRun run;
  if (!run_process(command, static_cast<double>(timeout_s), &run, &error)) {
    std::fprintf(stderr, "tinyinfer bench-m7: %s\n", error.c_str());
    return 1;
  }
  Report report;
  parse_report(run.out, &report);
  std::string problem;
  if (run.timed_out)
    problem = "QEMU did not finish within " + std::to_string(timeout_s) + " s (killed)";
  else if (report.status < 0)
    problem = "the firmware ended without a report (QEMU exit " + std::to_string(run.exit_code) + ")";
  else if (run.exit_code != 0 || report.status != 0)
    problem = "the firmware reported status " + std::to_string(report.status);
  const bool complete = problem.empty() && (!(flags & kFlagReference) || report.sets[0].ran) &&
                        (!(flags & kFlagOptimized) || report.sets[1].ran);
  if (problem.empty() && !complete) problem = "the firmware's report is incomplete";
  const int exit_code = problem.empty() ? 0 : 1;

  if (json) {
    print_json(model, firmware, fuse, report, exit_code);
  } else if (report.sets[0].ran || report.sets[1].ran) {
    print_text(model, firmware, fuse, report);
  }
  if (!problem.empty()) {
    std::fprintf(stderr, "tinyinfer bench-m7: %s: %s\n", model.c_str(), problem.c_str());
    for (const std::string& e : report.errors) std::fprintf(stderr, "  %s\n", e.c_str());
    if (!run.err.empty()) std::fprintf(stderr, "QEMU stderr:\n%s", run.err.c_str());
    if (report.errors.empty() && !run.out.empty() && report.status < 0)
      std::fprintf(stderr, "firmware output:\n%s", run.out.c_str());
    std::string line;
    for (const std::string& a : command) line += (line.empty() ? "" : " ") + a;
    std::fprintf(stderr, "command: %s\n", line.c_str());
  }
  return exit_code;
}

}  // namespace tinyinfer::cli
