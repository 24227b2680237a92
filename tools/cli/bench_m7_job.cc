#include "bench_m7_job.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include <sys/stat.h>

namespace tinyinfer::cli::bench_m7 {
namespace {

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

// Size of a regular file, or -1 with errno set.
int64_t regular_file_bytes(const std::string& path) {
  struct stat st;
  errno = 0;
  if (stat(path.c_str(), &st) != 0) return -1;
  if (!S_ISREG(st.st_mode)) return errno = 0, -1;
  return static_cast<int64_t>(st.st_size);
}

// "NAME: why" for a file that is missing, not a file, empty or too big.
bool check_file(const std::string& name, const std::string& path, uint32_t max_bytes, std::string* error) {
  const int64_t bytes = regular_file_bytes(path);
  if (bytes < 0) {
    *error = name + ": " + (errno != 0 ? std::strerror(errno) : "not a regular file");
    return false;
  }
  if (bytes <= 0 || static_cast<uint64_t>(bytes) > max_bytes) {
    *error =
        name + ": " + std::to_string(bytes) + " bytes; the firmware takes 1.." + std::to_string(max_bytes) + " bytes";
    return false;
  }
  return true;
}

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

}  // namespace

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

bool check_job_files(const Job& job, std::string* error) {
  return check_file(job.model, job.model, kInputAddress - kModelAddress, error) &&
         (job.input.empty() || check_file("--input " + job.input, job.input, kScratchAddress - kInputAddress, error));
}

m7::QemuOptions job_qemu_options(const Job& job) {
  const uint32_t flags = (job.reference ? kFlagReference : 0) | (job.optimized ? kFlagOptimized : 0) |
                         (job.fuse ? kFlagFuse : 0) | (job.small_arena ? kFlagSmallArena : 0);
  const int64_t model_bytes = regular_file_bytes(job.model);
  const int64_t input_bytes = job.input.empty() ? 0 : regular_file_bytes(job.input);
  m7::QemuOptions options = m7::with_environment(m7::QemuOptions());
  for (const std::string& device :
       {m7::loader_word(kJobAddress, kJobMagic), m7::loader_word(kJobAddress + 4, static_cast<uint32_t>(model_bytes)),
        m7::loader_word(kJobAddress + 8, flags), m7::loader_word(kJobAddress + 12, static_cast<uint32_t>(input_bytes)),
        m7::loader_file(job.model, kModelAddress)}) {
    options.extra_args.push_back("-device");
    options.extra_args.push_back(device);
  }
  if (!job.input.empty()) {
    options.extra_args.push_back("-device");
    options.extra_args.push_back(m7::loader_file(job.input, kInputAddress));
  }
  return options;
}

bool run_job(const Job& job, JobOutcome* outcome, std::string* error) {
  *outcome = JobOutcome();
  const m7::QemuOptions options = job_qemu_options(job);
  outcome->command = m7::qemu_command(job.firmware, options);
  if (!m7::run_qemu(job.firmware, options, job.timeout_s, &outcome->run, error)) return false;
  const ProcessResult& run = outcome->run;
  Report& report = outcome->report;
  parse_report(run.out, &report);
  std::string& problem = outcome->problem;
  if (run.timed_out)
    problem = "QEMU did not finish within " + std::to_string(static_cast<long long>(job.timeout_s)) + " s (killed)";
  else if (report.status < 0)
    problem = "the firmware ended without a report (QEMU exit " + std::to_string(run.exit_code) + ")";
  else if (run.exit_code != 0 || report.status != 0)
    problem = "the firmware reported status " + std::to_string(report.status);
  const bool complete = (!job.reference || report.sets[0].ran) && (!job.optimized || report.sets[1].ran);
  if (problem.empty() && !complete) problem = "the firmware's report is incomplete";
  return true;
}

}  // namespace tinyinfer::cli::bench_m7
