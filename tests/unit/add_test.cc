// Reference ADD: broadcasting over the output rank, the fused clamp, and the
// int8 scheme (inputs << 20, rescaled to a common scale, then to the output).
#include "ops/add/add.h"

#include <cstdint>
#include <initializer_list>

#include <gtest/gtest.h>

#include "ops/add/add_params.h"

namespace tinyinfer::kernels::reference {
namespace {

BroadcastShape make_shape(std::initializer_list<int32_t> out, std::initializer_list<int32_t> in1,
                          std::initializer_list<int32_t> in2) {
  BroadcastShape s;
  s.rank = static_cast<int32_t>(out.size());
  int i = 0;
  for (int32_t d : out) s.out[i++] = d;
  i = 0;
  for (int32_t d : in1) s.in1[i++] = d;
  i = 0;
  for (int32_t d : in2) s.in2[i++] = d;
  return s;
}

TEST(AddTest, FloatSameShapeAndClamp) {
  const float a[4] = {1, 2, 3, 4};
  const float b[4] = {10, -20, 0.5f, 2};
  float out[4] = {};
  FloatClamp clamp;
  clamp.min = -5.0f;
  clamp.max = 6.0f;
  add_float(clamp, make_shape({2, 2}, {2, 2}, {2, 2}), a, b, out);
  EXPECT_FLOAT_EQ(out[0], 6.0f);   // 11 clamped
  EXPECT_FLOAT_EQ(out[1], -5.0f);  // -18 clamped
  EXPECT_FLOAT_EQ(out[2], 3.5f);
  EXPECT_FLOAT_EQ(out[3], 6.0f);
}

TEST(AddTest, FloatBroadcastScalarEitherSide) {
  const float a[6] = {0, 1, 2, 3, 4, 5};
  const float s[1] = {100};
  float out[6] = {};
  add_float(FloatClamp{}, make_shape({2, 3}, {2, 3}, {1, 1}), a, s, out);
  for (int i = 0; i < 6; ++i) EXPECT_FLOAT_EQ(out[i], 100.0f + i);
  add_float(FloatClamp{}, make_shape({2, 3}, {1, 1}, {2, 3}), s, a, out);
  for (int i = 0; i < 6; ++i) EXPECT_FLOAT_EQ(out[i], 100.0f + i);
}

TEST(AddTest, FloatBroadcastMiddleDim) {
  // out [2,3,2] = a [2,3,2] + b [2,1,2]: b[n][0][c] repeats over the 3 rows.
  float a[12];
  for (int i = 0; i < 12; ++i) a[i] = static_cast<float>(i);
  const float b[4] = {100, 200, 300, 400};  // b[0][0] = {100,200}, b[1][0] = {300,400}
  float out[12] = {};
  add_float(FloatClamp{}, make_shape({2, 3, 2}, {2, 3, 2}, {2, 1, 2}), a, b, out);
  const float expected[12] = {100, 201, 102, 203, 104, 205,   // n=0
                              306, 407, 308, 409, 310, 411};  // n=1
  for (int i = 0; i < 12; ++i) EXPECT_FLOAT_EQ(out[i], expected[i]) << i;
}

TEST(AddTest, FloatBroadcastBothInputs) {
  // Outer sum: a [2,1] + b [1,3] -> [2,3], out[i][j] = a[i] + b[j].
  const float a[2] = {10, 20};
  const float b[3] = {1, 2, 3};
  float out[6] = {};
  add_float(FloatClamp{}, make_shape({2, 3}, {2, 1}, {1, 3}), a, b, out);
  const float expected[6] = {11, 12, 13, 21, 22, 23};
  for (int i = 0; i < 6; ++i) EXPECT_FLOAT_EQ(out[i], expected[i]) << i;
}

TEST(AddTest, FloatRankZeroAndRankSix) {
  const float a[1] = {1.5f}, b[1] = {2.25f};
  float out[1] = {};
  add_float(FloatClamp{}, make_shape({}, {}, {}), a, b, out);
  EXPECT_FLOAT_EQ(out[0], 3.75f);
  // Rank 6, [2,1,1,1,1,2] + [1,1,1,1,1,2]: out[i][..][j] = a[i][j] + b[j].
  const float a6[4] = {1, 2, 3, 4};
  const float b6[2] = {10, 20};
  float out6[4] = {};
  add_float(FloatClamp{}, make_shape({2, 1, 1, 1, 1, 2}, {2, 1, 1, 1, 1, 2}, {1, 1, 1, 1, 1, 2}), a6, b6, out6);
  const float expected[4] = {11, 22, 13, 24};
  for (int i = 0; i < 4; ++i) EXPECT_FLOAT_EQ(out6[i], expected[i]) << i;
}

TEST(AddTest, PrepareInt8Multipliers) {
  AddInt8Params p;
  // twice_max = 2 * 0.5 = 1: real1 = 0.5 -> (2^30, 0); real2 = 0.25 -> (2^30, -1);
  // real_out = 1 / (2^20 * 0.5) = 2^-19 = 0.5 * 2^-18 -> (2^30, -18).
  quant::prepare_add_int8(0.5, 3, 0.25, -7, 0.5, 11, -100, 90, &p);
  EXPECT_EQ(p.left_shift, 20);
  EXPECT_EQ(p.input1_multiplier, 1 << 30);
  EXPECT_EQ(p.input1_shift, 0);
  EXPECT_EQ(p.input2_multiplier, 1 << 30);
  EXPECT_EQ(p.input2_shift, -1);
  EXPECT_EQ(p.output_multiplier, 1 << 30);
  EXPECT_EQ(p.output_shift, -18);
  EXPECT_EQ(p.input1_offset, -3);
  EXPECT_EQ(p.input2_offset, 7);
  EXPECT_EQ(p.output_offset, 11);
  EXPECT_EQ(p.act_min, -100);
  EXPECT_EQ(p.act_max, 90);
}

TEST(AddTest, Int8HandComputed) {
  AddInt8Params p;
  quant::prepare_add_int8(0.5, 0, 0.25, 0, 0.5, 0, -128, 127, &p);
  // a = 10 (5.0), b = 8 (2.0): a' = 10 * 2^20 * 0.5 = 5242880;
  // b' = 8 * 2^20 * 0.5 / 2 = 2097152; sum 7340032 * 0.5 / 2^18 = 14 (7.0).
  // Saturation: 127 (63.5) + 127 (31.75) = 95.25 -> 190.5 -> 127;
  // -128 (-64) + -128 (-32) = -96 -> -192 -> -128.
  // Rounding: 1 (0.5) + 1 (0.25) = 0.75 / 0.5 = 1.5 -> 2; -1 + -1 -> -1.5 -> -2.
  const int8_t a[5] = {10, 127, -128, 1, -1};
  const int8_t b[5] = {8, 127, -128, 1, -1};
  int8_t out[5] = {};
  add_int8(p, make_shape({5}, {5}, {5}), a, b, out);
  const int8_t expected[5] = {14, 127, -128, 2, -2};
  for (int i = 0; i < 5; ++i) EXPECT_EQ(out[i], expected[i]) << i;
}

TEST(AddTest, Int8ZeroPointsAndActivation) {
  AddInt8Params p;
  // in1: scale 0.1 zp 5; in2: scale 0.1 zp -5; out: scale 0.2 zp 3, act [0, 20].
  // real1 = real2 = 0.5; real_out = 0.2 / (2^20 * 0.2) = 2^-20 -> (2^30, -19).
  quant::prepare_add_int8(0.1, 5, 0.1, -5, 0.2, 3, 0, 20, &p);
  EXPECT_EQ(p.output_shift, -19);
  // 15 (1.0) + 5 (1.0) = 2.0 -> 10 + 3 = 13.
  // 5 (0.0) + -5 (0.0) = 0 -> 3.  -100 (-10.5) + -5 -> -52 + 3 -> clamp 0.
  // 100 (9.5) + 100 (10.5) = 20 -> 100 + 3 -> clamp 20.
  const int8_t a[4] = {15, 5, -100, 100};
  const int8_t b[4] = {5, -5, -5, 100};
  int8_t out[4] = {};
  add_int8(p, make_shape({4}, {4}, {4}), a, b, out);
  const int8_t expected[4] = {13, 3, 0, 20};
  for (int i = 0; i < 4; ++i) EXPECT_EQ(out[i], expected[i]) << i;
}

TEST(AddTest, Int8BroadcastScalarAndMiddleDim) {
  AddInt8Params p;
  quant::prepare_add_int8(1.0, 0, 1.0, 0, 1.0, 0, -128, 127, &p);
  // Equal scales 1.0: the int8 add is exact integer addition here.
  // twice_max 2: real1 = real2 = 0.5; real_out = 2 / 2^20 = 2^-19.
  const int8_t a[6] = {0, 1, 2, 3, 4, 125};
  const int8_t s[1] = {-2};
  int8_t out[6] = {};
  add_int8(p, make_shape({3, 2}, {3, 2}, {1, 1}), a, s, out);
  const int8_t expected_scalar[6] = {-2, -1, 0, 1, 2, 123};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(out[i], expected_scalar[i]) << i;
  // [2,3,1] + [2,1,1]: b[n] added to the 3 rows of batch n; 125 + 10 saturates.
  const int8_t b[2] = {-10, 10};
  add_int8(p, make_shape({2, 3, 1}, {2, 3, 1}, {2, 1, 1}), a, b, out);
  const int8_t expected_mid[6] = {-10, -9, -8, 13, 14, 127};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(out[i], expected_mid[i]) << i;
}

}  // namespace
}  // namespace tinyinfer::kernels::reference
