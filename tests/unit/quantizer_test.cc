// The post-training quantizer (src/convert/quantizer.h) on a small float model
// built here: both modes produce a model that loads, plans and runs; int8
// outputs stay close to the float ones; weights round-trip within scale/2;
// biases, softmax and pooling follow the TFLite int8 spec; bad inputs are
// refused with a message; FULLY_CONNECTED is per tensor in int8 unless asked
// and gets TFLite's hybrid op versions; fields a rewrite would drop are
// refused, metadata kept, buffer 0 stays the empty sentinel.
#include "convert/quantizer.h"

#include <cmath>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "convert/model_writer.h"
#include "format/tflite_schema_generated.h"
#include "support/model_builder.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

namespace fb = ::tinyinfer::tflite;
using testing::AlignedBytes;
using testing::ModelBuilder;

std::vector<float> random_values(std::mt19937* rng, std::size_t n, float lo, float hi) {
  std::uniform_real_distribution<float> dist(lo, hi);
  std::vector<float> v(n);
  for (float& x : v) x = dist(*rng);
  return v;
}

// input [1,6,6,2] -> DEPTHWISE 3x3 x2 (SAME, RELU) -> [1,6,6,4] -> CONV_2D 3x3 (VALID, RELU)
// -> [1,4,4,4] -> MAX_POOL 2x2 -> [1,2,2,4] -> RESHAPE [1,16] -> FC 3 -> SOFTMAX.
ModelBuilder conv_model() {
  std::mt19937 rng(7);
  ModelBuilder b;
  const auto F = fb::TensorType::FLOAT32;
  const int32_t in = b.tensor(F, {1, 6, 6, 2});
  const int32_t dw_w = b.constant<float>(F, {1, 3, 3, 4}, random_values(&rng, 36, -1.0f, 1.0f));
  const int32_t dw_b = b.constant<float>(F, {4}, random_values(&rng, 4, -0.2f, 0.2f));
  const int32_t dw_out = b.tensor(F, {1, 6, 6, 4});
  const int32_t conv_w = b.constant<float>(F, {4, 3, 3, 4}, random_values(&rng, 144, -0.5f, 0.5f));
  const int32_t conv_b = b.constant<float>(F, {4}, random_values(&rng, 4, -0.1f, 0.1f));
  const int32_t conv_out = b.tensor(F, {1, 4, 4, 4});
  const int32_t pool_out = b.tensor(F, {1, 2, 2, 4});
  const int32_t flat = b.tensor(F, {1, 16});
  const int32_t fc_w = b.constant<float>(F, {3, 16}, random_values(&rng, 48, -0.8f, 0.8f));
  const int32_t fc_b = b.constant<float>(F, {3}, random_values(&rng, 3, -0.3f, 0.3f));
  const int32_t logits = b.tensor(F, {1, 3});
  const int32_t probs = b.tensor(F, {1, 3});

  fb::DepthwiseConv2DOptionsT dw;
  dw.padding = fb::Padding::SAME;
  dw.stride_h = dw.stride_w = 1;
  dw.depth_multiplier = 2;
  dw.fused_activation_function = fb::ActivationFunctionType::RELU;
  b.op(b.opcode(fb::BuiltinOperator::DEPTHWISE_CONV_2D), {in, dw_w, dw_b}, {dw_out}).builtin_options.Set(dw);
  fb::Conv2DOptionsT conv;
  conv.padding = fb::Padding::VALID;
  conv.stride_h = conv.stride_w = 1;
  conv.fused_activation_function = fb::ActivationFunctionType::RELU;
  b.op(b.opcode(fb::BuiltinOperator::CONV_2D), {dw_out, conv_w, conv_b}, {conv_out}).builtin_options.Set(conv);
  fb::Pool2DOptionsT pool;
  pool.padding = fb::Padding::VALID;
  pool.stride_h = pool.stride_w = 2;
  pool.filter_height = pool.filter_width = 2;
  b.op(b.opcode(fb::BuiltinOperator::MAX_POOL_2D), {conv_out}, {pool_out}).builtin_options.Set(pool);
  fb::ReshapeOptionsT reshape;
  reshape.new_shape = {1, 16};
  b.op(b.opcode(fb::BuiltinOperator::RESHAPE), {pool_out}, {flat}).builtin_options.Set(reshape);
  fb::FullyConnectedOptionsT fc;
  b.op(b.opcode(fb::BuiltinOperator::FULLY_CONNECTED), {flat, fc_w, fc_b}, {logits}).builtin_options.Set(fc);
  fb::SoftmaxOptionsT softmax;
  softmax.beta = 1.0f;
  b.op(b.opcode(fb::BuiltinOperator::SOFTMAX), {logits}, {probs}).builtin_options.Set(softmax);
  b.io({in}, {probs});
  return b;
}

std::vector<quant::CalibrationSample> calibration_set(uint32_t seed, int count) {
  std::mt19937 rng(seed);
  std::vector<quant::CalibrationSample> samples;
  for (int i = 0; i < count; ++i) samples.push_back({random_values(&rng, 72, 0.0f, 1.0f)});
  return samples;
}

