// CONV_2D and FULLY_CONNECTED models that TFLite accepts and computes, which
// the conformance folders do not reach: a grouped convolution (filter depth
// dividing the input depth), requantization multipliers above 1 (input x
// weight scale above the output scale), and a fused TANH or SIGN_BIT (no
// clamp, as TFLite's CalculateActivationRange). Each runs with both kernel
// sets against values worked out here.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dsp/fixed_point.h"
#include "support/model_builder.h"
#include "support/model_run.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

using testing::ModelBuilder;
namespace fb = ::tinyinfer::tflite;

struct ModelRun : testing::ModelRun<32768> {
  using testing::ModelRun<32768>::ModelRun;
  template <typename In, typename Out>
  std::vector<Out> invoke(const std::vector<In>& input) {
    set(0, input);
    const Status s = interpreter.invoke();
    EXPECT_TRUE(s.is_ok()) << s.message();
    return get<Out>();
  }
};

const KernelChoice kBothSets[] = {KernelChoice::kReference, KernelChoice::kOptimized};

// [1,1,1,4] input, 1x1 filter of depth 2 over 4 output channels: two groups,
// filters 0-1 read input channels 0-1, filters 2-3 channels 2-3.
ModelBuilder grouped_conv(fb::TensorType type, float in_scale, float w_scale, float out_scale,
                          fb::ActivationFunctionType act = fb::ActivationFunctionType::NONE) {
  ModelBuilder b;
  const bool q = type == fb::TensorType::INT8;
  const int32_t in = b.tensor(type, {1, 1, 1, 4}, q ? in_scale : 0.0f, 0);
  int32_t filter, bias;
  if (q) {
    filter = b.constant<int8_t>(type, {4, 1, 1, 2}, {1, 2, 3, 4, -1, 1, 2, -2}, {w_scale});
    bias = b.constant<int32_t>(fb::TensorType::INT32, {4}, {0, 0, 0, 0}, {in_scale * w_scale});
  } else {
    filter = b.constant<float>(type, {4, 1, 1, 2}, {1, 2, 3, 4, -1, 1, 2, -2});
    bias = b.constant<float>(type, {4}, {0.5f, 0, 0, 0});
  }
  const int32_t out = b.tensor(type, {1, 1, 1, 4}, q ? out_scale : 0.0f, 0);
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::CONV_2D, q ? 3 : 1), {in, filter, bias}, {out});
  fb::Conv2DOptionsT options;
  options.padding = fb::Padding::VALID;
  options.stride_w = options.stride_h = 1;
  options.fused_activation_function = act;
  op.builtin_options.Set(options);
  b.io({in}, {out});
  return b;
}

TEST(ConvFcModelRulesTest, GroupedConvolutionFloat) {
  for (const KernelChoice kernels : kBothSets) {
    ModelRun run(grouped_conv(fb::TensorType::FLOAT32, 0, 0, 0), kernels);
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    // x = (1, 2, 3, 4): group 0 reads (1, 2), group 1 reads (3, 4).
    // 1*1+2*2+0.5 = 5.5, 3*1+4*2 = 11, -1*3+1*4 = 1, 2*3-2*4 = -2.
    EXPECT_EQ((run.invoke<float, float>({1, 2, 3, 4})), (std::vector<float>{5.5f, 11, 1, -2}));
  }
}

TEST(ConvFcModelRulesTest, GroupedConvolutionInt8) {
  for (const KernelChoice kernels : kBothSets) {
    ModelRun run(grouped_conv(fb::TensorType::INT8, 0.5f, 0.25f, 0.125f), kernels);
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    // Multiplier 0.5 * 0.25 / 0.125 = 1: the integer sums are the outputs.
    EXPECT_EQ((run.invoke<int8_t, int8_t>({1, 2, 3, 4})), (std::vector<int8_t>{5, 11, 1, -2}));
  }
}

