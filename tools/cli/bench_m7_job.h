// One `tinyinfer bench-m7` job: a model (and optional raw input) that QEMU's
// generic loader places in the mps2-an500's RAM beside a job block, the
// model-independent benchmark firmware (firmware/bench/bench_loaded_model.cc)
// that runs it, and the firmware's report parsed into records.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "qemu_session.h"
#include "subprocess.h"

namespace tinyinfer::cli::bench_m7 {

struct Job {
  std::string model;
  std::string input;  // raw bytes of the input tensors; empty: the firmware's pattern
  std::string firmware;
  bool reference = false, optimized = true;  // kernel sets to run
  bool fuse = false;                         // conv + following pool band by band
  bool small_arena = false;                  // InterpreterOptions::small_arena
  double timeout_s = 600.0;
};

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
  SetReport sets[2];                  // [0] reference, [1] optimized
  std::vector<std::string> compares;  // the firmware's comparison lines
  bool compared = false, outputs_match = true;
  std::vector<std::string> errors;
  int status = -1;  // the firmware's "end status"
};

void parse_report(const std::string& text, Report* report);

// ---- running a job -----------------------------------------------------------

// Checks that the model and the input exist and fit the firmware's RAM
// layout. The error starts with the file ("MODEL: ..." / "--input FILE: ...").
bool check_job_files(const Job& job, std::string* error);

// The QEMU command line of the job ($TINYINFER_QEMU applied): the firmware
// plus loader devices for the job block, the model and the input.
m7::QemuOptions job_qemu_options(const Job& job);

struct JobOutcome {
  ProcessResult run;                 // QEMU's output and exit
  Report report;                     // parsed from run.out
  std::vector<std::string> command;  // what ran, for error messages
  std::string problem;               // empty when the job ran completely and well
};

// Runs the job in QEMU. False only when QEMU could not run at all (*error);
// a firmware failure or timeout is a JobOutcome with a problem.
bool run_job(const Job& job, JobOutcome* outcome, std::string* error);

}  // namespace tinyinfer::cli::bench_m7
