// Reference FULLY_CONNECTED: hand-checked cases plus a cross-check against
// CONV_2D with 1x1 filters (batches become pixels).
#include "ops/fully_connected/fully_connected.h"

#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "ops/conv_2d/conv_2d.h"

namespace tinyinfer::kernels {
namespace {

constexpr int32_t kHalf = 1 << 30;  // Q31 0.5; with shift s: x * 2^(s-1)

Dims4 dims(int32_t n, int32_t h, int32_t w, int32_t c) {
  Dims4 d;
  d.n = n;
  d.h = h;
  d.w = w;
  d.c = c;
  return d;
}

Requant requant(const std::vector<int32_t>& multipliers, const std::vector<int32_t>& shifts, int32_t input_offset,
                int32_t filter_offset, int32_t output_offset, int32_t act_min = -128, int32_t act_max = 127) {
  Requant rq;
  rq.input_offset = input_offset;
  rq.filter_offset = filter_offset;
  rq.output_offset = output_offset;
  rq.act_min = act_min;
  rq.act_max = act_max;
  rq.multipliers = multipliers.data();
  rq.shifts = shifts.data();
  return rq;
}

struct Lcg {
  uint32_t state;
  int32_t next(int32_t lo, int32_t hi) {  // inclusive
    state = state * 1664525u + 1013904223u;
    return lo + static_cast<int32_t>((state >> 8) % static_cast<uint32_t>(hi - lo + 1));
  }
};

TEST(FullyConnectedTest, FloatBatchesAndBias) {
  // input b0 [1,2,3], b1 [-1,0,2]; filter u0 [1,0,-1], u1 [0.5,0.5,0.5]; bias [1,-1]
  // b0: u0 1-3+1 = -1, u1 3-1 = 2;  b1: u0 -1-2+1 = -2, u1 0.5-1 = -0.5
  const std::vector<float> input = {1, 2, 3, -1, 0, 2};
  const std::vector<float> filter = {1, 0, -1, 0.5f, 0.5f, 0.5f};
  const float bias[] = {1, -1};
  std::vector<float> output(4);
  reference::fully_connected_float(FloatClamp{}, 2, 3, 2, input.data(), filter.data(), bias, output.data());
  EXPECT_EQ(output, (std::vector<float>{-1, 2, -2, -0.5f}));
}

TEST(FullyConnectedTest, FloatNullBiasAndRelu6Clamp) {
  // depth 2, units 3, filter rows [1,1] [-1,0] [4,0]; input [2,1.5]:
  // 3.5, -2 -> 0, 8 -> 6
  const std::vector<float> input = {2, 1.5f};
  const std::vector<float> filter = {1, 1, -1, 0, 4, 0};
  FloatClamp relu6;
  relu6.min = 0;
  relu6.max = 6;
  std::vector<float> output(3);
  reference::fully_connected_float(relu6, 1, 2, 3, input.data(), filter.data(), nullptr, output.data());
  EXPECT_EQ(output, (std::vector<float>{3.5f, 0, 6}));
}

TEST(FullyConnectedTest, Int8AllOffsetsBatchesPerUnitRequant) {
  // input b0 [1,2,3], b1 [-4,0,5], input_offset 1 -> [2,3,4], [-3,1,6]
  // filter u0 [2,3,4], u1 [-1,0,1], filter_offset -2 -> [0,1,2], [-3,-2,-1]
  // b0u0: 0+3+8 = 11, +5 = 16, x0.5 = 8, -3 -> 5
  // b0u1: -6-6-4 = -16, -4 = -20, x0.25 (shift -1) = -5, -3 -> -8
  // b1u0: 0+1+12 = 13, +5 = 18, x0.5 = 9, -3 -> 6
  // b1u1: 9-2-6 = 1, -4 = -3, x0.25 = -0.75 -> -1, -3 -> -4
  const std::vector<int8_t> input = {1, 2, 3, -4, 0, 5};
  const std::vector<int8_t> filter = {2, 3, 4, -1, 0, 1};
  const int32_t bias[] = {5, -4};
  const std::vector<int32_t> multipliers = {kHalf, kHalf}, shifts = {0, -1};
  std::vector<int8_t> output(4);
  reference::fully_connected_int8(requant(multipliers, shifts, 1, -2, -3), 2, 3, 2, input.data(), filter.data(), bias,
                                  output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{5, -8, 6, -4}));
}

TEST(FullyConnectedTest, Int8PositiveShiftNullBias) {
  // x0.5 * 2^2 = x2: input [3,-4] . filter [5,2] = 15-8 = 7 -> 14; out_offset 100 -> 114
  const std::vector<int8_t> input = {3, -4};
  const std::vector<int8_t> filter = {5, 2};
  const std::vector<int32_t> multipliers = {kHalf}, shifts = {2};
  int8_t output = 0;
  reference::fully_connected_int8(requant(multipliers, shifts, 0, 0, 100), 1, 2, 1, input.data(), filter.data(),
                                  nullptr, &output);
  EXPECT_EQ(output, 114);
}

TEST(FullyConnectedTest, Int8SaturationAndActivationClamp) {
  // identity requant; input [127,127]: u0 [127,127] -> 32258 -> 127,
  // u1 [-128,-128] -> -32512 -> -128, u2 [1,-1] -> 0, u3 [1,0] -> 127.
  const std::vector<int8_t> input = {127, 127};
  const std::vector<int8_t> filter = {127, 127, -128, -128, 1, -1, 1, 0};
  const std::vector<int32_t> multipliers(4, kHalf), shifts(4, 1);
  std::vector<int8_t> output(4);
  reference::fully_connected_int8(requant(multipliers, shifts, 0, 0, 0), 1, 2, 4, input.data(), filter.data(), nullptr,
                                  output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{127, -128, 0, 127}));
  // act range [-20, 20] with out_offset -20 (ReLU-like, zero point -20):
  // 32258-20 -> 20, -32512-20 -> -20, 0-20 = -20, 127-20 = 107 -> 20
  reference::fully_connected_int8(requant(multipliers, shifts, 0, 0, -20, -20, 20), 1, 2, 4, input.data(),
                                  filter.data(), nullptr, output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{20, -20, -20, 20}));
}