// A loaded model with an interpreter over a heap arena.
struct Runner {
  Model model;
  std::vector<uint8_t> arena = std::vector<uint8_t>(1 << 20);
  Interpreter interpreter;

  ::testing::AssertionResult open(const uint8_t* bytes, std::size_t size) {
    Status s = Model::load(bytes, size, &model);
    if (!s.is_ok()) return ::testing::AssertionFailure() << "load: " << s.message();
    s = interpreter.init(model, KernelChoice::kReference, arena.data(), arena.size());
    if (!s.is_ok()) return ::testing::AssertionFailure() << "init: " << s.message();
    return ::testing::AssertionSuccess();
  }

  // Runs one float sample; quantizes/dequantizes when the model I/O is int8.
  std::vector<float> run(const std::vector<float>& x) {
    Tensor* in = interpreter.input(0);
    if (in->type == DataType::kFloat32) {
      std::memcpy(in->data, x.data(), x.size() * sizeof(float));
    } else {
      for (std::size_t i = 0; i < x.size(); ++i) {
        const long q = std::lround(x[i] / in->quant.scale()) + in->quant.zero_point();
        in->data_as<int8_t>()[i] = static_cast<int8_t>(std::clamp<long>(q, -128, 127));
      }
    }
    EXPECT_TRUE(interpreter.invoke().is_ok());
    const Tensor* out = interpreter.output(0);
    std::vector<float> y(static_cast<std::size_t>(out->shape.elements()));
    for (std::size_t i = 0; i < y.size(); ++i)
      y[i] = out->type == DataType::kFloat32
                 ? out->data_as<const float>()[i]
                 : out->quant.scale() * (out->data_as<const int8_t>()[i] - out->quant.zero_point());
    return y;
  }
};

fb::ModelT unpack(const format::ModelBytes& bytes) {
  fb::ModelT m;
  fb::GetModel(bytes.data())->UnPackTo(&m);
  return m;
}

fb::ModelT unpack_builder(const ModelBuilder& b) {
  const AlignedBytes bytes = b.finish();
  fb::ModelT m;
  fb::GetModel(bytes.data())->UnPackTo(&m);
  return m;
}

int32_t version_of(const fb::ModelT& m, fb::BuiltinOperator op) {
  for (const auto& code : m.operator_codes)
    if (code->builtin_code == op) return code->version;
  return -1;
}

// Max |float - quantized| over held-out inputs.
float max_output_error(const AlignedBytes& float_model, const format::ModelBytes& quantized) {
  Runner f, q;
  EXPECT_TRUE(f.open(float_model.data(), float_model.size()));
  EXPECT_TRUE(q.open(quantized.data(), quantized.size()));
  float worst = 0;
  for (const auto& sample : calibration_set(99, 50)) {
    const std::vector<float> a = f.run(sample[0]), b = q.run(sample[0]);
    for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::fabs(a[i] - b[i]));
  }
  return worst;
}

TEST(QuantizerTest, ActivationQuantizationContainsZero) {
  quant::ActivationQuantization q = quant::int8_activation_quantization(0.0f, 1.0f);
  EXPECT_FLOAT_EQ(q.scale, 1.0f / 255.0f);
  EXPECT_EQ(q.zero_point, -128);
  q = quant::int8_activation_quantization(2.0f, 3.0f);  // widened to [0, 3]
  EXPECT_FLOAT_EQ(q.scale, 3.0f / 255.0f);
  EXPECT_EQ(q.zero_point, -128);
  q = quant::int8_activation_quantization(-3.0f, -1.0f);  // widened to [-3, 0]
  EXPECT_EQ(q.zero_point, 127);
  q = quant::int8_activation_quantization(-1.0f, 1.0f);
  EXPECT_LE(std::abs(q.zero_point), 1);
  q = quant::int8_activation_quantization(0.0f, 0.0f);  // a dead tensor still gets a valid scale
  EXPECT_GT(q.scale, 0.0f);
}

TEST(QuantizerTest, WeightsRoundTripWithinHalfAScale) {
  std::mt19937 rng(3);
  const std::vector<float> w = random_values(&rng, 4 * 3 * 3 * 5, -2.0f, 2.0f);
  for (bool per_channel : {true, false}) {
    const quant::SymmetricWeights q = quant::quantize_weights_symmetric(w, {4, 3, 3, 5}, 0, per_channel);
    ASSERT_EQ(q.scales.size(), per_channel ? 4u : 1u);
    for (std::size_t i = 0; i < w.size(); ++i) {
      const float s = q.scales[per_channel ? i / 45 : 0];
      EXPECT_GE(q.values[i], -127);
      EXPECT_LE(std::fabs(w[i] - s * q.values[i]), s / 2 + 1e-7f) << i;
    }
  }
  // Along the last dimension (depthwise) and a channel of zeros.
  std::vector<float> dw(2 * 3, 0.0f);
  dw[0] = 1.0f, dw[3] = -0.5f;  // channel 0: 1, -0.5; channel 1: zeros; channel 2: zeros
  const quant::SymmetricWeights q = quant::quantize_weights_symmetric(dw, {1, 2, 3}, 2, true);
  ASSERT_EQ(q.scales.size(), 3u);
  EXPECT_FLOAT_EQ(q.scales[0], 1.0f / 127.0f);
  EXPECT_EQ(q.values[0], 127);
  EXPECT_EQ(q.values[3], -64);  // -63.5 rounds away from zero
  EXPECT_GT(q.scales[1], 0.0f);
  EXPECT_EQ(q.values[1], 0);
}

