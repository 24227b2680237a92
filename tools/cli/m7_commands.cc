// `tinyinfer m7 FIRMWARE.elf ...`: boot one firmware in QEMU and drive its shell.
// `tinyinfer study --firmware-dir DIR ...`: the study's four configurations
// {uncompressed, compressed} x {reference, optimized} on the emulated
// Cortex-M7, side by side per layer, plus the host engine on the same four.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli_args.h"
#include "commands.h"
#include "image_input.h"
#include "m7_runner.h"
#include "model_file.h"
#include "report_format.h"
#include "tinyinfer/profiler.h"

namespace tinyinfer::cli {
namespace {

namespace fs = std::filesystem;
using m7::BannerInfo;
using m7::InferenceResult;
using m7::ModelDetails;

constexpr const char* kM7Usage =
    "usage: tinyinfer m7 FIRMWARE.elf [--keys KEYS] [--json] [--timeout S]\n"
    "  Boots the firmware in QEMU (mps2-an500, Cortex-M7, -icount shift=0), sends each\n"
    "  key of KEYS (default \"12\") to its shell, waits for the prompt after each, and\n"
    "  prints the parsed replies: 1 = model details, 2 = per-layer counts of an inference\n"
    "  on the built-in 8. Counts are QEMU instructions (not cycles).\n"
    "  --json       machine-readable output\n"
    "  --timeout S  seconds allowed per command (default 120); QEMU is killed after it\n"
    "  QEMU binary: qemu-system-arm on PATH, or $TINYINFER_QEMU\n";

constexpr const char* kStudyUsage =
    "usage: tinyinfer study --firmware-dir DIR [--json FILE] [--host-runs N]\n"
    "                       [--models-dir DIR] [--models A,B] [--digit FILE] [--timeout S]\n"
    "  Runs the four firmware builds tinyinfer-qemu-mps2-an500-{A,B}-{reference,optimized}.elf\n"
    "  found under DIR in QEMU (A,B default uncompressed,compressed: the study's models),\n"
    "  and the host engine on the same four, and prints the study's table per layer and in total.\n"
    "  --json FILE       also write all results as JSON\n"
    "  --host-runs N     host invokes per configuration, medians reported (default 51)\n"
    "  --models-dir DIR  the models' .tflite files, <label>.tflite or mnist_<label>.tflite\n"
    "                    (default ../shared/models)\n"
    "  --models A,B      the float and the compressed model's firmware labels\n"
    "  --digit FILE      the host input image (default models/digit_8.pgm)\n"
    "  --timeout S       seconds allowed per firmware command (default 120)\n";

// ---- m7 -----------------------------------------------------------------------

struct KeyReply {
  char key;
  std::string text;
};

struct FirmwareRun {
  std::string firmware;
  BannerInfo banner;
  bool has_details = false;
  ModelDetails details;
  bool has_inference = false;
  InferenceResult inference;
  std::vector<KeyReply> replies;  // keys other than 1 and 2
};

std::string key_name(char key) {
  if (key >= 0x20 && key < 0x7F) return std::string(1, key);
  char text[8];
  std::snprintf(text, sizeof(text), "0x%02x", static_cast<unsigned char>(key));
  return text;
}

bool run_firmware(const std::string& elf, const std::string& keys, double timeout_s, FirmwareRun* run,
                  std::string* error) {
  m7::QemuOptions options;
  options.command_timeout_s = timeout_s;
  m7::QemuSession session;
  run->firmware = elf;
  if (!session.start(elf, options, error)) return false;
  if (!m7::parse_banner(session.banner(), &run->banner, error)) return false;
  for (char key : keys) {
    std::string reply;
    if (!session.command(std::string(1, key), &reply, error)) {
      *error = "key '" + key_name(key) + "': " + *error;
      return false;
    }
    if (key == '1') {
      if (!m7::parse_model_details(reply, &run->details, error)) return false;
      run->has_details = true;
    } else if (key == '2') {
      if (!m7::parse_inference(reply, &run->inference, error)) return false;
      run->has_inference = true;
    } else {
      run->replies.push_back({key, reply});
    }
  }
  session.stop();
  return true;
}

// The unit as printed in reports: QEMU's "instructions" are not cycles.
std::string unit_label(const std::string& unit) { return unit == "instructions" ? "QEMU instructions" : unit; }

void print_run_text(const FirmwareRun& run) {
  const BannerInfo& b = run.banner;
  std::printf("Firmware: %s\n", run.firmware.c_str());
  std::printf("Board: %s   model: %s (%s, %s bytes)   kernels: %s   counter: %s\n", b.board.c_str(), b.model.c_str(),
              b.model_file.c_str(), with_commas(b.model_bytes).c_str(), b.kernels.c_str(), b.counter_unit.c_str());
  if (!b.error.empty()) std::printf("%s\n", b.error.c_str());
  if (run.has_details) {
    const ModelDetails& d = run.details;
    std::printf("\nModel input:  %s %s\nModel output: %s %s\n", m7::dims_text(d.input.dims).c_str(),
                d.input.type.c_str(), m7::dims_text(d.output.dims).c_str(), d.output.type.c_str());
    std::printf("Ops: %lld   kernels: %s   arena: %s of %s bytes used\n", static_cast<long long>(d.op_count),
                d.kernels.c_str(), with_commas(d.arena_used).c_str(), with_commas(d.arena_size).c_str());
  }
  if (run.has_inference) {
    const InferenceResult& r = run.inference;
    std::printf("\n  #  %-20s %16s  %6s\n", "layer", unit_label(r.unit).c_str(), "share");
    for (std::size_t i = 0; i < r.layers.size(); ++i) {
      const double share = r.total > 0 ? 100.0 * static_cast<double>(r.layers[i].count) / r.total : 0.0;
      std::printf("%3zu  %-20s %16s  %5.1f%%\n", i, r.layers[i].op.c_str(),
                  with_commas(static_cast<int64_t>(r.layers[i].count)).c_str(), share);
    }
    std::printf("     %-20s %16s\n", "total", with_commas(static_cast<int64_t>(r.total)).c_str());
    std::printf("\nOutputs:");
    for (std::size_t i = 0; i < r.outputs.size(); ++i) std::printf(" %zu:%.6f", i, r.outputs[i]);
    std::printf("\nPredicted: %d\n", r.predicted);
  }
  for (const KeyReply& reply : run.replies)
    std::printf("\n[key %s]\n%s", key_name(reply.key).c_str(), reply.text.c_str());
}

void json_inference(JsonWriter& json, const InferenceResult& r) {
  json.begin_object("inference");
  json.field("unit", r.unit);
  json.begin_array("layers");
  for (const m7::LayerRecord& layer : r.layers) {
    json.begin_object();
    json.field("op", layer.op);
    json.field("count", layer.count);
    json.end_object();
  }
  json.end_array();
  json.field("total", r.total);
  json.begin_array("outputs");
  for (double v : r.outputs) json.element(v);
  json.end_array();
  json.field("predicted", r.predicted);
  json.end_object();
}

void json_run_fields(JsonWriter& json, const FirmwareRun& run) {
  json.field("firmware", run.firmware);
  json.begin_array("qemu_command");
  for (const std::string& arg : m7::qemu_command(run.firmware, m7::QemuOptions())) json.element(arg);
  json.end_array();
  const BannerInfo& b = run.banner;
  json.begin_object("banner");
  json.field("board", b.board);
  json.field("model", b.model);
  json.field("model_file", b.model_file);
  json.field("model_bytes", b.model_bytes);
  json.field("kernels", b.kernels);
  json.field("counter_unit", b.counter_unit);
  json.field("arena_used", b.arena_used);
  json.field("arena_size", b.arena_size);
  if (!b.error.empty()) json.field("error", b.error);
  json.end_object();
  if (run.has_details) {
    const ModelDetails& d = run.details;
    json.begin_object("model_details");
    for (int which = 0; which < 2; ++which) {
      const m7::TensorDetails& t = which == 0 ? d.input : d.output;
      json.begin_object(which == 0 ? "input" : "output");
      json.begin_array("dims");
      for (int64_t dim : t.dims) json.element(dim);
      json.end_array();
      json.field("type", t.type);
      json.end_object();
    }
    json.field("op_count", d.op_count);
    json.field("kernels", d.kernels);
    json.field("arena_used", d.arena_used);
    json.field("arena_size", d.arena_size);
    json.field("counter_unit", d.counter_unit);
    json.end_object();
  }
  if (run.has_inference) json_inference(json, run.inference);
  if (!run.replies.empty()) {
    json.begin_array("replies");
    for (const KeyReply& reply : run.replies) {
      json.begin_object();
      json.field("key", key_name(reply.key));
      json.field("text", reply.text);
      json.end_object();
    }
    json.end_array();
  }
}

bool parse_timeout(const Args& args, double* timeout_s, std::string* error) {
  *timeout_s = 120.0;
  if (const char* text = args.value("--timeout")) {
    int64_t seconds = 0;
    if (!parse_int_in_range("--timeout", text, 1, 86400, &seconds, error)) return false;
    *timeout_s = static_cast<double>(seconds);
  }
  return true;
}

// ---- study --------------------------------------------------------------------

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
  const std::string command = "arm-none-eabi-size --format=berkeley '" + elf + "' 2>/dev/null";
  if (elf.find('\'') != std::string::npos) return size;
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return size;
  char line[512];
  long long text = 0, data = 0, bss = 0;
  if (std::fgets(line, sizeof(line), pipe) != nullptr && std::fgets(line, sizeof(line), pipe) != nullptr &&
      std::sscanf(line, "%lld %lld %lld", &text, &data, &bss) == 3) {
    size = {true, text, data, bss};
  }
  pclose(pipe);
  return size;
}

uint64_t host_now_ns() {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

struct HostResult {
  bool ok = false;
  std::string error;
  std::vector<std::string> ops;
  std::vector<double> op_median_ns;
  double total_median_ns = 0.0;  // median of per-invoke sums of the layers
  int predicted = -1;
  int runs = 0;
};

HostResult run_host(const std::string& model_path, const char* kernels_name, const std::string& digit, int runs) {
  HostResult result;
  auto opened = std::make_unique<OpenedModel>();
  KernelChoice kernels = KernelChoice::kReference;
  parse_kernel_choice(kernels_name, &kernels);
  if (!load_model_file(model_path, opened.get(), &result.error) ||
      !init_interpreter(opened.get(), kernels, &result.error)) {
    return result;
  }
  Interpreter& interpreter = opened->interpreter;
  Tensor* input = interpreter.input(0);
  std::string description;
  if (!load_input_file(digit, *input, input->data, &description, &result.error)) return result;

  const int32_t ops = interpreter.op_count();
  std::vector<std::vector<double>> per_op(static_cast<std::size_t>(ops));
  std::vector<double> totals;
  OpTimeTable profile(&host_now_ns, "ns");
  // invoke() consumes its input, so every run starts from this copy.
  const std::vector<uint8_t> saved(static_cast<const uint8_t*>(input->data),
                                   static_cast<const uint8_t*>(input->data) + input->bytes);
  for (int run = -1; run < runs; ++run) {  // run -1 warms caches, not recorded
    std::memcpy(input->data, saved.data(), saved.size());
    profile.reset();
    const Status status = interpreter.invoke(&profile);
    if (!status.is_ok()) {
      result.error = status.message();
      return result;
    }
    if (run < 0) continue;
    for (int32_t i = 0; i < ops && i < profile.count(); ++i)
      per_op[static_cast<std::size_t>(i)].push_back(static_cast<double>(profile.elapsed(i)));
    totals.push_back(static_cast<double>(profile.total()));
  }
  for (int32_t i = 0; i < ops; ++i) {
    result.ops.push_back(interpreter.op_name(i));
    result.op_median_ns.push_back(median(per_op[static_cast<std::size_t>(i)]));
  }
  result.total_median_ns = median(totals);
  const Tensor* output = interpreter.output(0);
  if (output->type == DataType::kFloat32) {
    const float* v = output->data_as<const float>();
    const int64_t n = output->shape.elements();
    result.predicted = static_cast<int>(std::max_element(v, v + n) - v);
  }
  result.runs = runs;
  result.ok = true;
  return result;
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

}  // namespace

int cmd_m7_shell(int argc, char** argv) {
  Args args;
  if (!args.parse(argc, argv, 2, {{"--keys", true}, {"--json", false}, {"--timeout", true}, {"--help", false}})) {
    std::fprintf(stderr, "tinyinfer m7: %s\n%s", args.error().c_str(), kM7Usage);
    return 2;
  }
  if (args.has("--help")) {
    std::fputs(kM7Usage, stdout);
    return 0;
  }
  if (args.positional().size() != 1) {
    std::fputs(kM7Usage, stderr);
    return 2;
  }
  std::string error;
  double timeout_s = 0;
  if (!parse_timeout(args, &timeout_s, &error)) {
    std::fprintf(stderr, "tinyinfer m7: %s\n", error.c_str());
    return 2;
  }
  const std::string keys = args.value("--keys") != nullptr ? args.value("--keys") : "12";
  if (keys.empty() || keys.size() > 256) {
    std::fprintf(stderr, "tinyinfer m7: --keys needs 1..256 keys\n");
    return 2;
  }
  FirmwareRun run;
  if (!run_firmware(args.positional()[0], keys, timeout_s, &run, &error)) {
    std::fprintf(stderr, "tinyinfer m7: %s\n", error.c_str());
    return 1;
  }
  if (args.has("--json")) {
    JsonWriter json(stdout);
    json.begin_object();
    json_run_fields(json, run);
    json.end_object();
    json.finish();
  } else {
    print_run_text(run);
  }
  return 0;
}

int cmd_study(int argc, char** argv) {
  Args args;
  if (!args.parse(argc, argv, 2,
                  {{"--firmware-dir", true},
                   {"--json", true},
                   {"--host-runs", true},
                   {"--models-dir", true},
                   {"--digit", true},
                   {"--timeout", true},
                   {"--models", true},
                   {"--help", false}})) {
    std::fprintf(stderr, "tinyinfer study: %s\n%s", args.error().c_str(), kStudyUsage);
    return 2;
  }
  if (args.has("--help")) {
    std::fputs(kStudyUsage, stdout);
    return 0;
  }
  if (args.value("--firmware-dir") == nullptr || !args.positional().empty()) {
    std::fputs(kStudyUsage, stderr);
    return 2;
  }
  std::string error;
  double timeout_s = 0;
  int64_t host_runs = 51;
  if (!parse_timeout(args, &timeout_s, &error) ||
      (args.value("--host-runs") != nullptr &&
       !parse_int_in_range("--host-runs", args.value("--host-runs"), 1, 100000, &host_runs, &error))) {
    std::fprintf(stderr, "tinyinfer study: %s\n", error.c_str());
    return 2;
  }
  std::string model_list = args.value("--models") != nullptr ? args.value("--models") : "uncompressed,compressed";
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
  const std::string firmware_dir = args.value("--firmware-dir");
  const std::string models_dir = args.value("--models-dir") != nullptr
                                     ? args.value("--models-dir")
                                     : std::string(TINYINFER_SOURCE_DIR) + "/../shared/models";
  const std::string digit = args.value("--digit") != nullptr
                                ? args.value("--digit")
                                : std::string(TINYINFER_SOURCE_DIR) + "/models/digit_8.pgm";

  // Emulated Cortex-M7 runs.
  std::vector<FirmwareRun> runs(kConfigCount);
  std::vector<ElfSize> sizes(kConfigCount);
  std::vector<int64_t> model_bytes(kConfigCount);  // the embedded model's file, for flash without it
  bool failed = false;
  for (int i = 0; i < kConfigCount; ++i) {
    const std::string name = firmware_file_name(study_configs[i]);
    const std::string elf = find_firmware(firmware_dir, study_configs[i]);
    if (elf.empty()) {
      std::fprintf(stderr, "tinyinfer study: %s not found under %s (build it: tools/run_study.sh)\n", name.c_str(),
                   firmware_dir.c_str());
      return 1;
    }
    std::fprintf(stderr, "study: QEMU %s ...\n", name.c_str());
    if (!run_firmware(elf, "12", timeout_s, &runs[i], &error)) {
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
  print_table(("Emulated Cortex-M7 (QEMU mps2-an500, -icount shift=0): " + unit_label(unit) +
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
      unit_label(unit).c_str());
  std::printf(
      "- total = sum of the layers. Host: wall-clock microseconds on this machine, median per\n"
      "  layer and median of the per-run totals (so the total need not equal the column sum).\n");
  if (failed) std::printf("- WARNING: a configuration did not predict 8.\n");

  if (const char* json_path = args.value("--json")) {
    std::FILE* out = std::fopen(json_path, "w");
    if (out == nullptr) {
      std::fprintf(stderr, "tinyinfer study: cannot write %s: %s\n", json_path, std::strerror(errno));
      return 1;
    }
    JsonWriter json(out);
    json.begin_object();
    json.field("unit", unit);
    json.field("unit_meaning", "QEMU guest instructions (-icount shift=0), not cycles");
    json.begin_array("configurations");
    for (int i = 0; i < kConfigCount; ++i) {
      json.begin_object();
      json.field("model", study_configs[i].model);
      json.field("kernels", study_configs[i].kernels);
      json.begin_object("m7");
      json_run_fields(json, runs[i]);
      if (sizes[i].known) {
        json.begin_object("size");
        json.field("text", sizes[i].text);
        json.field("data", sizes[i].data);
        json.field("bss", sizes[i].bss);
        json.field("model_bytes", model_bytes[i]);
        json.end_object();
      }
      json.end_object();
      json.begin_object("host");
      json.field("ok", host[i].ok);
      if (!host[i].ok) json.field("error", host[i].error);
      json.field("unit", "ns");
      json.field("runs", host[i].runs);
      json.begin_array("layers");
      for (std::size_t k = 0; k < host[i].ops.size(); ++k) {
        json.begin_object();
        json.field("op", host[i].ops[k]);
        json.field("median_ns", host[i].op_median_ns[k]);
        json.end_object();
      }
      json.end_array();
      json.field("total_median_ns", host[i].total_median_ns);
      json.field("predicted", host[i].predicted);
      json.end_object();
      json.end_object();
    }
    json.end_array();
    json.end_object();
    json.finish();
    std::fclose(out);
    std::printf("\nJSON: %s\n", json_path);
  }
  return failed ? 1 : 0;
}

}  // namespace tinyinfer::cli