TEST(ConvFcModelRulesTest, GroupsThatDoNotDivideAreRefused) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::FLOAT32, {1, 1, 1, 4});
  const int32_t filter = b.constant<float>(fb::TensorType::FLOAT32, {3, 1, 1, 3}, std::vector<float>(9, 1.0f));
  const int32_t out = b.tensor(fb::TensorType::FLOAT32, {1, 1, 1, 3});
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::CONV_2D), {in, filter}, {out});
  fb::Conv2DOptionsT options;
  options.stride_w = options.stride_h = 1;
  op.builtin_options.Set(options);
  b.io({in}, {out});
  ModelRun run(b, KernelChoice::kReference);
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_NE(std::string(run.status.message()).find("must divide"), std::string::npos) << run.status.message();
}

// Input x weight scale 0.5 * 0.5 = 0.25 over an output scale of 0.03125:
// multiplier 8, TFLite's QuantizeMultiplier gives a left shift of 4.
TEST(ConvFcModelRulesTest, GroupedConvolutionWithLeftShift) {
  for (const KernelChoice kernels : kBothSets) {
    ModelRun run(grouped_conv(fb::TensorType::INT8, 0.5f, 0.5f, 0.03125f), kernels);
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    // Sums 5, 11, 1, -2 times 8, saturated to int8.
    EXPECT_EQ((run.invoke<int8_t, int8_t>({1, 2, 3, 4})), (std::vector<int8_t>{40, 88, 8, -16}));
  }
}

ModelBuilder fully_connected(fb::TensorType type, float in_scale, float w_scale, float out_scale, int64_t out_zp,
                             fb::ActivationFunctionType act = fb::ActivationFunctionType::NONE) {
  ModelBuilder b;
  const bool q = type != fb::TensorType::FLOAT32;
  const int32_t in = b.tensor(type, {1, 8}, q ? in_scale : 0.0f, 0);
  std::vector<int8_t> w8(3 * 8);
  std::vector<float> wf(3 * 8);
  for (int i = 0; i < 24; ++i) {
    w8[static_cast<std::size_t>(i)] = static_cast<int8_t>((i * 7) % 11 - 5);
    wf[static_cast<std::size_t>(i)] = static_cast<float>(w8[static_cast<std::size_t>(i)]);
  }
  const int32_t weights = q ? b.constant<int8_t>(fb::TensorType::INT8, {3, 8}, w8, {w_scale})
                            : b.constant<float>(fb::TensorType::FLOAT32, {3, 8}, wf);
  const int32_t out = b.tensor(type, {1, 3}, q ? out_scale : 0.0f, out_zp);
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::FULLY_CONNECTED, q ? 4 : 1), {in, weights, -1}, {out});
  fb::FullyConnectedOptionsT options;
  options.fused_activation_function = act;
  op.builtin_options.Set(options);
  b.io({in}, {out});
  return b;
}

// Multiplier 1.5 * 1.0 / 0.1 = 15 (left shift 4), TFLite's rounding, output
// zero point 3, saturation; against the fixed-point formula computed here.
TEST(ConvFcModelRulesTest, FullyConnectedInt8MultiplierAboveOne) {
  const std::vector<int8_t> x = {1, -2, 3, 0, 5, -1, 2, 1};
  int32_t multiplier = 0;
  int shift = 0;
  quant::quantize_multiplier(static_cast<double>(1.5f * 1.0f) / 0.1, &multiplier, &shift);
  ASSERT_EQ(shift, 4);
  std::vector<int8_t> want(3);
  for (int u = 0; u < 3; ++u) {
    int32_t acc = 0;
    for (int i = 0; i < 8; ++i) acc += x[static_cast<std::size_t>(i)] * ((((u * 8 + i) * 7) % 11) - 5);
    const int32_t y = quant::multiply_by_quantized_multiplier(acc, multiplier, shift) + 3;
    want[static_cast<std::size_t>(u)] = static_cast<int8_t>(std::min(127, std::max(-128, y)));
  }
  for (const KernelChoice kernels : kBothSets) {
    ModelRun run(fully_connected(fb::TensorType::INT8, 1.5f, 1.0f, 0.1f, 3), kernels);
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    EXPECT_EQ((run.invoke<int8_t, int8_t>(x)), want);
  }
}