TEST(QuantizerTest, HybridKeepsFloatActivationsAndMatchesFloat) {
  const AlignedBytes float_model = conv_model().finish();
  format::ModelBytes out;
  quant::QuantizeSummary summary;
  quant::QuantizeOptions options;
  options.mode = quant::QuantizeMode::kHybrid;
  const Status s = quant::quantize_model(float_model.data(), float_model.size(), options, {}, &out, &summary);
  ASSERT_TRUE(s.is_ok()) << s.message();
  EXPECT_EQ(summary.weight_tensors, 3);

  Runner r;
  ASSERT_TRUE(r.open(out.data(), out.size()));
  EXPECT_EQ(r.interpreter.input(0)->type, DataType::kFloat32);
  const fb::ModelT m = unpack(out);
  EXPECT_EQ(m.version, 3u);
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::CONV_2D), 5);            // hybrid per channel
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::DEPTHWISE_CONV_2D), 6);  // hybrid per channel
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::FULLY_CONNECTED), 3);    // hybrid, per tensor
  const auto& tensors = m.subgraphs[0]->tensors;
  EXPECT_EQ(tensors[1]->type, fb::TensorType::INT8);
  EXPECT_EQ(tensors[1]->quantization->scale.size(), 4u);
  EXPECT_EQ(tensors[1]->quantization->quantized_dimension, 3);
  EXPECT_EQ(tensors[4]->quantization->scale.size(), 4u);
  EXPECT_EQ(tensors[4]->quantization->quantized_dimension, 0);
  EXPECT_EQ(tensors[2]->type, fb::TensorType::FLOAT32);   // bias stays float
  EXPECT_EQ(tensors[9]->quantization->scale.size(), 1u);  // FC: per tensor
  ASSERT_FALSE(m.buffers.empty());
  EXPECT_TRUE(m.buffers[0]->data.empty()) << "buffer 0 is TFLite's empty sentinel";

  EXPECT_LT(max_output_error(float_model, out), 0.02f);
}

TEST(QuantizerTest, HybridPerTensorUsesOlderOpVersions) {
  const AlignedBytes float_model = conv_model().finish();
  format::ModelBytes out;
  quant::QuantizeSummary summary;
  quant::QuantizeOptions options;
  options.per_channel = false;
  ASSERT_TRUE(quant::quantize_model(float_model.data(), float_model.size(), options, {}, &out, &summary).is_ok());
  const fb::ModelT m = unpack(out);
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::CONV_2D), 2);
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::DEPTHWISE_CONV_2D), 4);
  Runner r;
  ASSERT_TRUE(r.open(out.data(), out.size()));
}

class QuantizerInt8Test : public ::testing::TestWithParam<bool> {};  // int8 I/O?

