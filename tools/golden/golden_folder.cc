#include "golden_folder.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <fnmatch.h>
#include <nlohmann/json.hpp>

#include "tinyinfer/profiler.h"

namespace tinyinfer::golden {
namespace {

namespace fs = std::filesystem;

// Model bytes must stay aligned and alive as long as the Model.
class AlignedBuffer {
 public:
  AlignedBuffer() = default;
  explicit AlignedBuffer(std::size_t size) : blocks_(size / sizeof(Block) + 1), size_(size) {}
  uint8_t* data() { return blocks_.empty() ? nullptr : blocks_.front().bytes; }
  std::size_t size() const { return size_; }

 private:
  struct alignas(64) Block {
    uint8_t bytes[64];
  };
  std::vector<Block> blocks_;
  std::size_t size_ = 0;
};

bool read_whole(const fs::path& path, AlignedBuffer* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  *out = AlignedBuffer(bytes.size());
  if (!bytes.empty()) std::memcpy(out->data(), bytes.data(), bytes.size());
  return true;
}

double element_value(DataType type, const uint8_t* p) {
  switch (type) {
    case DataType::kFloat32: {
      float v;
      std::memcpy(&v, p, 4);
      return v;
    }
    case DataType::kInt8:
      return static_cast<int8_t>(*p);
    case DataType::kInt16: {
      int16_t v;
      std::memcpy(&v, p, 2);
      return v;
    }
    case DataType::kInt32: {
      int32_t v;
      std::memcpy(&v, p, 4);
      return v;
    }
    case DataType::kInt64: {
      int64_t v;
      std::memcpy(&v, p, 8);
      return static_cast<double>(v);
    }
    default:
      return *p;  // uint8, bool
  }
}

std::string element_text(DataType type, const uint8_t* p) {
  std::ostringstream text;
  if (type == DataType::kFloat32) {
    text.precision(9);
    text << element_value(type, p);
  } else {
    text << static_cast<int64_t>(element_value(type, p));
  }
  return text.str();
}

std::string describe(const Difference& d) {
  std::ostringstream out;
  out << d.differing << " differing element(s), first at element " << d.first << " (" << d.first_text
      << "), max abs diff " << d.max_abs;
  return out.str();
}

// Captures each op's first output right after it ran (the arena reuses the
// bytes later, so they must be read at that moment).
class LayerRecorder : public Profiler {
 public:
  explicit LayerRecorder(const Interpreter& interpreter) : interpreter_(interpreter) {}
  const char* unit() const override { return "calls"; }
  uint64_t now() override { return 0; }
  void record(int32_t op_index, const char* op_name, uint64_t) override {
    const OpInfo info = interpreter_.op_info(op_index);
    const Tensor& t = interpreter_.tensor(info.outputs[0]);
    Layer layer{op_name, t.type, {}};
    if (t.data != nullptr) {  // null: a fused conv's output, never stored whole
      const auto* p = static_cast<const uint8_t*>(t.data);
      layer.bytes.assign(p, p + t.bytes);
    }
    layers.push_back(std::move(layer));
  }
  struct Layer {
    std::string name;
    DataType type;
    std::vector<uint8_t> bytes;
  };
  std::vector<Layer> layers;

