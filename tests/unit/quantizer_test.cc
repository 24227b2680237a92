// The post-training quantizer (src/quant/quantizer.h) on a small float model
// built here: both modes produce a model that loads, plans and runs; int8
// outputs stay close to the float ones; weights round-trip within scale/2;
// biases, softmax and pooling follow the TFLite int8 spec; bad inputs are
// refused with a message.
#include "quant/quantizer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "format/model_writer.h"
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
  EXPECT_EQ(tensors[2]->type, fb::TensorType::FLOAT32);  // bias stays float

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

  const auto& t = m.subgraphs[0]->tensors;
  auto scale = [&](int32_t i, std::size_t c = 0) { return t[static_cast<std::size_t>(i)]->quantization->scale[c]; };
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
  ASSERT_TRUE(quant::quantize_model(float_model.data(), float_model.size(), options, calibration_set(1, 64), &minmax,
                                    &summary)
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
  ASSERT_TRUE(quant::quantize_model(float_model.data(), float_model.size(), int8, calibration_set(1, 8), &out,
                                    &summary)
                  .is_ok());
  format::ModelBytes again;
  s = quant::quantize_model(out.data(), out.size(), int8, calibration_set(1, 8), &again, &summary);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(std::string(s.message()).find("float model"), std::string::npos) << s.message();

  // Builtin options outside our schema subset would be dropped by a repack.
  ModelBuilder b = conv_model();
  b.graph().operators[3]->builtin_options.Reset();
  b.graph().operators[3]->builtin_options.type = static_cast<fb::BuiltinOptions>(50);  // not declared by us
  const AlignedBytes unknown = b.finish();
  s = quant::quantize_model(unknown.data(), unknown.size(), quant::QuantizeOptions(), {}, &out, &summary);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(std::string(s.message()).find("options"), std::string::npos) << s.message();

  // Not a model at all.
  const uint8_t junk[64] = {1, 2, 3};
  s = quant::quantize_model(junk, sizeof(junk), quant::QuantizeOptions(), {}, &out, &summary);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
}

TEST(ModelWriterTest, WritesSchemaV3WithAlignedBuffersAndBothOpcodeFields) {
  ModelBuilder b = conv_model();
  b.model().version = 1;  // finalize fixes it
  b.model().operator_codes[0]->builtin_code = fb::BuiltinOperator::ADD;  // an old converter's file:
  b.model().operator_codes[0]->deprecated_builtin_code = 4;             // only the byte field set
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
