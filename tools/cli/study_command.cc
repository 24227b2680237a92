// `tinyinfer study --firmware-dir DIR ...`: the study's four configurations
// {uncompressed, compressed} x {reference, optimized} on the emulated
// Cortex-M7, side by side per layer, plus the host engine on the same four.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli_app.h"
#include "cli_options.h"
#include "commands.h"
#include "json_output.h"
#include "m7_firmware_run.h"
#include "report_format.h"
#include "study_host.h"
#include "subprocess.h"

namespace tinyinfer::cli {
namespace {

namespace fs = std::filesystem;
using m7::FirmwareRun;
using m7::InferenceResult;

struct StudyConfig {
  std::string model;    // firmware model label: "uncompressed", "compressed", "mnist_float", ...
  const char* kernels;  // "reference" | "optimized"
};
// The study's two models by default; --models names another pair (the
// project's own, on a clone without ../shared). Set once in cmd_study.
std::vector<StudyConfig> study_configs;
constexpr int kConfigCount = 4;

// A model label's .tflite under DIR: DIR/<label>.tflite, else DIR/mnist_<label>.tflite.
std::string study_model_file(const std::string& dir, const std::string& label) {
  std::error_code ec;
  const std::string plain = dir + "/" + label + ".tflite";
  return fs::is_regular_file(plain, ec) ? plain : dir + "/mnist_" + label + ".tflite";
}

std::string firmware_file_name(const StudyConfig& c) {
  return std::string("tinyinfer-qemu-mps2-an500-") + c.model + "-" + c.kernels + ".elf";
}

// Finds a configuration's ELF: DIR/NAME, then DIR/m7-<model>-<kernels>/firmware/NAME
// (the layout of tools/run_study.sh), then anywhere under DIR.
std::string find_firmware(const std::string& dir, const StudyConfig& config) {
  const std::string name = firmware_file_name(config);
  std::error_code ec;
  for (const fs::path& candidate :
       {fs::path(dir) / name, fs::path(dir) / ("m7-" + config.model + "-" + config.kernels) / "firmware" / name}) {
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  }
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->path().filename() == name && it->is_regular_file(ec)) return it->path().string();
  }
  return "";
}

// Bytes of a file, or -1.
int64_t file_bytes(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return -1;
  const int64_t bytes = std::fseek(f, 0, SEEK_END) == 0 ? static_cast<int64_t>(std::ftell(f)) : -1;
  std::fclose(f);
  return bytes;
}

// Size report of an ELF via arm-none-eabi-size (when installed).
struct ElfSize {
  bool known = false;
  int64_t text = 0, data = 0, bss = 0;
};
ElfSize elf_size(const std::string& elf) {
  ElfSize size;
  ProcessResult result;
  std::string error;
  if (!run_process({"arm-none-eabi-size", "--format=berkeley", elf}, 30.0, &result, &error) || result.exit_code != 0)
    return size;
  // A header line, then "text data bss dec hex filename".
  const std::size_t line = result.out.find('\n');
  long long text = 0, data = 0, bss = 0;
  if (line != std::string::npos &&
      std::sscanf(result.out.c_str() + line + 1, "%lld %lld %lld", &text, &data, &bss) == 3)
    size = {true, text, data, bss};
  return size;
}

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof(text), "%.*f", decimals, value);
  return text;
}

