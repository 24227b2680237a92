// Reference pooling: window clipping at the borders (padding excluded),
// strides, rounding of the int8 average and the activation clamps.
#include <cstdint>

#include <gtest/gtest.h>

#include "ops/average_pool_2d/average_pool_2d.h"
#include "ops/max_pool_2d/max_pool_2d.h"

namespace tinyinfer::kernels::reference {
namespace {

Window pool_window(int32_t filter, int32_t stride, int32_t pad) {
  Window w;
  w.filter_h = w.filter_w = filter;
  w.stride_h = w.stride_w = stride;
  w.pad_top = w.pad_left = pad;
  return w;
}

Dims4 nhwc(int32_t n, int32_t h, int32_t w, int32_t c) {
  Dims4 d;
  d.n = n;
  d.h = h;
  d.w = w;
  d.c = c;
  return d;
}

// 1 2 3
// 4 5 6
// 7 8 9
constexpr float kGrid3x3[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};

TEST(PoolingTest, AverageFloatSamePaddingCountsOnlyValidCells) {
  // 3x3 filter, stride 1, pad 1 (SAME): corners see 4 cells, edges 6.
  float out[9] = {};
  average_pool_float(pool_window(3, 1, 1), FloatClamp{}, nhwc(1, 3, 3, 1), kGrid3x3, nhwc(1, 3, 3, 1), out);
  EXPECT_FLOAT_EQ(out[0], 3.0f);  // (1+2+4+5)/4
  EXPECT_FLOAT_EQ(out[1], 3.5f);  // (1+2+3+4+5+6)/6
  EXPECT_FLOAT_EQ(out[3], 4.5f);  // (1+2+4+5+7+8)/6
  EXPECT_FLOAT_EQ(out[4], 5.0f);  // 45/9
  EXPECT_FLOAT_EQ(out[8], 7.0f);  // (5+6+8+9)/4
}

TEST(PoolingTest, MaxFloatSamePadding) {
  float out[9] = {};
  max_pool_float(pool_window(3, 1, 1), FloatClamp{}, nhwc(1, 3, 3, 1), kGrid3x3, nhwc(1, 3, 3, 1), out);
  const float expected[9] = {5, 6, 6, 8, 9, 9, 8, 9, 9};
  for (int i = 0; i < 9; ++i) EXPECT_FLOAT_EQ(out[i], expected[i]) << i;
}

TEST(PoolingTest, MaxFloatAllNegativeIgnoresPadding) {
  // Padding must not act as 0: the max of all-negative cells stays negative.
  const float in[4] = {-4, -3, -2, -1};
  float out[4] = {};
  max_pool_float(pool_window(3, 1, 1), FloatClamp{}, nhwc(1, 2, 2, 1), in, nhwc(1, 2, 2, 1), out);
  for (int i = 0; i < 4; ++i) EXPECT_FLOAT_EQ(out[i], -1.0f);
}

TEST(PoolingTest, StrideTwoSameUnevenBorder) {
  // 3x3 input, 2x2 filter, stride 2, TF SAME: out 2x2, total pad 1 goes to
  // bottom/right (pad_top = pad_left = 0). The last row/col windows are cut.
  float avg[4] = {}, mx[4] = {};
  average_pool_float(pool_window(2, 2, 0), FloatClamp{}, nhwc(1, 3, 3, 1), kGrid3x3, nhwc(1, 2, 2, 1), avg);
  max_pool_float(pool_window(2, 2, 0), FloatClamp{}, nhwc(1, 3, 3, 1), kGrid3x3, nhwc(1, 2, 2, 1), mx);
  EXPECT_FLOAT_EQ(avg[0], 3.0f);  // (1+2+4+5)/4
  EXPECT_FLOAT_EQ(avg[1], 4.5f);  // (3+6)/2
  EXPECT_FLOAT_EQ(avg[2], 7.5f);  // (7+8)/2
  EXPECT_FLOAT_EQ(avg[3], 9.0f);  // 9/1
  EXPECT_FLOAT_EQ(mx[0], 5.0f);
  EXPECT_FLOAT_EQ(mx[1], 6.0f);
  EXPECT_FLOAT_EQ(mx[2], 8.0f);
  EXPECT_FLOAT_EQ(mx[3], 9.0f);
}

TEST(PoolingTest, FloatClampAndChannelsAndBatches) {
  // 2 batches, 2x2 spatial, 2 channels; 2x2 filter VALID -> one cell each.
  // batch 0: ch0 = {1,2,3,4}, ch1 = {-1,-2,-3,-4}; batch 1: ch0 = {10,..}.
  const float in[16] = {1, -1, 2, -2, 3, -3, 4, -4, 10, 0, 20, 0, 30, 0, 40, 0};
  float avg[4] = {}, mx[4] = {};
  FloatClamp clamp;
  clamp.min = -2.0f;
  clamp.max = 24.0f;
  average_pool_float(pool_window(2, 2, 0), clamp, nhwc(2, 2, 2, 2), in, nhwc(2, 1, 1, 2), avg);
  max_pool_float(pool_window(2, 2, 0), clamp, nhwc(2, 2, 2, 2), in, nhwc(2, 1, 1, 2), mx);
  EXPECT_FLOAT_EQ(avg[0], 2.5f);   // 10/4
  EXPECT_FLOAT_EQ(avg[1], -2.0f);  // -2.5 clamped to -2
  EXPECT_FLOAT_EQ(avg[2], 24.0f);  // 25 clamped to 24
  EXPECT_FLOAT_EQ(avg[3], 0.0f);
  EXPECT_FLOAT_EQ(mx[0], 4.0f);
  EXPECT_FLOAT_EQ(mx[1], -1.0f);
  EXPECT_FLOAT_EQ(mx[2], 24.0f);  // 40 clamped
  EXPECT_FLOAT_EQ(mx[3], 0.0f);
}

TEST(PoolingTest, AverageInt8RoundsHalfAwayFromZero) {
  // Each 2x2 block (stride 2) is one output; count 4, bias count/2 = 2.
  // Blocks: {1,2,3,5} sum 11 -> 2.75 -> 3;  {-1,-2,-3,-5} -11 -> -3;
  //         {1,2,3,4} sum 10 -> 2.5 -> 3;   {-1,-2,-3,-4} -10 -> -2.5 -> -3;
  //         {0,0,1,1} 2 -> 0.5 -> 1;        {0,0,0,1} 1 -> 0.25 -> 0.
  // Laid out as a 2x6 input, row-major.
  const int8_t in[24] = {
      1, 2, -1, -2, 1, 2, -1, -2, 0, 0, 0, 0,  // row 0
      3, 5, -3, -5, 3, 4, -3, -4, 1, 1, 0, 1,  // row 1
  };
  int8_t out[6] = {};
  average_pool_int8(pool_window(2, 2, 0), -128, 127, nhwc(1, 2, 12, 1), in, nhwc(1, 1, 6, 1), out);
  const int8_t expected[6] = {3, -3, 3, -3, 1, 0};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(out[i], expected[i]) << i;
}

TEST(PoolingTest, AverageInt8SamePaddingAndLargeSums) {
  // 3x3 filter SAME over 2x2 of 127: every window has the 4 cells, avg 127.
  // With -128: sum -512/4 = -128 exactly.
  const int8_t hi[4] = {127, 127, 127, 127};
  const int8_t lo[4] = {-128, -128, -128, -127};
  int8_t out[4] = {};
  average_pool_int8(pool_window(3, 1, 1), -128, 127, nhwc(1, 2, 2, 1), hi, nhwc(1, 2, 2, 1), out);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(out[i], 127);
  // -511/4 = -127.75 -> (-511 - 2)/4 = -128.
  average_pool_int8(pool_window(3, 1, 1), -128, 127, nhwc(1, 2, 2, 1), lo, nhwc(1, 2, 2, 1), out);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(out[i], -128);
  // Corner of the 3x3 grid with SAME: (1+2+4+5)/4 = 3; edge 21/6 = 3.5 -> 4.
  const int8_t grid[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  int8_t out9[9] = {};
  average_pool_int8(pool_window(3, 1, 1), -128, 127, nhwc(1, 3, 3, 1), grid, nhwc(1, 3, 3, 1), out9);
  const int8_t expected[9] = {3, 4, 4, 5, 5, 6, 6, 7, 7};  // 27/6=4.5->5, 33/6=5.5->6, 39/6=6.5->7
  for (int i = 0; i < 9; ++i) EXPECT_EQ(out9[i], expected[i]) << i;
}

TEST(PoolingTest, Int8ActivationClamps) {
  const int8_t in[4] = {-100, 50, 90, 120};
  int8_t mx[1] = {}, avg[1] = {};
  // ReLU6-like bounds [0, 100]: max 120 -> 100.
  max_pool_int8(pool_window(2, 2, 0), 0, 100, nhwc(1, 2, 2, 1), in, nhwc(1, 1, 1, 1), mx);
  EXPECT_EQ(mx[0], 100);
  // avg = 160/4 = 40, clamped from below to 45.
  average_pool_int8(pool_window(2, 2, 0), 45, 100, nhwc(1, 2, 2, 1), in, nhwc(1, 1, 1, 1), avg);
  EXPECT_EQ(avg[0], 45);
  // All -128 with act_min -128: max stays -128.
  const int8_t low[4] = {-128, -128, -128, -128};
  max_pool_int8(pool_window(2, 2, 0), -128, 127, nhwc(1, 2, 2, 1), low, nhwc(1, 1, 1, 1), mx);
  EXPECT_EQ(mx[0], -128);
}

TEST(PoolingTest, MaxInt8StrideAndChannels) {
  // 4x4x2, 2x2 stride 2 VALID -> 2x2x2. ch0 = row*4+col, ch1 = -(row*4+col).
  int8_t in[32];
  for (int i = 0; i < 16; ++i) {
    in[2 * i] = static_cast<int8_t>(i);
    in[2 * i + 1] = static_cast<int8_t>(-i);
  }
  int8_t out[8] = {};
  max_pool_int8(pool_window(2, 2, 0), -128, 127, nhwc(1, 4, 4, 2), in, nhwc(1, 2, 2, 2), out);
  // ch0 maxima: bottom-right of each block 5, 7, 13, 15; ch1: top-left 0, -2, -8, -10.
  const int8_t expected[8] = {5, 0, 7, -2, 13, -8, 15, -10};
  for (int i = 0; i < 8; ++i) EXPECT_EQ(out[i], expected[i]) << i;
}

}  // namespace
}  // namespace tinyinfer::kernels::reference
