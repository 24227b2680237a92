// Runs every golden folder of ../shared/conformance (outputs of TensorFlow
// Lite Micro's reference kernels) with both kernel sets: the model folders at
// the top (format 1: one input and one output, in_<k>.bin / out_<k>.bin;
// format 2: in_<k>_<i>.bin / out_<k>_<j>.bin per subgraph input and output)
// and the single-op folders under ops/<OP>/<variant> (format 2). Integer and
// bool outputs must match byte for byte, float outputs within the manifest's
// tolerance. Case 0 of a format-1 folder is also compared layer by layer so
// that a mismatch names the first op that went wrong. Variable tensors (LSTM,
// SVDF state) are reset before every case, as the golden data was made.
//
// Folders that cannot run yet (an op or a type the engine lacks) are listed
// in expected_failures.txt with their reason. Such a folder must be refused
// cleanly at load or init - a wrong answer or a crash is still a failure -
// and a listed folder that passes fails the test, so the list only shrinks.
#include <cmath>
#include <cstring>
#include <filesystem>
#include <sstream>

#include <fnmatch.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_files.h"
#include "tinyinfer/interpreter.h"

namespace tinyinfer {
namespace {

namespace fs = std::filesystem;
using testing::AlignedBytes;

std::string conformance_dir() { return testing::shared_dir() + "/conformance"; }

// Golden folders relative to conformance_dir(): "kws_ref_model", "ops/ADD/int8_bcast4d_relu".
std::vector<std::string> discover_folders() {
  std::vector<std::string> names;
  std::error_code ec;
  const fs::path root = conformance_dir();
  if (!fs::is_directory(root, ec)) return {"shared_folder_absent"};
  for (const auto& entry : fs::directory_iterator(root, ec))
    if (entry.is_directory() && fs::exists(entry.path() / "manifest.json")) names.push_back(entry.path().filename());
  for (const auto& op : fs::directory_iterator(root / "ops", ec)) {
    if (!op.is_directory()) continue;
    std::error_code op_ec;
    for (const auto& variant : fs::directory_iterator(op.path(), op_ec))
      if (variant.is_directory() && fs::exists(variant.path() / "manifest.json"))
        names.push_back("ops/" + op.path().filename().string() + "/" + variant.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

struct ExpectedFailure {
  std::string pattern;  // a folder or a glob over folders ("ops/SVDF/*")
  std::string reason;
};

// expected_failures.txt: "<folder or glob>  <reason>" per line, # comments.
std::vector<ExpectedFailure> read_expected_failures() {
  std::vector<ExpectedFailure> list;
  std::ifstream in(TINYINFER_EXPECTED_FAILURES);
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    const std::size_t end = line.find_first_of(" \t", start);
    ExpectedFailure entry;
    entry.pattern = line.substr(start, end - start);
    const std::size_t reason = end == std::string::npos ? end : line.find_first_not_of(" \t", end);
    entry.reason = reason == std::string::npos ? "" : line.substr(reason);
    list.push_back(entry);
  }
  return list;
}

const ExpectedFailure* expected_failure(const std::string& folder) {
  static const std::vector<ExpectedFailure> list = read_expected_failures();
  for (const ExpectedFailure& entry : list)
    if (fnmatch(entry.pattern.c_str(), folder.c_str(), FNM_PATHNAME) == 0) return &entry;
  return nullptr;
}

TEST(ExpectedFailureList, EveryEntryHasAReasonAndMatchesAFolder) {
  const std::vector<ExpectedFailure> list = read_expected_failures();
  ASSERT_FALSE(list.empty()) << "cannot read " << TINYINFER_EXPECTED_FAILURES;
  const std::vector<std::string> folders = discover_folders();
  const bool shared_present = folders.empty() || folders[0] != "shared_folder_absent";
  for (const ExpectedFailure& entry : list) {
    EXPECT_FALSE(entry.reason.empty()) << entry.pattern << ": every expected failure needs its reason";
    if (!shared_present) continue;
    bool matched = false;
    for (const std::string& folder : folders)
      matched = matched || fnmatch(entry.pattern.c_str(), folder.c_str(), FNM_PATHNAME) == 0;
    EXPECT_TRUE(matched) << entry.pattern << " matches no folder of " << conformance_dir() << ": remove it";
  }
}

struct Tolerance {
  double atol = 0.0, rtol = 0.0;
};

std::string element_text(DataType type, const uint8_t* p) {
  switch (type) {
    case DataType::kInt8:
      return std::to_string(static_cast<int8_t>(*p));
    case DataType::kInt16: {
      int16_t v;
      std::memcpy(&v, p, 2);
      return std::to_string(v);
    }
    case DataType::kInt32: {
      int32_t v;
      std::memcpy(&v, p, 4);
      return std::to_string(v);
    }
    case DataType::kInt64: {
      int64_t v;
      std::memcpy(&v, p, 8);
      return std::to_string(v);
    }
    default:
      return "byte " + std::to_string(*p);
  }
}

// Compares raw tensor bytes; returns "" when equal within tolerance, else a
// description of the first difference and the count of differing elements.
std::string compare(DataType type, const uint8_t* got, const uint8_t* want, std::size_t bytes, const Tolerance& tol) {
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
    const std::size_t element = std::max<std::size_t>(1, data_type_size(type));
    for (std::size_t i = 0; i + element <= bytes; i += element) {
      if (std::memcmp(got + i, want + i, element) == 0) continue;
      if (bad++ == 0)
        first << "element " << i / element << ": got " << element_text(type, got + i) << ", want "
              << element_text(type, want + i);
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

// Names the first layer of case 0 that differs from the golden dumps in layers/0.
std::string first_differing_layer(const fs::path& dir, const LayerRecorder& recorder, const Tolerance& tol) {
  for (std::size_t i = 0; i < recorder.layers.size(); ++i) {
    const auto& layer = recorder.layers[i];
    if (layer.bytes.empty()) continue;  // fused away
    AlignedBytes golden;
    const std::string file = (dir / "layers/0" / (std::to_string(i) + "_" + layer.name + ".bin")).string();
    if (!testing::read_file(file, &golden) || golden.size() != layer.bytes.size())
      return "op " + std::to_string(i) + " " + layer.name + ": golden dump missing or of another size";
    const std::string layer_diff = compare(layer.type, layer.bytes.data(), golden.data(), golden.size(), tol);
    if (!layer_diff.empty())
      return "first differing layer: op " + std::to_string(i) + " " + layer.name + ": " + layer_diff;
  }
  return "(no per-layer difference found)";
}

// Interpreter settings a case runs with: as planned, with conv + pool fusion,
// or with InterpreterOptions::small_arena (the lean kernel variants).
enum class Setting { kPlain, kFused, kSmallArena };

// What one folder did: refused (load or init error), or ran with the first
// mismatch (empty when every case matched).
struct FolderRun {
  std::string refusal;
  std::string mismatch;
};

// Runs every case of a golden folder; gtest assertions only for broken golden
// data (missing files, sizes that disagree with the manifest).
void run_folder(const fs::path& dir, KernelChoice kernels, Setting setting, FolderRun* run) {
  std::ifstream manifest_file(dir / "manifest.json");
  const nlohmann::json manifest = nlohmann::json::parse(manifest_file);
  const int format = manifest.value("format", 1);
  ASSERT_TRUE(format == 1 || format == 2) << "unknown manifest format " << format;
  Tolerance tol;
  if (manifest.contains("tolerance")) {
    tol.atol = manifest["tolerance"].value("atol", 0.0);
    tol.rtol = manifest["tolerance"].value("rtol", 0.0);
  }
  const int cases = manifest.at("cases").get<int>();
  ASSERT_GT(cases, 0);
  const int inputs = format == 1 ? 1 : static_cast<int>(manifest.at("inputs").size());
  const int outputs = format == 1 ? 1 : static_cast<int>(manifest.at("outputs").size());

  AlignedBytes model_bytes;
  ASSERT_TRUE(testing::read_file((dir / manifest.value("model", "model.tflite")).string(), &model_bytes));
  Model model;
  const Status load = Model::load(model_bytes.data(), model_bytes.size(), &model);
  if (!load.is_ok()) {
    run->refusal = "load: " + std::string(load.message());
    return;
  }
  AlignedBytes arena(8 << 20);
  Interpreter interpreter;
  InterpreterOptions options;
  options.fuse_conv_pool = setting == Setting::kFused;
  options.small_arena = setting == Setting::kSmallArena;
  const Status init = interpreter.init(model, kernels, arena.data(), arena.size(), options);
  if (!init.is_ok()) {
    run->refusal = "init: " + std::string(init.message());
    return;
  }
  ASSERT_EQ(interpreter.input_count(), inputs);
  ASSERT_EQ(interpreter.output_count(), outputs);
  ::testing::Test::RecordProperty("arena_bytes", std::to_string(interpreter.arena_used_bytes()));
  if (manifest.contains("tflm_arena_bytes"))
    ::testing::Test::RecordProperty("tflm_arena_bytes", std::to_string(manifest["tflm_arena_bytes"].get<long>()));

  for (int k = 0; k < cases; ++k) {
    SCOPED_TRACE("case " + std::to_string(k));
    const std::string suffix = std::to_string(k);
    // The golden cases are independent: TFLM ran interpreter.Reset() before
    // each (README "State"), so stateful models start every case from zero.
    const Status reset = interpreter.reset_state();
    ASSERT_TRUE(reset.is_ok()) << reset.message();
    for (int i = 0; i < inputs; ++i) {
      AlignedBytes in;
      const std::string file =
          format == 1 ? "in_" + suffix + ".bin" : "in_" + suffix + "_" + std::to_string(i) + ".bin";
      ASSERT_TRUE(testing::read_file((dir / file).string(), &in)) << file;
      Tensor* input = interpreter.input(i);
      ASSERT_EQ(in.size(), input->bytes) << file << " size";
      std::memcpy(input->data, in.data(), in.size());
    }
    LayerRecorder recorder(interpreter);
    const Status invoked = interpreter.invoke(&recorder);
    if (!invoked.is_ok()) {
      run->mismatch = "case " + suffix + ": invoke: " + invoked.message();
      return;
    }
    for (int j = 0; j < outputs; ++j) {
      AlignedBytes want;
      const std::string file =
          format == 1 ? "out_" + suffix + ".bin" : "out_" + suffix + "_" + std::to_string(j) + ".bin";
      ASSERT_TRUE(testing::read_file((dir / file).string(), &want)) << file;
      const Tensor* output = interpreter.output(j);
      ASSERT_EQ(want.size(), output->bytes) << file << " size";
      const std::string diff =
          compare(output->type, static_cast<const uint8_t*>(output->data), want.data(), want.size(), tol);
      if (diff.empty()) continue;
      std::string where = "(per-layer dumps are for case 0 of format-1 folders only)";
      if (k == 0 && format == 1) where = first_differing_layer(dir, recorder, tol);
      run->mismatch = "case " + suffix + " output " + std::to_string(j) + ": " + diff + "; " + where;
      return;
    }
  }
}

class Conformance : public ::testing::TestWithParam<std::tuple<std::string, KernelChoice, Setting>> {};

TEST_P(Conformance, MatchesTfliteMicroReference) {
  const auto& [name, kernels, setting] = GetParam();
  if (name == "shared_folder_absent")
    GTEST_SKIP() << conformance_dir() << " is absent: conformance cases are third-party data read from "
                 << "../shared at test time (set TINYINFER_SHARED_DIR to point elsewhere)";
  FolderRun run;
  run_folder(fs::path(conformance_dir()) / name, kernels, setting, &run);
  if (::testing::Test::HasFatalFailure()) return;
  const ExpectedFailure* expected = expected_failure(name);
  if (expected == nullptr) {
    EXPECT_TRUE(run.refusal.empty()) << name << " was refused: " << run.refusal;
    EXPECT_TRUE(run.mismatch.empty()) << name << ": output mismatch: " << run.mismatch;
    return;
  }
  // Listed: must be refused with a message, never run to a wrong answer.
  EXPECT_TRUE(run.mismatch.empty()) << name << " is listed as expected to fail (" << expected->reason
                                    << ") but ran to a wrong answer instead of being refused: " << run.mismatch;
  EXPECT_FALSE(run.refusal.empty()) << name << " now passes: remove '" << expected->pattern
                                    << "' from tests/conformance/expected_failures.txt (or narrow it)";
  ::testing::Test::RecordProperty("expected_failure", expected->reason);
  std::printf("expected failure (%s): %s\n", expected->reason.c_str(), run.refusal.c_str());
}

std::string test_name(const ::testing::TestParamInfo<Conformance::ParamType>& info) {
  const Setting setting = std::get<2>(info.param);
  std::string name = std::get<0>(info.param) + "_" + kernel_choice_name(std::get<1>(info.param)) +
                     (setting == Setting::kFused        ? "_fused"
                      : setting == Setting::kSmallArena ? "_small_arena"
                                                        : "");
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

std::vector<std::string> model_folders() {
  std::vector<std::string> folders;
  for (const std::string& folder : discover_folders())
    if (folder.rfind("ops/", 0) != 0) folders.push_back(folder);
  return folders;
}

std::vector<std::string> op_folders() {
  std::vector<std::string> folders;
  for (const std::string& folder : discover_folders())
    if (folder.rfind("ops/", 0) == 0) folders.push_back(folder);
  return folders;
}

INSTANTIATE_TEST_SUITE_P(SharedModels, Conformance,
                         ::testing::Combine(::testing::ValuesIn(model_folders()),
                                            ::testing::Values(KernelChoice::kReference, KernelChoice::kOptimized),
                                            ::testing::Values(Setting::kPlain, Setting::kFused)),
                         test_name);
// small_arena changes only optimized kernels.
INSTANTIATE_TEST_SUITE_P(SharedModelsSmallArena, Conformance,
                         ::testing::Combine(::testing::ValuesIn(model_folders()),
                                            ::testing::Values(KernelChoice::kOptimized),
                                            ::testing::Values(Setting::kSmallArena)),
                         test_name);
// A single-op model has no conv -> pool pair to fuse: plain and small_arena only.
INSTANTIATE_TEST_SUITE_P(SharedOps, Conformance,
                         ::testing::Combine(::testing::ValuesIn(op_folders()),
                                            ::testing::Values(KernelChoice::kReference, KernelChoice::kOptimized),
                                            ::testing::Values(Setting::kPlain)),
                         test_name);
INSTANTIATE_TEST_SUITE_P(SharedOpsSmallArena, Conformance,
                         ::testing::Combine(::testing::ValuesIn(op_folders()),
                                            ::testing::Values(KernelChoice::kOptimized),
                                            ::testing::Values(Setting::kSmallArena)),
                         test_name);

}  // namespace
}  // namespace tinyinfer