// Prints one side-by-side table: a row per layer index, a column per config.
void print_table(const char* title, const std::vector<std::vector<std::string>>& op_names,
                 const std::vector<std::vector<std::string>>& cells, const std::vector<std::string>& totals,
                 const std::vector<std::string>& extra_names, const std::vector<std::vector<std::string>>& extra_rows) {
  std::printf("\n%s\n\n", title);
  std::printf("%-24s", "layer");
  for (const StudyConfig& c : study_configs) std::printf(" %14s", c.model.c_str());
  std::printf("\n%-24s", "");
  for (const StudyConfig& c : study_configs) std::printf(" %14s", c.kernels);
  std::printf("\n");
  std::size_t rows = 0;
  for (const auto& column : cells) rows = std::max(rows, column.size());
  for (std::size_t row = 0; row < rows; ++row) {
    // Name the layer by the first configuration that has it; mark rows
    // where the configurations disagree on the op.
    std::string name;
    bool same = true;
    for (const auto& names : op_names) {
      if (row >= names.size()) continue;
      if (name.empty())
        name = names[row];
      else if (names[row] != name)
        same = false;
    }
    std::string label = std::to_string(row) + " " + name + (same ? "" : " (*)");
    std::printf("%-24s", label.c_str());
    for (const auto& column : cells) std::printf(" %14s", row < column.size() ? column[row].c_str() : "-");
    std::printf("\n");
  }
  std::printf("%-24s", "total");
  for (const std::string& t : totals) std::printf(" %14s", t.c_str());
  std::printf("\n");
  for (std::size_t e = 0; e < extra_names.size(); ++e) {
    std::printf("%-24s", extra_names[e].c_str());
    for (const std::string& v : extra_rows[e]) std::printf(" %14s", v.c_str());
    std::printf("\n");
  }
}

// The --json FILE document: every configuration's M7 run, sizes and host run.
Json study_json(const std::string& unit, const std::vector<FirmwareRun>& runs, const std::vector<ElfSize>& sizes,
                const std::vector<int64_t>& model_bytes, const std::vector<HostResult>& host) {
  Json configurations = Json::array();
  for (int i = 0; i < kConfigCount; ++i) {
    Json m7_json = Json::object();
    m7::add_run_json(runs[i], &m7_json);
    if (sizes[i].known)
      m7_json["size"] = {
          {"text", sizes[i].text}, {"data", sizes[i].data}, {"bss", sizes[i].bss}, {"model_bytes", model_bytes[i]}};
    Json host_json = {{"ok", host[i].ok}};
    if (!host[i].ok) host_json["error"] = host[i].error;
    Json layers = Json::array();
    for (std::size_t k = 0; k < host[i].ops.size(); ++k)
      layers.push_back({{"op", host[i].ops[k]}, {"median_ns", json_real(host[i].op_median_ns[k])}});
    host_json["unit"] = "ns";
    host_json["runs"] = host[i].runs;
    host_json["layers"] = layers;
    host_json["total_median_ns"] = json_real(host[i].total_median_ns);
    host_json["predicted"] = host[i].predicted;
    configurations.push_back({{"model", study_configs[i].model},
                              {"kernels", study_configs[i].kernels},
                              {"m7", m7_json},
                              {"host", host_json}});
  }
  return {{"unit", unit},
          {"unit_meaning", "QEMU guest instructions (-icount shift=0), not cycles"},
          {"configurations", configurations}};
}

}  // namespace