TEST(ConvFcModelRulesTest, AbsurdMultiplierIsRefused) {
  ModelRun run(fully_connected(fb::TensorType::INT8, 100.0f, 100.0f, 0.01f, 0), KernelChoice::kReference);
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_NE(std::string(run.status.message()).find("2^14"), std::string::npos) << run.status.message();
}

TEST(ConvFcModelRulesTest, FusedTanhAndSignBitClampNothing) {
  for (const auto act : {fb::ActivationFunctionType::TANH, fb::ActivationFunctionType::SIGN_BIT}) {
    for (const KernelChoice kernels : kBothSets) {
      ModelRun conv(grouped_conv(fb::TensorType::FLOAT32, 0, 0, 0, act), kernels);
      ASSERT_TRUE(conv.status.is_ok()) << conv.status.message();
      EXPECT_EQ((conv.invoke<float, float>({1, 2, 3, 4})), (std::vector<float>{5.5f, 11, 1, -2}));
      ModelRun fc(fully_connected(fb::TensorType::FLOAT32, 0, 0, 0, 0, act), kernels);
      ASSERT_TRUE(fc.status.is_ok()) << fc.status.message();
      const std::vector<float> out = fc.invoke<float, float>({10, -20, 30, 0, 50, -10, 20, 10});
      ASSERT_EQ(out.size(), 3u);
      EXPECT_LT(*std::min_element(out.begin(), out.end()), -1.0f);  // no clamp at -1, 0 or 1
    }
  }
}

// A weight-only model: int8 weights with per-channel scales, a DEQUANTIZE
// (version 5) and float ops reading its output as their weights at run time.
TEST(ConvFcModelRulesTest, WeightsFromAPerChannelDequantize) {
  for (const bool conv : {false, true}) {
    for (const KernelChoice kernels : kBothSets) {
      ModelBuilder b;
      const std::vector<int8_t> q = {1, 2, 3, 4, -1, -2, -3, -4, 8, 0, -8, 1};  // 3 rows of 4
      const std::vector<int32_t> w_shape = conv ? std::vector<int32_t>{3, 1, 1, 4} : std::vector<int32_t>{3, 4};
      const int32_t wq = b.constant<int8_t>(fb::TensorType::INT8, w_shape, q, {0.5f, 0.25f, 2.0f}, 0);
      const int32_t w = b.tensor(fb::TensorType::FLOAT32, w_shape);
      b.op(b.opcode(fb::BuiltinOperator::DEQUANTIZE, 5), {wq}, {w});
      const int32_t bias = b.tensor(fb::TensorType::FLOAT32, {3});  // a run-time bias too: a model input
      const int32_t in =
          b.tensor(fb::TensorType::FLOAT32, conv ? std::vector<int32_t>{1, 1, 1, 4} : std::vector<int32_t>{1, 4});
      const int32_t out =
          b.tensor(fb::TensorType::FLOAT32, conv ? std::vector<int32_t>{1, 1, 1, 3} : std::vector<int32_t>{1, 3});
      if (conv) {
        fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::CONV_2D), {in, w, bias}, {out});
        fb::Conv2DOptionsT options;
        options.stride_w = options.stride_h = 1;
        op.builtin_options.Set(options);
      } else {
        b.op(b.opcode(fb::BuiltinOperator::FULLY_CONNECTED), {in, w, bias}, {out});
      }
      b.io({in, bias}, {out});
      ModelRun run(b, kernels);
      ASSERT_TRUE(run.status.is_ok()) << run.status.message();
      const std::vector<float> x = {1, 2, 3, 4};
      const std::vector<float> bias_values = {0.5f, -1, 0};
      std::memcpy(run.interpreter.input(1)->data, bias_values.data(), sizeof(float) * 3);
      // Rows dequantized: (0.5, 1, 1.5, 2), (-0.25, -0.5, -0.75, -1), (16, 0, -16, 2).
      // Dot products with x: 15, -7.5, -24; plus the bias.
      EXPECT_EQ((run.invoke<float, float>(x)), (std::vector<float>{15.5f, -8.5f, -24.0f})) << (conv ? "CONV_2D" : "FC");
    }
  }
}

}  // namespace
}  // namespace tinyinfer
