// `tinyinfer run MODEL [--input [NAME|INDEX=]FILE ...] [--output FILE]
//                      [--output-dir DIR] [--repeat N] [--reset-state]
//                      [--kernels reference|optimized] [--fuse] [--json]`
// Runs a model on the host and prints its outputs, the top class and the
// per-layer time table in the study's style ("CONV_2D: 25.56 msec").
// Stateful models (LSTM, SVDF) carry their state from one --repeat invoke to
// the next, like a stream; --reset-state starts every invoke from zero state.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_app.h"
#include "cli_options.h"
#include "commands.h"
#include "image_input.h"
#include "json_output.h"
#include "model_file.h"
#include "report_format.h"
#include "run_inputs.h"
#include "tinyinfer/profiler.h"

namespace tinyinfer::cli {
namespace {

constexpr int64_t kMaxRepeat = 10000;

uint64_t host_now_ns() {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

// Host profiler: steady_clock nanoseconds per op, kept for every invoke so
// medians can be taken (OpTimeTable keeps only the last one).
class SampleProfiler : public Profiler {
 public:
  explicit SampleProfiler(int32_t op_count) : current_(static_cast<std::size_t>(op_count), 0) {}
  const char* unit() const override { return "ns"; }
  uint64_t now() override { return host_now_ns(); }
  void record(int32_t op_index, const char*, uint64_t elapsed) override {
    if (op_index >= 0 && static_cast<std::size_t>(op_index) < current_.size()) {
      current_[op_index] = elapsed;
    }
  }
  void begin_invoke() { std::fill(current_.begin(), current_.end(), 0); }
  void end_invoke() { samples_.push_back(current_); }
  // Median over invokes of op i.
  double median(int32_t op_index) const {
    std::vector<double> v;
    for (const auto& s : samples_) v.push_back(static_cast<double>(s[op_index]));
    return median_of(v);
  }
  static double median_of(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  }

 private:
  std::vector<uint64_t> current_;
  std::vector<std::vector<uint64_t>> samples_;
};

// Element i of a tensor as a real number (dequantized when quantized).
bool element_value(const Tensor& t, int64_t i, double* raw, double* real) {
  switch (t.type) {
    case DataType::kFloat32:
      *raw = t.data_as<const float>()[i];
      break;
    case DataType::kInt8:
      *raw = t.data_as<const int8_t>()[i];
      break;
    case DataType::kUInt8:
      *raw = t.data_as<const uint8_t>()[i];
      break;
    case DataType::kInt16:
      *raw = t.data_as<const int16_t>()[i];
      break;
    case DataType::kInt32:
      *raw = t.data_as<const int32_t>()[i];
      break;
    default:
      return false;
  }
  *real = *raw;
  if (t.type != DataType::kFloat32 && t.quant.is_quantized()) {
    *real = static_cast<double>(t.quant.scale()) * (*raw - t.quant.zero_point());
  }
  return true;
}

struct OutputValues {
  bool printable = false;
  bool quantized = false;
  std::vector<double> raw, real;
};

OutputValues read_output(const Tensor& t) {
  OutputValues o;
  if (t.data == nullptr) return o;
  const int64_t n = t.shape.elements();
  const std::size_t elem = data_type_size(t.type);
  if (elem == 0 || n < 0 || static_cast<std::size_t>(n) * elem != t.bytes) return o;
  o.printable = true;
  o.quantized = t.type != DataType::kFloat32 && t.quant.is_quantized();
  for (int64_t i = 0; i < n; ++i) {
    double raw = 0, real = 0;
    if (!element_value(t, i, &raw, &real)) {
      o.printable = false;
      break;
    }
    o.raw.push_back(raw);
    o.real.push_back(real);
  }
  return o;
}

struct TopClass {
  bool valid = false;
  int64_t index = 0;
  double score = 0;
};

TopClass top_class(const OutputValues& o) {
  TopClass top;
  if (!o.printable || o.real.size() < 2) return top;  // a single value is not a class
  top.valid = true;
  for (std::size_t i = 0; i < o.real.size(); ++i) {
    if (o.real[i] > o.real[top.index] || std::isnan(o.real[top.index])) {
      top.index = static_cast<int64_t>(i);
    }
  }
  top.score = o.real[top.index];
  return top;
}

void print_values(const char* label, const std::vector<double>& v, bool integers) {
  constexpr std::size_t kShown = 64;
  std::printf("  %s", label);
  for (std::size_t i = 0; i < v.size() && i < kShown; ++i) {
    if (integers) {
      std::printf(" %.0f", v[i]);
    } else {
      std::printf(" %.6g", v[i]);
    }
  }
  if (v.size() > kShown) std::printf(" ... (%zu more; see --json or --output)", v.size() - kShown);
  std::printf("\n");
}

struct RunResult {
  std::vector<InputFill> inputs;
  int64_t repeat = 1;
  std::vector<double> layer_ns;  // median per op
  double total_ns = 0;           // median wall time of invoke()
  double layers_sum_ns = 0;
};

std::string msec(double ns) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.3f", ns / 1e6);
  return buf;
}

double percent(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

void print_text(OpenedModel& m, const RunResult& r, const std::string& output_file, const std::string& output_dir) {
  Interpreter& it = m.interpreter;
  std::printf("Model: %s (%s bytes), %s kernels, arena %s bytes planned\n", m.path.c_str(),
              with_commas(static_cast<int64_t>(m.model.size_bytes())).c_str(), it.kernel_set_name(),
              with_commas(static_cast<int64_t>(it.arena_used_bytes())).c_str());
  if (r.inputs.empty()) std::printf("Inputs: none (the model computes from constants)\n");
  for (const InputFill& in : r.inputs) {
    if (r.inputs.size() == 1) {
      std::printf("Input: %s\n", in.description.c_str());
    } else {
      std::printf("Input %d '%s': %s\n", in.index, in.name.c_str(), in.description.c_str());
    }
  }
  for (int32_t i = 0; i < it.output_count(); ++i) {
    const Tensor* t = it.output(i);
    if (t == nullptr) continue;
    std::printf("Output %d '%s': %s %s", i, t->name, data_type_name(t->type), shape_text(t->shape).c_str());
    const std::string q = quant_text(t->quant);
    if (!q.empty()) std::printf(" (%s)", q.c_str());
    std::printf("\n");
    const OutputValues o = read_output(*t);
    if (!o.printable) {
      std::printf("  (values of type %s are not printed)\n", data_type_name(t->type));
      continue;
    }
    if (o.quantized) {
      print_values("raw:        ", o.raw, true);
      print_values("dequantized:", o.real, false);
    } else {
      print_values("values:", o.real, t->type != DataType::kFloat32);
    }
    if (i == 0) {
      const TopClass top = top_class(o);
      if (top.valid) {
        std::printf("Top class: %lld (score %.6g)\n", static_cast<long long>(top.index), top.score);
      } else if (o.real.size() == 1) {
        std::printf("Top class: n/a (single output value %.6g)\n", o.real[0]);
      }
    }
  }
  if (!output_file.empty()) {
    std::printf("Wrote output 0 (%s bytes) to %s\n", with_commas(static_cast<int64_t>(it.output(0)->bytes)).c_str(),
                output_file.c_str());
  }
  if (!output_dir.empty()) {
    std::printf("Wrote %d output%s to %s/output_<j>.bin\n", it.output_count(), it.output_count() == 1 ? "" : "s",
                output_dir.c_str());
  }
  std::printf("\nPer-layer time (host steady_clock ns, %s%lld invoke%s):\n", r.repeat > 1 ? "median of " : "",
              static_cast<long long>(r.repeat), r.repeat > 1 ? "s" : "");
  for (int32_t i = 0; i < it.op_count(); ++i) {
    std::printf("%s: %s msec (%.1f%%)\n", it.op_name(i), msec(r.layer_ns[i]).c_str(),
                percent(r.layer_ns[i], r.layers_sum_ns));
  }
  std::printf("Done in %s msec%s\n", msec(r.total_ns).c_str(), r.repeat > 1 ? " (median invoke)" : "");
}

// Integer tensors' raw values stay integers ("-128", not "-128.0").
Json json_values(const std::vector<double>& values, bool integers) {
  Json array = Json::array();
  for (double v : values) array.push_back(integers ? Json(static_cast<int64_t>(v)) : json_real(v));
  return array;
}

void print_run_json(OpenedModel& m, const RunResult& r, const std::string& output_file, const std::string& output_dir) {
  Interpreter& it = m.interpreter;
  Json doc;
  doc["model"] = m.path;
  doc["model_bytes"] = static_cast<int64_t>(m.model.size_bytes());
  doc["kernels"] = it.kernel_set_name();
  doc["arena_bytes"] = static_cast<int64_t>(it.arena_used_bytes());
  // "input": input 0 as before multi-input models; "inputs": all of them.
  doc["input"] =
      r.inputs.empty() ? Json(nullptr) : Json{{"source", r.inputs[0].source}, {"description", r.inputs[0].description}};
  Json& inputs = doc["inputs"] = Json::array();
  for (const InputFill& in : r.inputs)
    inputs.push_back({{"index", in.index}, {"name", in.name}, {"source", in.source}, {"description", in.description}});
  Json& outputs = doc["outputs"] = Json::array();
  TopClass top;
  for (int32_t i = 0; i < it.output_count(); ++i) {
    const Tensor* t = it.output(i);
    if (t == nullptr) continue;
    const OutputValues o = read_output(*t);
    if (i == 0) top = top_class(o);
    Json entry = {{"index", i},
                  {"name", t->name},
                  {"type", data_type_name(t->type)},
                  {"shape", json_shape(t->shape)},
                  {"quantization", json_quantization(t->quant)}};
    if (o.printable) {
      entry["values"] = json_values(o.raw, t->type != DataType::kFloat32);
      if (o.quantized) entry["dequantized"] = json_values(o.real, false);
    } else {
      entry["values"] = nullptr;
    }
    outputs.push_back(std::move(entry));
  }
  doc["top"] = top.valid ? Json{{"class", top.index}, {"score", json_real(top.score)}} : Json(nullptr);
  if (!output_file.empty()) doc["output_file"] = output_file;
  if (!output_dir.empty()) doc["output_dir"] = output_dir;
  Json layers = Json::array();
  for (int32_t i = 0; i < it.op_count(); ++i)
    layers.push_back({{"index", i},
                      {"op", it.op_name(i)},
                      {"ns", json_real(r.layer_ns[i])},
                      {"msec", json_real(r.layer_ns[i] / 1e6)},
                      {"percent", json_real(percent(r.layer_ns[i], r.layers_sum_ns))},
                      {"macs", it.op_macs(i)}});
  doc["timing"] = {{"clock", "host steady_clock"},
                   {"unit", "ns"},
                   {"repeat", r.repeat},
                   {"statistic", r.repeat > 1 ? "median" : "single"},
                   {"total_ns", json_real(r.total_ns)},
                   {"total_msec", json_real(r.total_ns / 1e6)},
                   {"layers", std::move(layers)}};
  print_json(doc);
}

// DIR/output_<j>.bin for every output j, raw bytes.
bool write_outputs(Interpreter& it, const std::string& dir, std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    *error = "cannot create output directory '" + dir + "': " + ec.message();
    return false;
  }
  for (int32_t j = 0; j < it.output_count(); ++j) {
    const Tensor* out = it.output(j);
    if (out == nullptr || (out->data == nullptr && out->bytes != 0)) {
      *error = "output " + std::to_string(j) + " has no buffer";
      return false;
    }
    if (!write_file(dir + "/output_" + std::to_string(j) + ".bin", out->data, out->bytes, error)) return false;
  }
  return true;
}

}  // namespace

int cmd_run(int argc, char** argv) {
  CLI::App app{
      "Runs a model on the host and prints its outputs, the top class and the time of every layer\n"
      "(\"CONV_2D: 25.560 msec\", the study's table).",
      "tinyinfer run"};
  std::string model, output_file, output_dir, kernel_name = "reference";
  std::vector<std::string> input_specs;
  RunResult r;
  InterpreterOptions options;
  bool json = false, reset_state = false;
  app.add_option("MODEL", model, "the .tflite model")->required()->check(non_empty());
  app.add_option("--input", input_specs,
                 "[NAME|INDEX=]FILE, once per input: raw tensor bytes (exactly the input tensor's size), a\n"
                 ".npy array of its type, or a PGM/PNG image scaled to it (float: pixel/255; int8:\n"
                 "quantized). A bare FILE takes the next input. Inputs without a file are all zeros.")
      ->type_name("[NAME|INDEX=]FILE")
      ->check(non_empty());
  app.add_option("--output", output_file, "write the raw bytes of output 0")->type_name("FILE")->check(non_empty());
  app.add_option("--output-dir", output_dir, "write each output j's raw bytes to DIR/output_<j>.bin (DIR is created)")
      ->type_name("DIR")
      ->check(non_empty());
  app.add_option("--repeat", r.repeat,
                 "invoke N times (1.." + std::to_string(kMaxRepeat) + "); times are medians over the N invokes")
      ->type_name("N")
      ->transform(integer_in_range(1, kMaxRepeat));
  add_kernels_option(app, &kernel_name);
  add_memory_flags(app, &options);
  add_switch(app, "--reset-state", &reset_state,
             "stateful models (LSTM, SVDF): reset the state to zero before every invoke, so each of the\n"
             "--repeat invokes computes what a single one does (default: state carries over, as a stream)");
  add_switch(app, "--json", &json, "machine-readable output");
  if (int code = parse_command_line(app, argc, argv); code >= 0) return code;
  KernelChoice kernels = KernelChoice::kReference;
  parse_kernel_choice(kernel_name.c_str(), &kernels);  // IsMember checked the name
  std::string error;

  OpenedModel m;
  if (!load_model_file(model, &m, &error) || !init_interpreter(&m, kernels, &error, options)) {
    std::fprintf(stderr, "tinyinfer run: %s\n", error.c_str());
    return 1;
  }
  Interpreter& it = m.interpreter;
  if (!fill_inputs(input_specs, it, &r.inputs, &error)) {
    std::fprintf(stderr, "tinyinfer run: %s\n", error.c_str());
    return 1;
  }

  // invoke() consumes the inputs (their bytes are reused), so each repeat
  // starts from a saved copy, restored outside the timed region.
  std::vector<std::vector<uint8_t>> saved_inputs;
  for (int32_t k = 0; k < it.input_count(); ++k) {
    const auto* bytes = static_cast<const uint8_t*>(it.input(k)->data);
    saved_inputs.emplace_back(bytes, bytes + it.input(k)->bytes);
  }
  SampleProfiler profiler(it.op_count());
  std::vector<double> totals;
  for (int64_t k = 0; k < r.repeat; ++k) {
    for (int32_t i = 0; i < it.input_count(); ++i)
      std::memcpy(it.input(i)->data, saved_inputs[static_cast<std::size_t>(i)].data(),
                  saved_inputs[static_cast<std::size_t>(i)].size());
    if (reset_state) (void)it.reset_state();  // init succeeded, so it cannot fail
    profiler.begin_invoke();
    const uint64_t start = host_now_ns();
    const Status status = it.invoke(&profiler);
    const uint64_t end = host_now_ns();
    if (!status.is_ok()) {
      std::fprintf(stderr, "tinyinfer run: invoke failed: %s: %s\n", status_code_name(status.code()), status.message());
      return 1;
    }
    profiler.end_invoke();
    totals.push_back(static_cast<double>(end - start));
  }
  r.total_ns = SampleProfiler::median_of(totals);
  for (int32_t i = 0; i < it.op_count(); ++i) {
    r.layer_ns.push_back(profiler.median(i));
    r.layers_sum_ns += r.layer_ns.back();
  }

  if (!output_file.empty()) {
    const Tensor* out = it.output(0);
    if (out == nullptr || out->data == nullptr || !write_file(output_file, out->data, out->bytes, &error)) {
      std::fprintf(stderr, "tinyinfer run: %s\n",
                   out == nullptr || out->data == nullptr ? "output 0 has no buffer" : error.c_str());
      return 1;
    }
  }
  if (!output_dir.empty() && !write_outputs(it, output_dir, &error)) {
    std::fprintf(stderr, "tinyinfer run: %s\n", error.c_str());
    return 1;
  }
  if (json) {
    print_run_json(m, r, output_file, output_dir);
  } else {
    print_text(m, r, output_file, output_dir);
  }
  return 0;
}

}  // namespace tinyinfer::cli