TEST_P(QuantizerInt8Test, FullIntegerFollowsTheSpecAndMatchesFloat) {
  const bool int8_io = GetParam();
  const AlignedBytes float_model = conv_model().finish();
  format::ModelBytes out;
  quant::QuantizeSummary summary;
  quant::QuantizeOptions options;
  options.mode = quant::QuantizeMode::kInt8;
  options.int8_io = int8_io;
  const Status s =
      quant::quantize_model(float_model.data(), float_model.size(), options, calibration_set(1, 64), &out, &summary);
  ASSERT_TRUE(s.is_ok()) << s.message();
  EXPECT_EQ(summary.calibration_samples, 64);
  EXPECT_EQ(summary.bias_tensors, 3);

  Runner r;
  ASSERT_TRUE(r.open(out.data(), out.size()));
  EXPECT_EQ(r.interpreter.input(0)->type, int8_io ? DataType::kInt8 : DataType::kFloat32);
  EXPECT_EQ(r.interpreter.output(0)->type, int8_io ? DataType::kInt8 : DataType::kFloat32);
  EXPECT_EQ(r.interpreter.op_count(), int8_io ? 6 : 8);

  const fb::ModelT m = unpack(out);
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::CONV_2D), 3);
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::DEPTHWISE_CONV_2D), 3);
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::FULLY_CONNECTED), 4);
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::MAX_POOL_2D), 2);
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::SOFTMAX), 2);
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::RESHAPE), 1);
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::QUANTIZE), int8_io ? -1 : 1);
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::DEQUANTIZE), int8_io ? -1 : 2);

  ASSERT_FALSE(m.buffers.empty());
  EXPECT_TRUE(m.buffers[0]->data.empty()) << "buffer 0 is TFLite's empty sentinel";
  const auto& t = m.subgraphs[0]->tensors;
  auto scale = [&](int32_t i, std::size_t c = 0) { return t[static_cast<std::size_t>(i)]->quantization->scale[c]; };
  // Per the TFLite int8 spec: convolutions per channel, FULLY_CONNECTED per tensor.
  EXPECT_EQ(t[1]->quantization->scale.size(), 4u);
  EXPECT_EQ(t[1]->quantization->quantized_dimension, 3);
  EXPECT_EQ(t[4]->quantization->scale.size(), 4u);
  EXPECT_EQ(t[9]->quantization->scale.size(), 1u);
  EXPECT_EQ(t[10]->quantization->scale.size(), 1u);
  auto zp = [&](int32_t i) { return t[static_cast<std::size_t>(i)]->quantization->zero_point[0]; };
  // Tensor indices of conv_model(): 0 in, 1 dw_w, 2 dw_b, 3 dw_out, 4 conv_w, 5 conv_b, 6 conv_out,
  // 7 pool_out, 8 flat, 9 fc_w, 10 fc_b, 11 logits, 12 probs (+ 13, 14: the int8 I/O tensors).
  const int32_t int8_input = int8_io ? 0 : 13;
  const int32_t int8_output = int8_io ? 12 : 14;
  // Inputs in [0, 1]: scale 1/255, zero point -128.
  EXPECT_NEAR(scale(int8_input), 1.0f / 255.0f, 1e-3f);
  EXPECT_EQ(zp(int8_input), -128);
  // Biases: int32, scale = input scale * weight scale per channel, zero point 0.
  for (auto [w, b, in] : {std::tuple{1, 2, int8_input}, std::tuple{4, 5, 3}, std::tuple{9, 10, 8}}) {
    EXPECT_EQ(t[static_cast<std::size_t>(b)]->type, fb::TensorType::INT32);
    EXPECT_EQ(t[static_cast<std::size_t>(w)]->type, fb::TensorType::INT8);
    for (std::size_t c = 0; c < t[static_cast<std::size_t>(b)]->quantization->scale.size(); ++c) {
      EXPECT_EQ(scale(b, c), scale(in) * scale(w, c));
      EXPECT_EQ(t[static_cast<std::size_t>(w)]->quantization->zero_point[c], 0);
    }
  }
  // RELU outputs start at 0; pool and reshape share their input's parameters.
  EXPECT_EQ(zp(3), -128);
  EXPECT_EQ(scale(7), scale(6));
  EXPECT_EQ(zp(7), zp(6));
  EXPECT_EQ(scale(8), scale(7));
  // Softmax output fixed by the spec.
  EXPECT_EQ(scale(int8_output), 1.0f / 256.0f);
  EXPECT_EQ(zp(int8_output), -128);

  EXPECT_LT(max_output_error(float_model, out), 0.05f);
}

INSTANTIATE_TEST_SUITE_P(Io, QuantizerInt8Test, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& info) { return info.param ? "Int8Io" : "FloatIo"; });

TEST(QuantizerTest, PercentileRangeIsNoWiderThanMinMax) {
  const AlignedBytes float_model = conv_model().finish();
  quant::QuantizeOptions options;
  options.mode = quant::QuantizeMode::kInt8;
  format::ModelBytes minmax, percentile;
  quant::QuantizeSummary summary;
  ASSERT_TRUE(
      quant::quantize_model(float_model.data(), float_model.size(), options, calibration_set(1, 64), &minmax, &summary)
          .is_ok());
  options.range = quant::RangeMethod::kPercentile;
  options.percentile = 99.0;
  ASSERT_TRUE(quant::quantize_model(float_model.data(), float_model.size(), options, calibration_set(1, 64),
                                    &percentile, &summary)
                  .is_ok());
  const fb::ModelT a = unpack(minmax), b = unpack(percentile);
  // conv output (tensor 6): the clipped range has a smaller scale.
  EXPECT_LE(b.subgraphs[0]->tensors[6]->quantization->scale[0], a.subgraphs[0]->tensors[6]->quantization->scale[0]);
  EXPECT_LT(max_output_error(float_model, percentile), 0.1f);
}

