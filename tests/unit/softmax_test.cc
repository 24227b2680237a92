// Reference softmax: float sums to one; int8 follows TFLite's fixed-point
// scheme with output scale 1/256, zero point -128 (q = 256 * p - 128).
#include "ops/softmax/softmax.h"

#include <cmath>
#include <cstdint>

#include <gtest/gtest.h>

#include "dsp/softmax_fixed_point.h"

namespace tinyinfer::kernels::reference {
namespace {

SoftmaxInt8Params prepare(double beta, double input_scale) {
  SoftmaxInt8Params p;
  quant::prepare_softmax_int8(beta, input_scale, &p);
  return p;
}

TEST(SoftmaxTest, FloatMatchesDefinitionAndSumsToOne) {
  const float in[6] = {1, 2, 3, -1, -1, -1};
  float out[6] = {};
  softmax_float(1.0f, 2, 3, in, out);
  // Row 0: e^-2, e^-1, 1 over their sum; row 1 uniform.
  const double s = std::exp(-2.0) + std::exp(-1.0) + 1.0;
  EXPECT_NEAR(out[0], std::exp(-2.0) / s, 1e-6);
  EXPECT_NEAR(out[1], std::exp(-1.0) / s, 1e-6);
  EXPECT_NEAR(out[2], 1.0 / s, 1e-6);
  EXPECT_NEAR(out[0] + out[1] + out[2], 1.0f, 1e-6);
  for (int c = 3; c < 6; ++c) EXPECT_NEAR(out[c], 1.0f / 3.0f, 1e-6);
}

TEST(SoftmaxTest, FloatBetaAndLargeInputs) {
  // beta 2 on [0, ln 3 / 2]: exp ratio 3 -> {0.25, 0.75}. Large inputs must
  // not overflow (the max is subtracted first).
  const float in[4] = {0.0f, 0.5f * std::log(3.0f), 1000.0f, 1000.0f};
  float out[4] = {};
  softmax_float(2.0f, 2, 2, in, out);
  EXPECT_NEAR(out[0], 0.25f, 1e-6);
  EXPECT_NEAR(out[1], 0.75f, 1e-6);
  EXPECT_FLOAT_EQ(out[2], 0.5f);
  EXPECT_FLOAT_EQ(out[3], 0.5f);
}

TEST(SoftmaxTest, PrepareInt8) {
  // beta * scale * 2^26 = 2^26 / 16 = 2^22 = 0.5 * 2^23 -> (2^30, 23);
  // diff_min = -floor(31 * 2^26 / 2^23) = -248.
  SoftmaxInt8Params p = prepare(1.0, 1.0 / 16);
  EXPECT_EQ(p.input_multiplier, 1 << 30);
  EXPECT_EQ(p.input_left_shift, 23);
  EXPECT_EQ(p.diff_min, -248);
  // Capped at 2^31 - 1 -> (INT32_MAX, 30): diff_min = -floor(31 / 16) = -1.
  p = prepare(1.0, 100.0);
  EXPECT_EQ(p.input_multiplier, 2147483647);
  EXPECT_EQ(p.input_left_shift, 30);
  EXPECT_EQ(p.diff_min, -1);
  // 0.1 * 2^26 = 6710886.4 = 0.8 * 2^23: round(0.8 * 2^31) = 1717986918;
  // diff_min = -floor(31 * 8) = -248.
  p = prepare(1.0, 0.1);
  EXPECT_EQ(p.input_multiplier, 1717986918);
  EXPECT_EQ(p.input_left_shift, 23);
  EXPECT_EQ(p.diff_min, -248);
}

TEST(SoftmaxTest, Int8AllEqualIsUniform) {
  // Depth 4, all equal: p = 1/4 -> 64 - 128 = -64, whatever the inputs.
  const SoftmaxInt8Params p = prepare(1.0, 0.1);
  const int8_t in[8] = {5, 5, 5, 5, -128, -128, -128, -128};
  int8_t out[8] = {};
  softmax_int8(p, 2, 4, in, out);
  for (int i = 0; i < 8; ++i) EXPECT_EQ(out[i], -64) << i;
  // Depth 1: p = 1 -> 256 - 128 saturates to 127.
  int8_t one[1] = {};
  softmax_int8(p, 1, 1, in, one);
  EXPECT_EQ(one[0], 127);
}

TEST(SoftmaxTest, Int8OneHot) {
  // Scale 0.1: the other entries are 20 below the max, exp(-20) ~ 2e-9,
  // far below 1/512 -> -128; the max gets ~1 -> 127.
  const SoftmaxInt8Params p = prepare(1.0, 0.1);
  const int8_t in[4] = {-100, 100, -100, -100};
  int8_t out[4] = {};
  softmax_int8(p, 1, 4, in, out);
  EXPECT_EQ(out[0], -128);
  EXPECT_EQ(out[1], 127);
  EXPECT_EQ(out[2], -128);
  EXPECT_EQ(out[3], -128);
  // Differences below diff_min (here -1 with a huge scale) are skipped.
  const SoftmaxInt8Params steep = prepare(1.0, 100.0);
  const int8_t in2[3] = {0, -5, 0};
  softmax_int8(steep, 1, 3, in2, out);
  EXPECT_EQ(out[0], 0);  // 1/2 -> 128 - 128
  EXPECT_EQ(out[1], -128);
  EXPECT_EQ(out[2], 0);
}

TEST(SoftmaxTest, Int8ThreeToOne) {
  // scale = ln 3: a difference of 1 is exp(-ln 3) = 1/3, so the pair gives
  // {1/4, 3/4} -> 64 and 192 -> -64 and 64.
  const SoftmaxInt8Params p = prepare(1.0, std::log(3.0));
  const int8_t in[2] = {10, 11};
  int8_t out[2] = {};
  softmax_int8(p, 1, 2, in, out);
  EXPECT_EQ(out[0], -64);
  EXPECT_EQ(out[1], 64);
}

TEST(SoftmaxTest, Int8MonotonicAndCloseToFloat) {
  const double scale = 0.05;
  const SoftmaxInt8Params p = prepare(1.0, scale);
  int8_t in[64];
  float in_real[64];
  for (int i = 0; i < 64; ++i) {
    in[i] = static_cast<int8_t>(-128 + 4 * i);
    in_real[i] = static_cast<float>(scale * in[i]);
  }
  int8_t out[64] = {};
  float want[64] = {};
  softmax_int8(p, 1, 64, in, out);
  softmax_float(1.0f, 1, 64, in_real, want);
  for (int i = 1; i < 64; ++i) EXPECT_LE(out[i - 1], out[i]) << i;
  for (int i = 0; i < 64; ++i) {
    const double q = std::round(want[i] * 256.0) - 128.0;
    EXPECT_NEAR(out[i], q > 127 ? 127 : q, 1.0) << i;
  }
  EXPECT_GT(out[63], out[0]);
}

}  // namespace
}  // namespace tinyinfer::kernels::reference
