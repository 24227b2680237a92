// The models committed in models/ (see models/README.md) must load, have the
// study's interface (float or int8 [1,28,28,1] in, 10 classes out), carry the
// weight types their names promise (int8: per channel for the convolutions,
// per tensor for FULLY_CONNECTED), and classify models/digit_8.pgm as 8 with
// the reference and the optimized kernels. Reads only files of this
// repository, so it runs on a fresh clone.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/test_files.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

using testing::AlignedBytes;

constexpr int kSide = 28;
constexpr int kDigitClass = 8;

std::string repo_path(const std::string& relative) { return std::string(TINYINFER_SOURCE_DIR) + "/" + relative; }

// Binary PGM (P5, maxval < 256): the 28x28 digit as grey levels in [0, 1].
bool read_pgm(const std::string& path, std::vector<float>* pixels, std::string* error) {
  AlignedBytes bytes;
  if (!testing::read_file(path, &bytes)) {
    *error = "cannot read " + path;
    return false;
  }
  const uint8_t* p = bytes.data();
  const std::size_t size = bytes.size();
  std::size_t pos = 0;
  auto next_number = [&](int* value) {
    while (pos < size && (std::isspace(p[pos]) || p[pos] == '#')) {
      if (p[pos] == '#')
        while (pos < size && p[pos] != '\n') ++pos;
      else
        ++pos;
    }
    if (pos >= size || !std::isdigit(p[pos])) return false;
    *value = 0;
    while (pos < size && std::isdigit(p[pos]) && *value < 100000) *value = *value * 10 + (p[pos++] - '0');
    return true;
  };
  int width = 0, height = 0, maxval = 0;
  if (size < 2 || p[0] != 'P' || p[1] != '5') {
    *error = path + " is not a binary PGM (P5)";
    return false;
  }
  pos = 2;
  if (!next_number(&width) || !next_number(&height) || !next_number(&maxval) || pos >= size) {
    *error = path + ": bad PGM header";
    return false;
  }
  ++pos;  // the single whitespace after maxval
  if (width != kSide || height != kSide || maxval <= 0 || maxval > 255 || size - pos < kSide * kSide) {
    *error = path + ": expected a 28x28 8-bit PGM";
    return false;
  }
  pixels->resize(kSide * kSide);
  for (int i = 0; i < kSide * kSide; ++i) (*pixels)[i] = static_cast<float>(p[pos + i]) / maxval;
  return true;
}

struct Classified {
  int top_class = -1;
  float top_score = 0.0f;  // dequantized for int8 outputs
};

class CommittedModelTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    path_ = repo_path(std::string("models/") + GetParam());
    ASSERT_TRUE(testing::read_file(path_, &bytes_)) << "missing committed model " << path_;
    const Status status = Model::load(bytes_.data(), bytes_.size(), &model_);
    ASSERT_TRUE(status.is_ok()) << path_ << ": " << status.message();
    std::string error;
    ASSERT_TRUE(read_pgm(repo_path("models/digit_8.pgm"), &digit_, &error)) << error;
  }

  void classify(KernelChoice kernels, Classified* result) {
    arena_ = AlignedBytes(512 * 1024);
    Interpreter interpreter;
    Status status = interpreter.init(model_, kernels, arena_.data(), arena_.size());
    ASSERT_TRUE(status.is_ok()) << path_ << ": " << status.message();
    Tensor* input = interpreter.input(0);
    ASSERT_EQ(input->shape.elements(), kSide * kSide);
    if (input->type == DataType::kFloat32) {
      std::copy(digit_.begin(), digit_.end(), input->data_as<float>());
    } else {
      ASSERT_EQ(input->type, DataType::kInt8);
      const float scale = input->quant.scale();
      const int32_t zero_point = input->quant.zero_point();
      for (int i = 0; i < kSide * kSide; ++i) {
        const long q = std::lround(digit_[i] / scale) + zero_point;
        input->data_as<int8_t>()[i] = static_cast<int8_t>(std::clamp(q, -128L, 127L));
      }
    }
    status = interpreter.invoke();
    ASSERT_TRUE(status.is_ok()) << path_ << ": " << status.message();
    const Tensor* output = interpreter.output(0);
    ASSERT_EQ(output->shape.elements(), 10);
    for (int c = 0; c < 10; ++c) {
      float score = 0.0f;
      if (output->type == DataType::kFloat32) {
        score = output->data_as<float>()[c];
      } else {
        ASSERT_EQ(output->type, DataType::kInt8);
        score = (output->data_as<int8_t>()[c] - output->quant.zero_point()) * output->quant.scale();
      }
      if (result->top_class < 0 || score > result->top_score) {
        result->top_class = c;
        result->top_score = score;
      }
    }
  }

  // Weight tensors (constant inputs 1 of CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED) of `type`.
  int weights_of_type(DataType type) const {
    int count = 0;
    for (int32_t i = 0; i < model_.op_count(); ++i) {
      const OpInfo op = model_.op(i);
      if (op.builtin_code != static_cast<int32_t>(OpCode::kConv2d) &&
          op.builtin_code != static_cast<int32_t>(OpCode::kDepthwiseConv2d) &&
          op.builtin_code != static_cast<int32_t>(OpCode::kFullyConnected))
        continue;
      if (op.input_count > 1 && op.inputs[1] >= 0 && model_.tensor(op.inputs[1]).type == type) ++count;
    }
    return count;
  }

  std::string path_;
  AlignedBytes bytes_, arena_;
  Model model_;
  std::vector<float> digit_;
};