TEST(QuantizerTest, RefusesWhatItCannotConvert) {
  const AlignedBytes float_model = conv_model().finish();
  format::ModelBytes out;
  quant::QuantizeSummary summary;
  quant::QuantizeOptions int8;
  int8.mode = quant::QuantizeMode::kInt8;

  // No calibration data.
  Status s = quant::quantize_model(float_model.data(), float_model.size(), int8, {}, &out, &summary);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(s.message()).find("calibration"), std::string::npos) << s.message();

  // Calibration samples of the wrong size.
  s = quant::quantize_model(float_model.data(), float_model.size(), int8, {{std::vector<float>(5)}}, &out, &summary);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.message();

  // An already-int8 model.
  ASSERT_TRUE(quant::quantize_model(float_model.data(), float_model.size(), int8, calibration_set(1, 8), &out, &summary)
                  .is_ok());
  format::ModelBytes again;
  s = quant::quantize_model(out.data(), out.size(), int8, calibration_set(1, 8), &again, &summary);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(std::string(s.message()).find("float model"), std::string::npos) << s.message();

  // Builtin options outside our schema subset would be dropped by a repack.
  ModelBuilder b = conv_model();
  b.graph().operators[3]->builtin_options.Reset();
  b.graph().operators[3]->builtin_options.type = static_cast<fb::BuiltinOptions>(200);  // past TFLite's union
  const AlignedBytes unknown = b.finish();
  s = quant::quantize_model(unknown.data(), unknown.size(), quant::QuantizeOptions(), {}, &out, &summary);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(std::string(s.message()).find("options"), std::string::npos) << s.message();

  // Not a model at all.
  const uint8_t junk[64] = {1, 2, 3};
  s = quant::quantize_model(junk, sizeof(junk), quant::QuantizeOptions(), {}, &out, &summary);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
}

// Weight scales per tensor index of an int8 quantization of conv_model().
std::vector<std::size_t> int8_scale_counts(const quant::QuantizeOptions& base) {
  const AlignedBytes float_model = conv_model().finish();
  quant::QuantizeOptions options = base;
  options.mode = quant::QuantizeMode::kInt8;
  format::ModelBytes out;
  quant::QuantizeSummary summary;
  const Status s =
      quant::quantize_model(float_model.data(), float_model.size(), options, calibration_set(1, 16), &out, &summary);
  EXPECT_TRUE(s.is_ok()) << s.message();
  if (!s.is_ok()) return {};
  const fb::ModelT m = unpack(out);
  EXPECT_EQ(version_of(m, fb::BuiltinOperator::FULLY_CONNECTED), 4);  // per-channel int8 FC has no own version
  Runner r;
  EXPECT_TRUE(r.open(out.data(), out.size()));
  std::vector<std::size_t> counts;
  for (int32_t i : {1, 4, 9, 10})
    counts.push_back(m.subgraphs[0]->tensors[static_cast<std::size_t>(i)]->quantization->scale.size());
  return counts;
}

TEST(QuantizerTest, Int8FullyConnectedIsPerTensorUnlessAskedFor) {
  quant::QuantizeOptions options;  // dw weights, conv weights, fc weights, fc bias
  EXPECT_EQ(int8_scale_counts(options), (std::vector<std::size_t>{4, 4, 1, 1}));
  options.fc_per_channel = true;
  EXPECT_EQ(int8_scale_counts(options), (std::vector<std::size_t>{4, 4, 3, 3}));
  options.per_channel = false;  // per tensor everywhere wins
  EXPECT_EQ(int8_scale_counts(options), (std::vector<std::size_t>{1, 1, 1, 1}));
}

// Hybrid FULLY_CONNECTED op versions follow TFLite's op_version rules.
int32_t hybrid_fc_version(const std::function<void(testing::ModelBuilder*)>& edit) {
  ModelBuilder b = testing::small_float_model();
  edit(&b);
  const AlignedBytes float_model = b.finish();
  format::ModelBytes out;
  quant::QuantizeSummary summary;
  const Status s =
      quant::quantize_model(float_model.data(), float_model.size(), quant::QuantizeOptions(), {}, &out, &summary);
  EXPECT_TRUE(s.is_ok()) << s.message();
  if (!s.is_ok()) return -1;
  const fb::ModelT m = unpack(out);
  EXPECT_EQ(m.subgraphs[0]->tensors[1]->type, fb::TensorType::INT8);
  EXPECT_EQ(m.subgraphs[0]->tensors[1]->quantization->scale.size(), 1u);
  return version_of(m, fb::BuiltinOperator::FULLY_CONNECTED);
}

TEST(QuantizerTest, HybridFullyConnectedVersionFollowsTfliteRules) {
  auto fc_options = [](ModelBuilder* b) { return b->graph().operators[0]->builtin_options.AsFullyConnectedOptions(); };
  EXPECT_EQ(hybrid_fc_version([](ModelBuilder*) {}), 3);  // with bias
  // An omitted bias written as -1 is still an input: version 3.
  EXPECT_EQ(hybrid_fc_version([](ModelBuilder* b) { b->graph().operators[0]->inputs[2] = -1; }), 3);
  // Only two inputs (no bias at all): version 6.
  EXPECT_EQ(hybrid_fc_version([](ModelBuilder* b) { b->graph().operators[0]->inputs.resize(2); }), 6);
  EXPECT_EQ(hybrid_fc_version([&](ModelBuilder* b) { fc_options(b)->keep_num_dims = true; }), 5);
  EXPECT_EQ(hybrid_fc_version([&](ModelBuilder* b) { fc_options(b)->asymmetric_quantize_inputs = true; }), 9);
  // The checks run in TFLite's order: no bias before keep_num_dims before asymmetric inputs.
  EXPECT_EQ(hybrid_fc_version([&](ModelBuilder* b) {
              fc_options(b)->keep_num_dims = true;
              fc_options(b)->asymmetric_quantize_inputs = true;
            }),
            5);
  EXPECT_EQ(hybrid_fc_version([&](ModelBuilder* b) {
              b->graph().operators[0]->inputs.resize(2);
              fc_options(b)->keep_num_dims = true;
            }),
            6);
}