TEST(FullyConnectedTest, Int8MatchesOneByOneConv) {
  // FC over [batches, depth] is a 1x1 conv over batches pixels of depth channels
  // (symmetric filter, so filter_offset 0).
  const int32_t batches = 3, depth = 10, units = 5;
  Lcg rng{4242};
  std::vector<int8_t> input(batches * depth), filter(units * depth);
  for (auto& v : input) v = static_cast<int8_t>(rng.next(-128, 127));
  for (auto& v : filter) v = static_cast<int8_t>(rng.next(-127, 127));
  std::vector<int32_t> bias(units), multipliers(units), shifts(units);
  for (int u = 0; u < units; ++u) {
    bias[u] = rng.next(-2000, 2000);
    multipliers[u] = rng.next(1 << 30, 0x7fffffff);
    shifts[u] = rng.next(-10, -8);
  }
  const Requant rq = requant(multipliers, shifts, 11, 0, -6);
  std::vector<int8_t> output(batches * units), expected(batches * units);
  reference::fully_connected_int8(rq, batches, depth, units, input.data(), filter.data(), bias.data(), output.data());
  reference::conv2d_int8(Window{}, rq, dims(batches, 1, 1, depth), input.data(), dims(units, 1, 1, depth),
                         filter.data(), bias.data(), dims(batches, 1, 1, units), expected.data());
  EXPECT_EQ(output, expected);
  int unsaturated = 0;
  for (int8_t v : expected) unsaturated += (v != -128 && v != 127);
  EXPECT_GT(unsaturated, batches * units / 2);
}

TEST(FullyConnectedTest, FloatMatchesOneByOneConv) {
  const int32_t batches = 2, depth = 7, units = 4;
  Lcg rng{555};
  std::vector<float> input(batches * depth), filter(units * depth);
  for (auto& v : input) v = static_cast<float>(rng.next(-999, 999)) / 100.0f;
  for (auto& v : filter) v = static_cast<float>(rng.next(-999, 999)) / 300.0f;
  const std::vector<float> bias = {0.1f, -0.2f, 0.3f, 0};
  std::vector<float> output(batches * units), expected(batches * units);
  reference::fully_connected_float(FloatClamp{}, batches, depth, units, input.data(), filter.data(), bias.data(),
                                   output.data());
  reference::conv2d_float(Window{}, FloatClamp{}, dims(batches, 1, 1, depth), input.data(), dims(units, 1, 1, depth),
                          filter.data(), bias.data(), dims(batches, 1, 1, units), expected.data());
  EXPECT_EQ(output, expected);
}

TEST(FullyConnectedTest, HybridHandChecked) {
  // input b0 [1,2], b1 [-1,4]; q u0 [3,-1] scale 0.5, u1 [2,2] scale 0.25; bias [0,1]
  // b0: u0 (3-2)*0.5 = 0.5, u1 (2+4)*0.25+1 = 2.5;  b1: u0 (-3-4)*0.5 = -3.5, u1 6*0.25+1 = 2.5
  const std::vector<float> input = {1, 2, -1, 4};
  const std::vector<int8_t> filter = {3, -1, 2, 2};
  const float scales[] = {0.5f, 0.25f};
  const float bias[] = {0, 1};
  std::vector<float> output(4);
  reference::fully_connected_hybrid(FloatClamp{}, 2, 2, 2, input.data(), filter.data(), scales, bias, output.data());
  EXPECT_EQ(output, (std::vector<float>{0.5f, 2.5f, -3.5f, 2.5f}));
  // No bias, clamp [-1, 2]: 0.5, 1.5, -3.5 -> -1, 1.5
  FloatClamp clamp;
  clamp.min = -1;
  clamp.max = 2;
  reference::fully_connected_hybrid(clamp, 2, 2, 2, input.data(), filter.data(), scales, nullptr, output.data());
  EXPECT_EQ(output, (std::vector<float>{0.5f, 1.5f, -1, 1.5f}));
}

TEST(FullyConnectedTest, HybridEqualsFloatWithDequantizedWeights) {
  // Power-of-two scales: scaling before or after the sum is exact.
  const int32_t batches = 3, depth = 9, units = 3;
  Lcg rng{8};
  std::vector<float> input(batches * depth);
  std::vector<int8_t> quantized(units * depth);
  for (auto& v : input) v = static_cast<float>(rng.next(-999, 999)) / 64.0f;
  for (auto& v : quantized) v = static_cast<int8_t>(rng.next(-127, 127));
  const std::vector<float> scales = {0.5f, 1.0f / 64, 4.0f};
  const std::vector<float> bias = {1, 0, -2};
  std::vector<float> dequantized(quantized.size());
  for (size_t i = 0; i < quantized.size(); ++i) dequantized[i] = quantized[i] * scales[i / depth];
  std::vector<float> hybrid(batches * units), expected(batches * units);
  reference::fully_connected_hybrid(FloatClamp{}, batches, depth, units, input.data(), quantized.data(), scales.data(),
                                    bias.data(), hybrid.data());
  reference::fully_connected_float(FloatClamp{}, batches, depth, units, input.data(), dequantized.data(), bias.data(),
                                   expected.data());
  EXPECT_EQ(hybrid, expected);
}

}  // namespace
}  // namespace tinyinfer::kernels
