// `tinyinfer bench-m7 MODEL.tflite [--kernels reference|optimized|both] [--fuse]
//                    [--input FILE] [--firmware ELF] [--timeout S] [--json]`
//
// Runs any model on the emulated Cortex-M7 without rebuilding anything (the
// job: bench_m7_job.h). Under `-icount shift=0` the firmware's counter reads
// executed instructions; the numbers are those of the second invoke.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench_m7_job.h"
#include "cli_app.h"
#include "cli_options.h"
#include "commands.h"
#include "firmware_lookup.h"
#include "json_output.h"
#include "report_format.h"

namespace tinyinfer::cli {
namespace {

using bench_m7::OpRecord;
using bench_m7::Report;
using bench_m7::SetReport;

constexpr FirmwareImage kBenchFirmware = {"tinyinfer-bench-m7.elf", "firmware/bench", "TINYINFER_BENCH_FIRMWARE",
                                          "tinyinfer_bench_m7", "benchmark firmware"};

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

Json set_json(const SetReport& s) {
  if (!s.ran) return nullptr;
  Json ops = Json::array();
  for (std::size_t i = 0; i < s.ops.size(); ++i)
    ops.push_back({{"index", i},
                   {"op", s.ops[i].name},
                   {"macs", s.ops[i].macs},
                   {"instructions", s.ops[i].count},
                   {"fused_into_previous", s.ops[i].fused}});
  return {{"instructions", s.total},
          {"invoke_instructions", s.whole_invoke},
          {"macs", s.macs},
          {"instructions_per_mac",
           json_real(s.macs > 0 ? static_cast<double>(s.total) / static_cast<double>(s.macs) : 0.0)},
          {"arena_bytes", s.arena},
          {"arena_bytes_unfused", s.arena_unfused},
          {"arena_bytes_fused", s.arena_fused},
          {"arena", {{"metadata", s.metadata}, {"persistent", s.persistent}, {"activations", s.activations}}},
          {"stack_peak_bytes", s.stack_peak},
          {"output_checksum_fnv1a", s.checksum},
          {"outputs", s.outputs},
          {"ops", ops}};
}

void print_report_json(const std::string& model, const std::string& firmware, bool fuse, const Report& r,
                       int exit_code) {
  Json json = {{"model", model},
               {"model_bytes", r.model_bytes},
               {"board", r.board},
               {"counter", r.unit},
               {"invoke", "second"},
               {"firmware", firmware},
               {"fuse_conv_pool", fuse},
               {"reference", set_json(r.sets[0])},
               {"optimized", set_json(r.sets[1])}};
  if (r.compared) {
    json["outputs_match"] = r.outputs_match;
    json["compare"] = r.compares;
  } else {
    json["outputs_match"] = nullptr;
  }
  json["errors"] = r.errors;
  json["firmware_status"] = r.status;
  json["exit_code"] = exit_code;
  print_json(json);
}

}  // namespace

int cmd_bench_m7(int argc, char** argv) {
  CLI::App app{
      "Runs MODEL on the emulated Cortex-M7 (QEMU mps2-an500, -icount shift=0) and prints\n"
      "per-layer and total executed instructions of the second invoke, MACs, instructions\n"
      "per MAC and arena bytes. No rebuild per model: QEMU's generic loader places the model.\n"
      "QEMU: qemu-system-arm from PATH or $TINYINFER_QEMU.",
      "tinyinfer bench-m7"};
  bench_m7::Job job;
  std::string kernels = "optimized", firmware_flag;
  int64_t timeout_s = 600;
  bool json = false;
  app.add_option("MODEL.tflite", job.model, "the model to run")->required();
  app.add_option("--kernels", kernels,
                 "reference, optimized or both (side by side, with the ratio and a check that both kernel sets give "
                 "the same outputs)")
      ->check(CLI::IsMember({"reference", "optimized", "both"}))
      ->capture_default_str();
  add_switch(app, "--fuse", &job.fuse, "run each conv + following pool band by band (smaller arena)");
  add_switch(app, "--small-arena", &job.small_arena, "kernels that can, run with less working memory (slower)");
  app.add_option("--input", job.input,
                 "raw bytes of the input tensors (in order); default: a fixed pseudo-random pattern (floats "
                 "in [-1,1), integers full range)")
      ->check(non_empty());
  app.add_option("--firmware", firmware_flag,
                 "the benchmark firmware (default: $TINYINFER_BENCH_FIRMWARE, else tinyinfer-bench-m7.elf from the "
                 "build tree of this executable)")
      ->check(non_empty());
  app.add_option("--timeout", timeout_s, "give up after this many seconds")
      ->check(integer_in_range(1, 86400))
      ->capture_default_str();
  add_switch(app, "--json", &json, "machine-readable output");
  if (int code = parse_command_line(app, argc, argv); code >= 0) return code;
  job.reference = kernels != "optimized";
  job.optimized = kernels != "reference";
  job.timeout_s = static_cast<double>(timeout_s);

  std::string error;
  if (!bench_m7::check_job_files(job, &error) || !find_firmware(kBenchFirmware, firmware_flag, &job.firmware, &error)) {
    std::fprintf(stderr, "tinyinfer bench-m7: %s\n", error.c_str());
    return 1;
  }
  bench_m7::JobOutcome outcome;
  if (!bench_m7::run_job(job, &outcome, &error)) {
    std::fprintf(stderr, "tinyinfer bench-m7: %s\n", error.c_str());
    return 1;
  }
  const Report& report = outcome.report;
  const int exit_code = outcome.problem.empty() ? 0 : 1;
  if (json) {
    print_report_json(job.model, job.firmware, job.fuse, report, exit_code);
  } else if (report.sets[0].ran || report.sets[1].ran) {
    print_text(job.model, job.firmware, job.fuse, report);
  }
  if (!outcome.problem.empty()) {
    std::fprintf(stderr, "tinyinfer bench-m7: %s: %s\n", job.model.c_str(), outcome.problem.c_str());
    for (const std::string& e : report.errors) std::fprintf(stderr, "  %s\n", e.c_str());
    if (!outcome.run.err.empty()) std::fprintf(stderr, "QEMU stderr:\n%s", outcome.run.err.c_str());
    if (report.errors.empty() && !outcome.run.out.empty() && report.status < 0)
      std::fprintf(stderr, "firmware output:\n%s", outcome.run.out.c_str());
    std::string line;
    for (const std::string& a : outcome.command) line += (line.empty() ? "" : " ") + a;
    std::fprintf(stderr, "command: %s\n", line.c_str());
  }
  return exit_code;
}

}  // namespace tinyinfer::cli