 private:
  const Interpreter& interpreter_;
};

// Names the first layer of case 0 that differs from the golden dumps in layers/0.
std::string first_differing_layer(const fs::path& dir, const LayerRecorder& recorder, const Tolerance& tol) {
  for (std::size_t i = 0; i < recorder.layers.size(); ++i) {
    const auto& layer = recorder.layers[i];
    if (layer.bytes.empty()) continue;  // fused away
    AlignedBuffer golden;
    const fs::path file = dir / "layers/0" / (std::to_string(i) + "_" + layer.name + ".bin");
    if (!read_whole(file, &golden) || golden.size() != layer.bytes.size())
      return "op " + std::to_string(i) + " " + layer.name + ": golden dump missing or of another size";
    const Difference d = compare(layer.type, layer.bytes.data(), golden.data(), golden.size(), tol);
    if (d.differing != 0) return "first differing layer: op " + std::to_string(i) + " " + layer.name;
  }
  return "no per-layer difference found";
}

FolderResult bad_data(FolderResult result, const std::string& what) {
  result.outcome = FolderResult::Outcome::kBadData;
  result.message = what;
  return result;
}

double median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

}  // namespace

const char* outcome_name(FolderResult::Outcome outcome) {
  switch (outcome) {
    case FolderResult::Outcome::kPassed:
      return "pass";
    case FolderResult::Outcome::kRefused:
      return "refused";
    case FolderResult::Outcome::kMismatch:
      return "mismatch";
    default:
      return "bad data";
  }
}

std::vector<std::string> discover(const std::string& root_text) {
  std::vector<std::string> names;
  std::error_code ec;
  const fs::path root(root_text);
  if (fs::exists(root / "manifest.json", ec)) return {"."};
  // Golden folders sit at most three levels down (ops/<OP>/<variant>).
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    if (fs::exists(it->path() / "manifest.json", ec)) {
      names.push_back(fs::relative(it->path(), root, ec).generic_string());
      it.disable_recursion_pending();  // layers/ and the like belong to the folder
    } else if (it.depth() >= 2) {
      it.disable_recursion_pending();
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

Difference compare(DataType type, const uint8_t* got, const uint8_t* want, std::size_t bytes, const Tolerance& tol) {
  Difference d;
  const std::size_t element = std::max<std::size_t>(1, data_type_size(type));
  for (std::size_t i = 0; i + element <= bytes; i += element) {
    const double g = element_value(type, got + i), w = element_value(type, want + i);
    bool equal;
    if (type == DataType::kFloat32) {
      equal = std::fabs(g - w) <= tol.atol + tol.rtol * std::fabs(w);  // false for NaN
      if (std::isnan(g) && std::isnan(w)) equal = true;
    } else {
      equal = std::memcmp(got + i, want + i, element) == 0;
    }
    const double diff = std::fabs(g - w);
    if (!std::isnan(diff)) d.max_abs = std::max(d.max_abs, diff);
    if (equal) continue;
    if (d.differing++ == 0) {
      d.first = i / element;
      d.first_text = "got " + element_text(type, got + i) + ", want " + element_text(type, want + i);
    }
  }
  return d;
}

bool read_manifest(const std::string& dir, Manifest* m, std::string* error) {
  std::ifstream file(fs::path(dir) / "manifest.json");
  if (!file) return *error = "cannot read manifest.json", false;
  const nlohmann::json j = nlohmann::json::parse(file, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return *error = "manifest.json is not a JSON object", false;
  try {
    m->format = j.value("format", 1);
    m->cases = j.at("cases").get<int>();
    m->model = j.value("model", "model.tflite");
    if (j.contains("tolerance")) {
      m->tolerance.atol = j["tolerance"].value("atol", 0.0);
      m->tolerance.rtol = j["tolerance"].value("rtol", 0.0);
    }
    const bool two = m->format == 2;
    m->inputs = two ? static_cast<int>(j.at("inputs").size()) : 1;
    m->outputs = two ? static_cast<int>(j.at("outputs").size()) : 1;
    if (j.contains("tflm_arena_bytes")) m->tflm_arena_bytes = j["tflm_arena_bytes"].get<int64_t>();
    if (j.contains("tflm_host_invoke_ms_median"))
      m->tflm_host_invoke_ms = j["tflm_host_invoke_ms_median"].get<double>();
  } catch (const nlohmann::json::exception& e) {
    return *error = std::string("manifest.json: ") + e.what(), false;
  }
  if (m->format != 1 && m->format != 2) return *error = "unknown manifest format " + std::to_string(m->format), false;
  if (m->cases <= 0) return *error = "manifest.json: no cases", false;
  if (m->model.empty() || m->model.find('/') != std::string::npos)
    return *error = "manifest.json: model '" + m->model + "' is not a file name in the folder", false;
  return true;
}

std::string case_file(const Manifest& manifest, bool input, int k, int i) {
  const std::string stem = std::string(input ? "in_" : "out_") + std::to_string(k);
  return (manifest.format == 1 ? stem : stem + "_" + std::to_string(i)) + ".bin";
}

FolderResult run_folder(const std::string& dir_text, KernelChoice kernels, const InterpreterOptions& options) {
  FolderResult result;
  const fs::path dir(dir_text);
  Manifest manifest;
  std::string error;
  if (!read_manifest(dir_text, &manifest, &error)) return bad_data(result, error);
  const int format = manifest.format, cases = manifest.cases, inputs = manifest.inputs, outputs = manifest.outputs;
  const Tolerance tol = manifest.tolerance;
  const std::string& model_name = manifest.model;
  result.cases = cases;
  result.tflm_arena_bytes = manifest.tflm_arena_bytes;
  result.tflm_host_invoke_ms = manifest.tflm_host_invoke_ms;

  AlignedBuffer model_bytes;
  if (!read_whole(dir / model_name, &model_bytes)) return bad_data(result, "cannot read " + model_name);
  Model model;
  const Status load = Model::load(model_bytes.data(), model_bytes.size(), &model);
  if (!load.is_ok()) {
    result.outcome = FolderResult::Outcome::kRefused;
    result.message = std::string("load: ") + load.message();
    return result;
  }
  AlignedBuffer arena(std::size_t{16} << 20);
  Interpreter interpreter;
  const Status init = interpreter.init(model, kernels, arena.data(), arena.size(), options);
  if (!init.is_ok()) {
    result.outcome = FolderResult::Outcome::kRefused;
    result.message = std::string("init: ") + init.message();
    return result;
  }
  if (interpreter.input_count() != inputs || interpreter.output_count() != outputs) {
    return bad_data(result, "the model has " + std::to_string(interpreter.input_count()) + " inputs and " +
                                std::to_string(interpreter.output_count()) + " outputs, the manifest " +
                                std::to_string(inputs) + " and " + std::to_string(outputs));
  }
  result.arena_bytes = interpreter.arena_used_bytes();

  std::vector<double> invoke_ms;
  for (int k = 0; k < cases; ++k) {
    const std::string suffix = std::to_string(k);
    for (int i = 0; i < inputs; ++i) {
      const std::string file = case_file(manifest, true, k, i);
      AlignedBuffer in;
      Tensor* input = interpreter.input(i);
      if (!read_whole(dir / file, &in)) return bad_data(result, "cannot read " + file);
      if (in.size() != input->bytes)
        return bad_data(result, file + " holds " + std::to_string(in.size()) + " bytes, input " + std::to_string(i) +
                                    " takes " + std::to_string(input->bytes));
      if (in.size() != 0) std::memcpy(input->data, in.data(), in.size());
    }
    // The golden cases were made with a reset before each: variable tensors
    // (LSTM, SVDF state) start from their zero point.
    (void)interpreter.reset_state();  // cannot fail after a successful init
    LayerRecorder recorder(interpreter);
    const auto start = std::chrono::steady_clock::now();
    const Status invoked = interpreter.invoke(k == 0 && format == 1 ? &recorder : nullptr);
    invoke_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (!invoked.is_ok()) {
      result.outcome = FolderResult::Outcome::kMismatch;
      result.message = "case " + suffix + ": invoke: " + invoked.message();
      return result;
    }
    for (int j = 0; j < outputs; ++j) {
      const std::string file = case_file(manifest, false, k, j);
      AlignedBuffer want;
      const Tensor* output = interpreter.output(j);
      if (!read_whole(dir / file, &want)) return bad_data(result, "cannot read " + file);
      if (want.size() != output->bytes)
        return bad_data(result, file + " holds " + std::to_string(want.size()) + " bytes, output " + std::to_string(j) +
                                    " has " + std::to_string(output->bytes));
      const Difference d =
          compare(output->type, static_cast<const uint8_t*>(output->data), want.data(), want.size(), tol);
      if (d.differing == 0) continue;
      result.outcome = FolderResult::Outcome::kMismatch;
      result.message = "case " + suffix + " output " + std::to_string(j) + ": " + describe(d);
      if (k == 0 && format == 1) result.message += "; " + first_differing_layer(dir, recorder, tol);
      return result;
    }
  }
  result.host_invoke_ms = median(invoke_ms);
  result.outcome = FolderResult::Outcome::kPassed;
  return result;
}

bool read_expected_failures(const std::string& path, std::vector<ExpectedFailure>* list, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read the expected-failure list '" + path + "'";
    return false;
  }
  list->clear();
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    const std::size_t end = line.find_first_of(" \t", start);
    ExpectedFailure entry;
    entry.pattern = line.substr(start, end - start);
    const std::size_t reason = end == std::string::npos ? end : line.find_first_not_of(" \t", end);
    entry.reason = reason == std::string::npos ? "" : line.substr(reason);
    list->push_back(entry);
  }
  return true;
}

const ExpectedFailure* find_expected_failure(const std::vector<ExpectedFailure>& list, const std::string& folder) {
  // Every tail of the path, so "ops/SVDF/*" matches ../shared/conformance/ops/SVDF/x as well as ops/SVDF/x.
  std::vector<std::string> tails = {folder};
  for (std::size_t slash = folder.find('/'); slash != std::string::npos; slash = folder.find('/', slash + 1))
    tails.push_back(folder.substr(slash + 1));
  for (const ExpectedFailure& entry : list)
    for (const std::string& tail : tails)
      if (fnmatch(entry.pattern.c_str(), tail.c_str(), FNM_PATHNAME) == 0) return &entry;
  return nullptr;
}

}  // namespace tinyinfer::golden