TEST_P(CommittedModelTest, IsTheTrainedStudyNetwork) {
  EXPECT_EQ(model_.schema_version(), 3u);
  EXPECT_NE(std::strstr(model_.description(), "tinyinfer MNIST"), nullptr)
      << path_ << " description: '" << model_.description() << "'";
  ASSERT_EQ(model_.input_count(), 1);
  ASSERT_EQ(model_.output_count(), 1);
  const Tensor input = model_.tensor(model_.input_tensor_index(0));
  ASSERT_EQ(input.shape.rank, 4);
  EXPECT_EQ(input.shape.dim(1), kSide);
  EXPECT_EQ(input.shape.dim(2), kSide);
  EXPECT_EQ(input.shape.dim(3), 1);
  // 2 convolutions + 1 depthwise + 2 fully connected, all of one weight type.
  const std::string name = GetParam();
  const DataType weights = name.find("float") != std::string::npos ? DataType::kFloat32 : DataType::kInt8;
  EXPECT_EQ(weights_of_type(weights), 5) << path_;
}

// Quantized weights as the TFLite int8 spec lists them (tools/train/train.sh
// regenerates the files with `tinyinfer quantize` defaults): CONV_2D and
// DEPTHWISE_CONV_2D per output channel, FULLY_CONNECTED one scale per tensor,
// which older TFLite and TFLite Micro kernels require. Float weights: none.
TEST_P(CommittedModelTest, QuantizedWeightsFollowTheInt8Spec) {
  int convolutions = 0, fully_connected = 0;
  for (int32_t i = 0; i < model_.op_count(); ++i) {
    const OpInfo op = model_.op(i);
    const bool fc = op.builtin_code == static_cast<int32_t>(OpCode::kFullyConnected);
    const bool conv = op.builtin_code == static_cast<int32_t>(OpCode::kConv2d) ||
                      op.builtin_code == static_cast<int32_t>(OpCode::kDepthwiseConv2d);
    if ((!fc && !conv) || op.input_count < 2 || op.inputs[1] < 0) continue;
    const Tensor w = model_.tensor(op.inputs[1]);
    if (w.type != DataType::kInt8) continue;
    SCOPED_TRACE(std::string(path_) + " op " + std::to_string(i) + " weights '" + w.name + "'");
    const bool depthwise = op.builtin_code == static_cast<int32_t>(OpCode::kDepthwiseConv2d);
    const int32_t channels = w.shape.dim(depthwise ? 3 : 0);
    if (fc) {
      EXPECT_EQ(w.quant.count, 1);
      ++fully_connected;
    } else {
      EXPECT_EQ(w.quant.count, channels);
      ++convolutions;
    }
    for (int32_t c = 0; c < w.quant.count; ++c) EXPECT_EQ(w.quant.zero_points[c], 0) << "symmetric weights";
  }
  const bool quantized = std::string(GetParam()).find("float") == std::string::npos;
  EXPECT_EQ(convolutions, quantized ? 3 : 0);
  EXPECT_EQ(fully_connected, quantized ? 2 : 0);
}

TEST_P(CommittedModelTest, ClassifiesTheBuiltInDigitAsEight) {
  for (KernelChoice kernels : {KernelChoice::kReference, KernelChoice::kOptimized}) {
    Classified result;
    ASSERT_NO_FATAL_FAILURE(classify(kernels, &result));
    EXPECT_EQ(result.top_class, kDigitClass) << path_ << " with " << kernel_choice_name(kernels) << " kernels";
    EXPECT_GT(result.top_score, 0.5f) << path_ << " with " << kernel_choice_name(kernels) << " kernels";
  }
}

// InterpreterOptions::small_arena trades instructions for working memory in
// the kernels that can (int8 FULLY_CONNECTED): the same output bytes, never a
// bigger arena (smaller where that FC's input row was the peak: ad01_int8,
// checked on the M7 by tests/bench_m7).
TEST_P(CommittedModelTest, SmallArenaKeepsTheOutputs) {
  std::vector<uint8_t> outputs[2];
  std::size_t arena_used[2] = {0, 0};
  for (int lean = 0; lean < 2; ++lean) {
    AlignedBytes arena(512 * 1024);
    InterpreterOptions options;
    options.small_arena = lean == 1;
    Interpreter interpreter;
    Status status = interpreter.init(model_, KernelChoice::kOptimized, arena.data(), arena.size(), options);
    ASSERT_TRUE(status.is_ok()) << path_ << ": " << status.message();
    arena_used[lean] = interpreter.arena_used_bytes();
    Tensor* input = interpreter.input(0);
    for (std::size_t i = 0; i < input->bytes; ++i)  // any fixed pattern: the two runs must agree
      static_cast<uint8_t*>(input->data)[i] = static_cast<uint8_t>(i * 37 + 11);
    if (input->type == DataType::kFloat32)
      for (int64_t i = 0; i < input->shape.elements(); ++i) input->data_as<float>()[i] = digit_[i % digit_.size()];
    ASSERT_TRUE(interpreter.invoke().is_ok());
    const Tensor* output = interpreter.output(0);
    const auto* bytes = static_cast<const uint8_t*>(output->data);
    outputs[lean].assign(bytes, bytes + output->bytes);
  }
  EXPECT_EQ(outputs[0], outputs[1]) << path_;
  EXPECT_LE(arena_used[1], arena_used[0]) << path_;
}

INSTANTIATE_TEST_SUITE_P(Models, CommittedModelTest,
                         ::testing::Values("mnist_float.tflite", "mnist_hybrid.tflite", "mnist_int8.tflite"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           std::string name = info.param;
                           name = name.substr(0, name.find('.'));
                           return name;
                         });

}  // namespace
}  // namespace tinyinfer