// ---- Fields our schema subset does not carry ----

// Where pack_with_extra adds one undeclared scalar field (id, byte value).
enum class Where { kModel, kSubGraph, kTensor, kQuantization, kOperator, kFcOptions };
struct Extra {
  Where where;
  std::size_t index;  // tensor or op index (kTensor, kQuantization, kOperator, kFcOptions)
  int field_id;
  uint8_t value;
};

// Packs `m` (one subgraph) like Model::Pack, plus the extra field: a model as
// a newer TFLite converter would write it, with fields past our subset.
AlignedBytes pack_with_extra(const fb::ModelT& m, const Extra& e) {
  flatbuffers::FlatBufferBuilder fbb;
  const auto vt = static_cast<flatbuffers::voffset_t>(4 + 2 * e.field_id);
  std::vector<flatbuffers::Offset<fb::Buffer>> buffers;
  for (const auto& b : m.buffers) buffers.push_back(fb::CreateBuffer(fbb, b.get()));
  std::vector<flatbuffers::Offset<fb::OperatorCode>> codes;
  for (const auto& c : m.operator_codes) codes.push_back(fb::CreateOperatorCode(fbb, c.get()));
  const fb::SubGraphT& g = *m.subgraphs[0];
  std::vector<flatbuffers::Offset<fb::Tensor>> tensors;
  for (std::size_t i = 0; i < g.tensors.size(); ++i) {
    const fb::TensorT& t = *g.tensors[i];
    const bool here = e.index == i && (e.where == Where::kTensor || e.where == Where::kQuantization);
    if (!here) {
      tensors.push_back(fb::CreateTensor(fbb, &t));
      continue;
    }
    const auto shape = fbb.CreateVector(t.shape);
    const auto name = fbb.CreateString(t.name);
    flatbuffers::Offset<fb::QuantizationParameters> q;
    if (e.where == Where::kQuantization) {
      const auto scale = fbb.CreateVector(std::vector<float>{0.5f});
      const auto zero_point = fbb.CreateVector(std::vector<int64_t>{0});
      fb::QuantizationParametersBuilder qb(fbb);
      qb.add_scale(scale);
      qb.add_zero_point(zero_point);
      fbb.AddElement<uint8_t>(vt, e.value, 0);
      q = qb.Finish();
    }
    fb::TensorBuilder tb(fbb);
    tb.add_shape(shape);
    tb.add_type(t.type);
    tb.add_buffer(t.buffer);
    tb.add_name(name);
    if (!q.IsNull()) tb.add_quantization(q);
    if (e.where == Where::kTensor) fbb.AddElement<uint8_t>(vt, e.value, 0);
    tensors.push_back(tb.Finish());
  }
  std::vector<flatbuffers::Offset<fb::Operator>> ops;
  for (std::size_t i = 0; i < g.operators.size(); ++i) {
    const fb::OperatorT& op = *g.operators[i];
    const bool here = e.index == i && (e.where == Where::kOperator || e.where == Where::kFcOptions);
    if (!here) {
      ops.push_back(fb::CreateOperator(fbb, &op));
      continue;
    }
    const auto inputs = fbb.CreateVector(op.inputs);
    const auto outputs = fbb.CreateVector(op.outputs);
    flatbuffers::Offset<void> options = op.builtin_options.Pack(fbb);
    if (e.where == Where::kFcOptions) {
      fb::FullyConnectedOptionsBuilder ob(fbb);
      ob.add_fused_activation_function(op.builtin_options.AsFullyConnectedOptions()->fused_activation_function);
      fbb.AddElement<uint8_t>(vt, e.value, 0);
      options = ob.Finish().Union();
    }
    fb::OperatorBuilder ob(fbb);
    ob.add_opcode_index(op.opcode_index);
    ob.add_inputs(inputs);
    ob.add_outputs(outputs);
    ob.add_builtin_options_type(op.builtin_options.type);
    ob.add_builtin_options(options);
    if (e.where == Where::kOperator && vt == fb::Operator::VT_DEBUG_METADATA_INDEX)
      fbb.AddElement<int32_t>(vt, e.value, -1);  // an int field of the schema
    else if (e.where == Where::kOperator)
      fbb.AddElement<uint8_t>(vt, e.value, 0);
    ops.push_back(ob.Finish());
  }
  const auto tensor_vector = fbb.CreateVector(tensors);
  const auto graph_inputs = fbb.CreateVector(g.inputs);
  const auto graph_outputs = fbb.CreateVector(g.outputs);
  const auto op_vector = fbb.CreateVector(ops);
  fb::SubGraphBuilder gb(fbb);
  gb.add_tensors(tensor_vector);
  gb.add_inputs(graph_inputs);
  gb.add_outputs(graph_outputs);
  gb.add_operators(op_vector);
  if (e.where == Where::kSubGraph) fbb.AddElement<uint8_t>(vt, e.value, 0);
  const auto graph = gb.Finish();
  const auto graphs = fbb.CreateVector(std::vector<flatbuffers::Offset<fb::SubGraph>>{graph});
  const auto code_vector = fbb.CreateVector(codes);
  const auto buffer_vector = fbb.CreateVector(buffers);
  fb::ModelBuilder mb(fbb);
  mb.add_version(3);
  mb.add_operator_codes(code_vector);
  mb.add_subgraphs(graphs);
  mb.add_buffers(buffer_vector);
  if (e.where == Where::kModel) fbb.AddElement<uint8_t>(vt, e.value, 0);
  fbb.Finish(mb.Finish(), fb::ModelIdentifier());
  AlignedBytes bytes(fbb.GetSize());
  std::memcpy(bytes.data(), fbb.GetBufferPointer(), fbb.GetSize());
  return bytes;
}