int cmd_study(int argc, char** argv) {
  CLI::App app{
      "Runs the four firmware builds tinyinfer-qemu-mps2-an500-{A,B}-{reference,optimized}.elf\n"
      "found under --firmware-dir in QEMU (A,B default uncompressed,compressed: the study's\n"
      "models), and the host engine on the same four, and prints the study's table per layer\n"
      "and in total.",
      "tinyinfer study"};
  std::string firmware_dir, json_path, model_list = "uncompressed,compressed";
  std::string models_dir = std::string(TINYINFER_SOURCE_DIR) + "/../shared/models";
  std::string digit = std::string(TINYINFER_SOURCE_DIR) + "/models/digit_8.pgm";
  int64_t host_runs = 51, timeout_s = 120;
  app.add_option("--firmware-dir", firmware_dir, "where the four firmware ELFs are (searched recursively)")->required();
  app.add_option("--json", json_path, "also write all results as JSON to this file");
  app.add_option("--host-runs", host_runs, "host invokes per configuration, medians reported")
      ->check(integer_in_range(1, 100000))
      ->capture_default_str();
  app.add_option("--models-dir", models_dir, "the models' .tflite files, <label>.tflite or mnist_<label>.tflite")
      ->capture_default_str();
  app.add_option("--models", model_list, "the float and the compressed model's firmware labels, FLOAT,COMPRESSED")
      ->capture_default_str();
  app.add_option("--digit", digit, "the host input image")->capture_default_str();
  app.add_option("--timeout", timeout_s, "seconds allowed per firmware command")
      ->check(integer_in_range(1, 86400))
      ->capture_default_str();
  if (int code = parse_command_line(app, argc, argv); code >= 0) return code;
  const std::size_t comma = model_list.find(',');
  if (comma == std::string::npos || comma == 0 || comma + 1 == model_list.size() ||
      model_list.find(',', comma + 1) != std::string::npos) {
    std::fprintf(stderr, "tinyinfer study: --models %s: expected two model labels, FLOAT,COMPRESSED\n",
                 model_list.c_str());
    return 2;
  }
  study_configs.clear();
  for (const std::string& model : {model_list.substr(0, comma), model_list.substr(comma + 1)})
    for (const char* kernels : {"reference", "optimized"}) study_configs.push_back({model, kernels});

  // Emulated Cortex-M7 runs.
  std::vector<FirmwareRun> runs(kConfigCount);
  std::vector<ElfSize> sizes(kConfigCount);
  std::vector<int64_t> model_bytes(kConfigCount);  // the embedded model's file, for flash without it
  bool failed = false;
  std::string error;
  for (int i = 0; i < kConfigCount; ++i) {
    const std::string name = firmware_file_name(study_configs[i]);
    const std::string elf = find_firmware(firmware_dir, study_configs[i]);
    if (elf.empty()) {
      std::fprintf(stderr, "tinyinfer study: %s not found under %s (build it: tools/run_study.sh)\n", name.c_str(),
                   firmware_dir.c_str());
      return 1;
    }
    std::fprintf(stderr, "study: QEMU %s ...\n", name.c_str());
    if (!m7::run_firmware(elf, "12", static_cast<double>(timeout_s), &runs[i], &error)) {
      std::fprintf(stderr, "tinyinfer study: %s: %s\n", name.c_str(), error.c_str());
      return 1;
    }
    sizes[i] = elf_size(elf);
    model_bytes[i] = file_bytes(study_model_file(models_dir, study_configs[i].model));
  }

  // Host runs of the same four.
  std::vector<HostResult> host(kConfigCount);
  for (int i = 0; i < kConfigCount; ++i) {
    const std::string model = study_model_file(models_dir, study_configs[i].model);
    std::fprintf(stderr, "study: host %s %s (%lld runs) ...\n", study_configs[i].model.c_str(),
                 study_configs[i].kernels, static_cast<long long>(host_runs));
    host[i] = run_host(model, study_configs[i].kernels, digit, static_cast<int>(host_runs));
    if (!host[i].ok) std::fprintf(stderr, "study: host %s: %s\n", model.c_str(), host[i].error.c_str());
  }

  // ---- the M7 table ----
  std::vector<std::vector<std::string>> names(kConfigCount), cells(kConfigCount);
  std::vector<std::string> totals, predicted, arena, flash, code, ram;
  for (int i = 0; i < kConfigCount; ++i) {
    const InferenceResult& r = runs[i].inference;
    for (const m7::LayerRecord& layer : r.layers) {
      names[i].push_back(layer.op);
      cells[i].push_back(with_commas(static_cast<int64_t>(layer.count)));
    }
    totals.push_back(with_commas(static_cast<int64_t>(r.total)));
    const int cls = r.predicted;
    predicted.push_back(std::to_string(cls) + " (" +
                        (cls >= 0 && cls < static_cast<int>(r.outputs.size()) ? fixed(r.outputs[cls], 4) : "?") + ")");
    arena.push_back(with_commas(runs[i].details.arena_used));
    flash.push_back(sizes[i].known ? with_commas(sizes[i].text + sizes[i].data) : "?");
    // What the engine, app and board cost: flash minus the embedded model.
    code.push_back(sizes[i].known && model_bytes[i] > 0 ? with_commas(sizes[i].text + sizes[i].data - model_bytes[i])
                                                        : "?");
    ram.push_back(sizes[i].known ? with_commas(sizes[i].data + sizes[i].bss) : "?");
    if (cls != 8) failed = true;
  }
  const std::string unit = runs[0].inference.unit;
  print_table(("Emulated Cortex-M7 (QEMU mps2-an500, -icount shift=0): " + m7::unit_label(unit) +
               " per layer, built-in handwritten 8")
                  .c_str(),
              names, cells, totals,
              {"predicted (p)", "arena bytes used", "flash bytes (text+data)", "flash without the model",
               "RAM bytes (data+bss)"},
              {predicted, arena, flash, code, ram});

  // ---- the host table ----
  std::vector<std::vector<std::string>> host_names(kConfigCount), host_cells(kConfigCount);
  std::vector<std::string> host_totals, host_predicted;
  for (int i = 0; i < kConfigCount; ++i) {
    host_names[i] = host[i].ops;
    for (double ns : host[i].op_median_ns) host_cells[i].push_back(fixed(ns / 1000.0, 1));
    host_totals.push_back(host[i].ok ? fixed(host[i].total_median_ns / 1000.0, 1) : "failed");
    host_predicted.push_back(host[i].ok ? std::to_string(host[i].predicted) : "-");
  }
  print_table(("Host (this machine, in-process engine): microseconds per layer, median of " +
               std::to_string(host_runs) + " runs")
                  .c_str(),
              host_names, host_cells, host_totals, {"predicted"}, {host_predicted});

  // ---- what the numbers mean ----
  std::printf("\nNotes\n");
  for (int m = 0; m < kConfigCount; m += 2) {
    const InferenceResult& ref = runs[m].inference;
    const InferenceResult& opt = runs[m + 1].inference;
    bool same = ref.total == opt.total && ref.layers.size() == opt.layers.size();
    for (std::size_t k = 0; same && k < ref.layers.size(); ++k) same = ref.layers[k].count == opt.layers[k].count;
    if (same) {
      std::printf(
          "- %s model: optimized == reference (identical instruction counts in every layer): "
          "the optimized kernels do not exist yet, so both kernel sets run the same code.\n",
          study_configs[m].model.c_str());
    } else {
      const double ratio = ref.total > 0 ? static_cast<double>(opt.total) / ref.total : 0.0;
      std::printf("- %s model: optimized runs %.3fx the reference instructions (%.1fx fewer).\n",
                  study_configs[m].model.c_str(), ratio, ratio > 0 ? 1.0 / ratio : 0.0);
    }
  }
  std::printf(
      "- %s: guest instructions QEMU executed (-icount shift=0: 1 instruction = 1 ns of virtual\n"
      "  time; the firmware reads SysTick at the 25 MHz core clock, 1 tick = 40 instructions).\n"
      "  They are not Cortex-M7 cycles: dual issue, caches, TCM and flash wait states change the\n"
      "  cycle count on silicon. None of these numbers were measured on hardware.\n",
      m7::unit_label(unit).c_str());
  std::printf(
      "- total = sum of the layers. Host: wall-clock microseconds on this machine, median per\n"
      "  layer and median of the per-run totals (so the total need not equal the column sum).\n");
  if (failed) std::printf("- WARNING: a configuration did not predict 8.\n");

  if (!json_path.empty()) {
    std::FILE* out = std::fopen(json_path.c_str(), "w");
    if (out == nullptr) {
      std::fprintf(stderr, "tinyinfer study: cannot write %s: %s\n", json_path.c_str(), std::strerror(errno));
      return 1;
    }
    print_json(study_json(unit, runs, sizes, model_bytes, host), out);
    std::fclose(out);
    std::printf("\nJSON: %s\n", json_path.c_str());
  }
  return failed ? 1 : 0;
}

}  // namespace tinyinfer::cli
