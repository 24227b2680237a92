// Runs every case of every model in ../shared/conformance (golden outputs of
// TensorFlow Lite Micro's reference kernels) with both kernel sets. Integer
// outputs must match byte for byte, float outputs within the manifest's
// tolerance. Case 0 is also compared layer by layer so that a mismatch names
// the first op that went wrong.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/test_files.h"
#include "tinyinfer/interpreter.h"

namespace tinyinfer {
namespace {

namespace fs = std::filesystem;
using testing::AlignedBytes;

std::string conformance_dir() { return testing::shared_dir() + "/conformance"; }

std::vector<std::string> discover_models() {
  std::vector<std::string> names;
  std::error_code ec;
  if (!fs::is_directory(conformance_dir(), ec)) return {"shared_folder_absent"};
  for (const auto& entry : fs::directory_iterator(conformance_dir(), ec))
    if (entry.is_directory() && fs::exists(entry.path() / "manifest.json")) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

struct Tolerance {
  double atol = 0.0, rtol = 0.0;
};

// Compares raw tensor bytes; returns "" when equal within tolerance, else a
// description of the first difference and the count of differing elements.
std::string compare(DataType type, const uint8_t* got, const uint8_t* want, std::size_t bytes,
                    const Tolerance& tol) {
  std::size_t bad = 0;
  std::ostringstream first;
  if (type == DataType::kFloat32) {
    const std::size_t n = bytes / 4;
    for (std::size_t i = 0; i < n; ++i) {
      float g, w;
      std::memcpy(&g, got + 4 * i, 4);
      std::memcpy(&w, want + 4 * i, 4);
      const double limit = tol.atol + tol.rtol * std::fabs(w);
      if (!(std::fabs(static_cast<double>(g) - w) <= limit)) {
        if (bad++ == 0) first << "element " << i << ": got " << g << ", want " << w << " (limit " << limit << ")";
      }
    }
  } else {
    const std::size_t element = data_type_size(type);
    for (std::size_t i = 0; i < bytes; ++i) {
      if (got[i] != want[i]) {
        if (bad++ == 0) {
          first << "element " << i / element << ": got ";
          if (type == DataType::kInt8)
            first << int(static_cast<int8_t>(got[i])) << ", want " << int(static_cast<int8_t>(want[i]));
          else
            first << "byte " << int(got[i]) << ", want byte " << int(want[i]);
        }
      }
    }
  }
  if (bad == 0) return "";
  std::ostringstream out;
  out << bad << " differing element(s), first at " << first.str();
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
    if (t.data == nullptr) {  // a fused conv's output: never stored whole
      layers.push_back({op_name, t.type, {}});
      return;
    }
    const auto* p = static_cast<const uint8_t*>(t.data);
    layers.push_back({op_name, t.type, std::vector<uint8_t>(p, p + t.bytes)});
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

// Interpreter settings a case runs with: as planned, with conv + pool fusion,
// or with InterpreterOptions::small_arena (the lean kernel variants).
enum class Setting { kPlain, kFused, kSmallArena };

class Conformance : public ::testing::TestWithParam<std::tuple<std::string, KernelChoice, Setting>> {};

TEST_P(Conformance, MatchesTfliteMicroReference) {
  const auto& [name, kernels, setting] = GetParam();
  if (name == "shared_folder_absent")
    GTEST_SKIP() << conformance_dir() << " is absent: conformance cases are third-party data read from "
                 << "../shared at test time (set TINYINFER_SHARED_DIR to point elsewhere)";
  const fs::path dir = fs::path(conformance_dir()) / name;
  std::ifstream manifest_file(dir / "manifest.json");
  const nlohmann::json manifest = nlohmann::json::parse(manifest_file);
  Tolerance tol;
  if (manifest.contains("tolerance")) {
    tol.atol = manifest["tolerance"].value("atol", 0.0);
    tol.rtol = manifest["tolerance"].value("rtol", 0.0);
  }
  const int cases = manifest.at("cases").get<int>();
  ASSERT_GT(cases, 0);

  AlignedBytes model_bytes;
  ASSERT_TRUE(testing::read_file((dir / manifest.value("model", "model.tflite")).string(), &model_bytes));
  Model model;
  const Status load = Model::load(model_bytes.data(), model_bytes.size(), &model);
  ASSERT_TRUE(load.is_ok()) << load.message();
  AlignedBytes arena(8 << 20);
  Interpreter interpreter;
  InterpreterOptions options;
  options.fuse_conv_pool = setting == Setting::kFused;
  options.small_arena = setting == Setting::kSmallArena;
  const Status init = interpreter.init(model, kernels, arena.data(), arena.size(), options);
  ASSERT_TRUE(init.is_ok()) << init.message();
  ASSERT_EQ(interpreter.input_count(), 1);
  ASSERT_EQ(interpreter.output_count(), 1);
  Tensor* input = interpreter.input(0);
  const Tensor* output = interpreter.output(0);
  ::testing::Test::RecordProperty("arena_bytes", std::to_string(interpreter.arena_used_bytes()));
  if (manifest.contains("tflm_arena_bytes"))
    ::testing::Test::RecordProperty("tflm_arena_bytes", std::to_string(manifest["tflm_arena_bytes"].get<long>()));

  for (int k = 0; k < cases; ++k) {
    SCOPED_TRACE("case " + std::to_string(k));
    AlignedBytes in, want;
    ASSERT_TRUE(testing::read_file((dir / ("in_" + std::to_string(k) + ".bin")).string(), &in));
    ASSERT_TRUE(testing::read_file((dir / ("out_" + std::to_string(k) + ".bin")).string(), &want));
    ASSERT_EQ(in.size(), input->bytes) << "input file size";
    ASSERT_EQ(want.size(), output->bytes) << "output file size";
    std::memcpy(input->data, in.data(), in.size());
    LayerRecorder recorder(interpreter);
    ASSERT_TRUE(interpreter.invoke(&recorder).is_ok());
    const std::string diff =
        compare(output->type, static_cast<const uint8_t*>(output->data), want.data(), want.size(), tol);
    if (diff.empty()) continue;
    // Name the first layer that differs from the golden per-layer dumps of case 0.
    std::string first_layer = "(per-layer dumps are for case 0 only)";
    if (k == 0) {
      first_layer = "(no per-layer difference found)";
      for (std::size_t i = 0; i < recorder.layers.size(); ++i) {
        const auto& layer = recorder.layers[i];
        AlignedBytes golden;
        const std::string file = (dir / "layers/0" / (std::to_string(i) + "_" + layer.name + ".bin")).string();
        if (layer.bytes.empty()) continue;  // fused away
        if (!testing::read_file(file, &golden) || golden.size() != layer.bytes.size()) {
          first_layer = "op " + std::to_string(i) + " " + layer.name + ": golden dump missing or of another size";
          break;
        }
        const std::string layer_diff = compare(layer.type, layer.bytes.data(), golden.data(), golden.size(), tol);
        if (!layer_diff.empty()) {
          first_layer = "first differing layer: op " + std::to_string(i) + " " + layer.name + ": " + layer_diff;
          break;
        }
      }
    }
    ADD_FAILURE() << name << " case " << k << ": output mismatch: " << diff << "; " << first_layer;
  }
}

std::string test_name(const ::testing::TestParamInfo<Conformance::ParamType>& info) {
  const Setting setting = std::get<2>(info.param);
  return std::get<0>(info.param) + "_" + kernel_choice_name(std::get<1>(info.param)) +
         (setting == Setting::kFused ? "_fused" : setting == Setting::kSmallArena ? "_small_arena" : "");
}

INSTANTIATE_TEST_SUITE_P(SharedModels, Conformance,
                         ::testing::Combine(::testing::ValuesIn(discover_models()),
                                            ::testing::Values(KernelChoice::kReference, KernelChoice::kOptimized),
                                            ::testing::Values(Setting::kPlain, Setting::kFused)),
                         test_name);
// small_arena changes only optimized kernels.
INSTANTIATE_TEST_SUITE_P(SharedModelsSmallArena, Conformance,
                         ::testing::Combine(::testing::ValuesIn(discover_models()),
                                            ::testing::Values(KernelChoice::kOptimized),
                                            ::testing::Values(Setting::kSmallArena)),
                         test_name);

}  // namespace
}  // namespace tinyinfer