Status round_trip_check(const AlignedBytes& bytes) {
  flatbuffers::Verifier verifier(bytes.data(), bytes.size());
  EXPECT_TRUE(fb::VerifyModelBuffer(verifier));
  return format::check_round_trip_preserves(bytes.data(), bytes.size());
}

TEST(ModelWriterTest, RefusesFieldsARewriteWouldDrop) {
  const fb::ModelT m = unpack_builder(conv_model());
  // Tensor indices: 0 input, 9 FC weights; op 4 is the FULLY_CONNECTED.
  struct Case {
    Extra extra;
    const char* message;
  } cases[] = {
      {{Where::kModel, 0, 8, 1}, "Model field 8"},  // 7 is signature_defs, carried
      {{Where::kModel, 0, 12, 1}, "Model field 12"},
      {{Where::kSubGraph, 0, 5, 1}, "SubGraph.debug_metadata_index"},
      {{Where::kTensor, 0, 9, 1}, "tensor 0 't0': Tensor.variant_tensors"},
      {{Where::kQuantization, 9, 4, 2}, "QuantizationParameters.details of type 2"},
      {{Where::kOperator, 4, 11, 1}, "op 4: Operator.builtin_options_2_type"},
      {{Where::kOperator, 4, 13, 1}, "Operator.debug_metadata_index"},
      {{Where::kFcOptions, 4, 4, 1}, "FullyConnectedOptions.quantized_bias_type"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    const AlignedBytes bytes = pack_with_extra(m, c.extra);
    const Status s = round_trip_check(bytes);
    EXPECT_EQ(s.code(), StatusCode::kUnsupported) << s.message();
    EXPECT_NE(std::string(s.message()).find(c.message), std::string::npos) << s.message();
    EXPECT_NE(std::string(s.message()).find("silently drop"), std::string::npos) << s.message();
    // And the quantizer refuses the file instead of writing a model without it.
    format::ModelBytes out;
    quant::QuantizeSummary summary;
    const Status q = quant::quantize_model(bytes.data(), bytes.size(), quant::QuantizeOptions(), {}, &out, &summary);
    EXPECT_FALSE(q.is_ok());
  }
  // A model from our own subset passes, and so does has_rank where the shape says the rank.
  EXPECT_TRUE(round_trip_check(conv_model().finish()).is_ok());
  const AlignedBytes ranked = pack_with_extra(m, {Where::kTensor, 0, 8, 1});
  EXPECT_TRUE(round_trip_check(ranked).is_ok());
  format::ModelBytes out;
  quant::QuantizeSummary summary;
  EXPECT_TRUE(
      quant::quantize_model(ranked.data(), ranked.size(), quant::QuantizeOptions(), {}, &out, &summary).is_ok());

  // has_rank on a scalar (empty shape) tells rank 0 from unranked: refused.
  ModelBuilder with_scalar = conv_model();
  const int32_t scalar = with_scalar.tensor(fb::TensorType::FLOAT32, {});
  const AlignedBytes scalar_rank =
      pack_with_extra(unpack_builder(with_scalar), {Where::kTensor, static_cast<std::size_t>(scalar), 8, 1});
  const Status s = round_trip_check(scalar_rank);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(std::string(s.message()).find("Tensor.has_rank"), std::string::npos) << s.message();

  // Sparse tensors and buffers with data outside the flatbuffer.
  ModelBuilder sparse = conv_model();
  sparse.graph().tensors[9]->sparsity = std::make_unique<fb::SparsityParametersT>();
  const Status sp = round_trip_check(sparse.finish());
  EXPECT_NE(std::string(sp.message()).find("sparse tensor"), std::string::npos) << sp.message();
  ModelBuilder external = conv_model();
  external.model().buffers[1]->offset = 4096;
  external.model().buffers[1]->size = 16;
  const Status ex = round_trip_check(external.finish());
  EXPECT_NE(std::string(ex.message()).find("buffer 1: data outside the flatbuffer"), std::string::npos) << ex.message();
  EXPECT_EQ(format::write_model(&external.model(), &out).code(), StatusCode::kUnsupported);
}

TEST(ModelWriterTest, BufferZeroIsTheEmptySentinel) {
  // A model without constants and without any buffer gets an empty buffer 0.
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::FLOAT32, {1, 4});
  const int32_t out_t = b.tensor(fb::TensorType::FLOAT32, {1, 4});
  fb::SoftmaxOptionsT softmax;
  softmax.beta = 1.0f;
  b.op(b.opcode(fb::BuiltinOperator::SOFTMAX), {in}, {out_t}).builtin_options.Set(softmax);
  b.io({in}, {out_t});
  b.model().buffers.clear();
  format::ModelBytes out;
  Status s = format::write_and_verify_model(&b.model(), &out);
  ASSERT_TRUE(s.is_ok()) << s.message();
  const fb::Model* written = fb::GetModel(out.data());
  ASSERT_EQ(written->buffers()->size(), 1u);
  EXPECT_TRUE(written->buffers()->Get(0)->data() == nullptr || written->buffers()->Get(0)->data()->size() == 0);

  // Data in buffer 0 is refused.
  ModelBuilder bad = conv_model();
  bad.model().buffers[0]->data = {1, 2, 3, 4};
  s = format::write_model(&bad.model(), &out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(std::string(s.message()).find("buffer 0"), std::string::npos) << s.message();
}

TEST(QuantizerTest, KeepsMetadataButTheFloatModelsRuntimeVersion) {
  ModelBuilder b = conv_model();
  auto add_metadata = [&](const char* name, const std::string& text) {
    auto buffer = std::make_unique<fb::BufferT>();
    buffer->data.assign(text.begin(), text.end());
    b.model().buffers.push_back(std::move(buffer));
    auto entry = std::make_unique<fb::MetadataT>();
    entry->name = name;
    entry->buffer = static_cast<uint32_t>(b.model().buffers.size() - 1);
    b.model().metadata.push_back(std::move(entry));
  };
  add_metadata("license", "made by the test");
  add_metadata("min_runtime_version", "1.5.0");
  b.model().description = "a description";
  const AlignedBytes float_model = b.finish();
  format::ModelBytes out;
  quant::QuantizeSummary summary;
  ASSERT_TRUE(
      quant::quantize_model(float_model.data(), float_model.size(), quant::QuantizeOptions(), {}, &out, &summary)
          .is_ok());
  const fb::ModelT m = unpack(out);
  EXPECT_EQ(m.description, "a description");
  ASSERT_EQ(m.metadata.size(), 1u);
  EXPECT_EQ(m.metadata[0]->name, "license");
  const auto& data = m.buffers[m.metadata[0]->buffer]->data;
  EXPECT_EQ(std::string(data.begin(), data.end()), "made by the test");
  bool noted = false;
  for (const std::string& note : summary.notes) noted |= note.find("min_runtime_version") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(ModelWriterTest, WritesSchemaV3WithAlignedBuffersAndBothOpcodeFields) {
  ModelBuilder b = conv_model();
  b.model().version = 1;                                                 // finalize fixes it
  b.model().operator_codes[0]->builtin_code = fb::BuiltinOperator::ADD;  // an old converter's file:
  b.model().operator_codes[0]->deprecated_builtin_code = 4;              // only the byte field set
  format::ModelBytes out;
  const Status s = format::write_and_verify_model(&b.model(), &out);
  ASSERT_TRUE(s.is_ok()) << s.message();
  EXPECT_EQ(reinterpret_cast<uintptr_t>(out.data()) % kModelAlignment, 0u);
  ASSERT_TRUE(fb::ModelBufferHasIdentifier(out.data()));
  const fb::Model* m = fb::GetModel(out.data());
  EXPECT_EQ(m->version(), 3u);
  EXPECT_EQ(m->operator_codes()->Get(0)->builtin_code(), fb::BuiltinOperator::DEPTHWISE_CONV_2D);
  EXPECT_EQ(m->operator_codes()->Get(0)->deprecated_builtin_code(), 4);
  for (uint32_t i = 0; i < m->buffers()->size(); ++i) {
    const auto* data = m->buffers()->Get(i)->data();
    if (data != nullptr && data->size() > 0) EXPECT_EQ((data->Data() - out.data()) % 16, 0) << "buffer " << i;
  }

  // A model the loader rejects is reported, not written silently.
  ModelBuilder bad = conv_model();
  bad.graph().operators[0]->inputs[0] = 999;
  EXPECT_FALSE(format::write_and_verify_model(&bad.model(), &out).is_ok());
}

}  // namespace
}  // namespace tinyinfer
