// `tinyinfer check PATH...`: runs every golden folder (format 1 or 2, a
// manifest.json beside model.tflite and the case files) under each PATH and
// compares with the reference outputs; one line per folder and kernel set, a
// summary line, exit 1 when any folder fails. With --expected-failures FILE a
// listed folder must be refused cleanly (a wrong answer still fails, and so
// does a listed folder that passes), which is how CI runs it while ops are
// still missing. --m7 runs the folders on the emulated Cortex-M7 instead
// (check_m7.h), many folders per QEMU start.
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "check_m7.h"
#include "cli_app.h"
#include "cli_options.h"
#include "commands.h"
#include "firmware_lookup.h"
#include "golden_folder.h"
#include "json_output.h"

namespace tinyinfer::cli {
namespace {

struct CheckLine {
  std::string folder;  // as the user sees it: PATH/relative
  KernelChoice kernels;
  golden::FolderResult result;
  const golden::ExpectedFailure* expected = nullptr;
  bool ok = false;
  bool on_m7 = false;
  std::string verdict;  // what the line says about it
};

constexpr FirmwareImage kGoldenFirmware = {"tinyinfer-golden-m7.elf", "firmware/check", "TINYINFER_GOLDEN_FIRMWARE",
                                           "tinyinfer_golden_m7", "golden-folder firmware"};
constexpr int64_t kMaxTimeoutSeconds = 24 * 3600;

// Judges one result, with the expected-failure list if there is one.
void judge(CheckLine* line) {
  using Outcome = golden::FolderResult::Outcome;
  const golden::FolderResult& r = line->result;
  if (line->expected == nullptr) {
    line->ok = r.outcome == Outcome::kPassed;
    line->verdict = line->ok ? "pass" : "FAIL";
    return;
  }
  line->ok = r.outcome == Outcome::kRefused;
  if (line->ok) {
    line->verdict = "expected";
  } else if (r.outcome == Outcome::kPassed) {
    line->verdict = "FAIL";
    line->result.message =
        "passes, but is listed as expected to fail: remove '" + line->expected->pattern + "' from the list";
  } else {
    line->verdict = "FAIL";
    line->result.message =
        "listed as expected to fail (" + line->expected->reason + "), but was not refused cleanly: " + r.message;
  }
}

std::string with_thousands(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return value < 0 ? "-" + digits : digits;
}

void print_line(const CheckLine& line) {
  const golden::FolderResult& r = line.result;
  std::printf("%-8s %s [%s]", line.verdict.c_str(), line.folder.c_str(), kernel_choice_name(line.kernels));
  if (r.outcome == golden::FolderResult::Outcome::kPassed && line.ok) {
    std::printf(" %d case%s, arena %s B%s", r.cases, r.cases == 1 ? "" : "s",
                with_thousands(static_cast<int64_t>(r.arena_bytes)).c_str(), line.on_m7 ? " on the M7" : "");
    if (r.tflm_arena_bytes >= 0) std::printf(" (TFLM %s B)", with_thousands(r.tflm_arena_bytes).c_str());
    std::printf("\n");
    return;
  }
  if (line.expected != nullptr && line.ok) {
    std::printf(" %s: %s\n", line.expected->reason.c_str(), r.message.c_str());
    return;
  }
  if (r.outcome == golden::FolderResult::Outcome::kPassed) {  // listed, yet passes
    std::printf(" %s\n", r.message.c_str());
    return;
  }
  std::printf(" %s: %s\n", golden::outcome_name(r.outcome), r.message.c_str());
}

Json line_json(const CheckLine& line) {
  const golden::FolderResult& r = line.result;
  Json j;
  j["folder"] = line.folder;
  j["kernels"] = kernel_choice_name(line.kernels);
  j["ok"] = line.ok;
  j["outcome"] = golden::outcome_name(r.outcome);
  j["message"] = r.message;
  j["expected_failure"] = line.expected != nullptr ? Json(line.expected->reason) : Json(nullptr);
  j["cases"] = r.cases;
  j["target"] = line.on_m7 ? "cortex-m7 (QEMU mps2-an500)" : "host";
  j["arena_bytes"] = r.arena_bytes;
  j["tflm_arena_bytes"] = r.tflm_arena_bytes >= 0 ? Json(r.tflm_arena_bytes) : Json(nullptr);
  j["host_invoke_ms"] = line.on_m7 ? Json(nullptr) : json_real(r.host_invoke_ms);
  j["tflm_host_invoke_ms"] = r.tflm_host_invoke_ms >= 0 ? json_real(r.tflm_host_invoke_ms) : Json(nullptr);
  return j;
}

}  // namespace

int cmd_check(int argc, char** argv) {
  CLI::App app{"Run golden folders (../shared/conformance, format 1 and 2) and compare with their outputs.",
               "tinyinfer check"};
  std::vector<std::string> paths;
  std::string kernels_name = "both";
  std::string expected_path;
  InterpreterOptions options;
  bool json = false;
  app.add_option("PATH", paths, "a golden folder, or a directory searched for them (3 levels deep)")
      ->required()
      ->check(non_empty());
  app.add_option("--kernels", kernels_name, "kernel set: reference, optimized or both")
      ->check(CLI::IsMember({"reference", "optimized", "both"}))
      ->capture_default_str();
  add_memory_flags(app, &options);
  app.add_option("--expected-failures", expected_path,
                 "list of folders (globs) that must be refused, one '<folder> <reason>' per line")
      ->check(non_empty());
  add_switch(app, "--json", &json, "one JSON document instead of text");
  bool m7 = false;
  std::string firmware_flag;
  int64_t timeout_s = 900;
  add_switch(app, "--m7", &m7, "run on the emulated Cortex-M7 (QEMU mps2-an500), many folders per QEMU start");
  app.add_option("--firmware", firmware_flag,
                 "with --m7: the golden firmware (default: $TINYINFER_GOLDEN_FIRMWARE, else tinyinfer-golden-m7.elf\n"
                 "from this build's firmware tree)")
      ->type_name("ELF")
      ->check(non_empty());
  app.add_option("--timeout", timeout_s, "with --m7: seconds per QEMU start (default 900)")
      ->type_name("S")
      ->transform(integer_in_range(1, kMaxTimeoutSeconds));
  const int parsed = parse_command_line(app, argc, argv);
  if (parsed >= 0) return parsed;

  std::vector<golden::ExpectedFailure> expected;
  std::string error;
  if (!expected_path.empty() && !golden::read_expected_failures(expected_path, &expected, &error)) {
    std::fprintf(stderr, "tinyinfer check: %s\n", error.c_str());
    return 1;
  }
  std::vector<KernelChoice> kernel_sets;
  if (kernels_name != "optimized") kernel_sets.push_back(KernelChoice::kReference);
  if (kernels_name != "reference") kernel_sets.push_back(KernelChoice::kOptimized);

  if (!m7 && (!firmware_flag.empty() || app.count("--timeout") > 0))
    return usage_error(app, "--firmware and --timeout go with --m7");
  M7CheckOptions m7_options;
  if (m7 && !find_firmware(kGoldenFirmware, firmware_flag, &m7_options.firmware, &error)) {
    std::fprintf(stderr, "tinyinfer check: %s\n", error.c_str());
    return 1;
  }

  std::vector<std::string> dirs;
  for (const std::string& path : paths) {
    const std::vector<std::string> folders = golden::discover(path);
    if (folders.empty()) {
      std::fprintf(stderr, "tinyinfer check: no golden folder (a manifest.json) in or under '%s'\n", path.c_str());
      return 1;
    }
    for (const std::string& relative : folders) dirs.push_back(relative == "." ? path : path + "/" + relative);
  }
  std::vector<std::vector<golden::FolderResult>> m7_results;
  if (m7) {
    m7_options.reference = kernels_name != "optimized";
    m7_options.optimized = kernels_name != "reference";
    m7_options.interpreter = options;
    m7_options.timeout_s = static_cast<double>(timeout_s);
    if (!run_folders_on_m7(dirs, m7_options, &m7_results, &error)) {
      std::fprintf(stderr, "tinyinfer check: %s\n", error.c_str());
      return 1;
    }
  }
  std::vector<CheckLine> lines;
  for (std::size_t f = 0; f < dirs.size(); ++f) {
    for (KernelChoice kernels : kernel_sets) {
      CheckLine line;
      line.folder = dirs[f];
      line.kernels = kernels;
      line.on_m7 = m7;
      line.result = m7 ? m7_results[f][kernels == KernelChoice::kReference ? 0 : 1]
                       : golden::run_folder(dirs[f], kernels, options);
      if (!expected.empty()) line.expected = golden::find_expected_failure(expected, dirs[f]);
      judge(&line);
      if (!json) print_line(line);
      lines.push_back(std::move(line));
    }
  }
  int passed = 0, failed = 0, expected_failures = 0;
  for (const CheckLine& line : lines) {
    if (!line.ok) {
      ++failed;
    } else if (line.expected != nullptr) {
      ++expected_failures;
    } else {
      ++passed;
    }
  }
  if (json) {
    Json doc;
    doc["folders"] = Json::array();
    for (const CheckLine& line : lines) doc["folders"].push_back(line_json(line));
    doc["passed"] = passed;
    doc["failed"] = failed;
    doc["expected_failures"] = expected_failures;
    print_json(doc);
  } else if (expected_path.empty()) {
    std::printf("%d passed, %d failed\n", passed, failed);
  } else {
    std::printf("%d passed, %d failed, %d expected failures (%s)\n", passed, failed, expected_failures,
                expected_path.c_str());
  }
  return failed == 0 ? 0 : 1;
}

}  // namespace tinyinfer::cli
