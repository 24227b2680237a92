// Reference CONV_2D: hand-checked cases (expected values worked out in the
// comments) plus an im2col + GEMM formulation written independently here.
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "dsp/fixed_point.h"
#include "ops/conv_2d/conv_2d.h"

namespace tinyinfer::kernels {
namespace {

// Q31 multipliers: kHalf with shift s means x * 0.5 * 2^s.
constexpr int32_t kHalf = 1 << 30;
constexpr int32_t kThreeQuarters = 3 << 29;

Dims4 dims(int32_t n, int32_t h, int32_t w, int32_t c) {
  Dims4 d;
  d.n = n;
  d.h = h;
  d.w = w;
  d.c = c;
  return d;
}

Requant requant(const std::vector<int32_t>& multipliers, const std::vector<int32_t>& shifts, int32_t input_offset,
                int32_t output_offset, int32_t act_min = -128, int32_t act_max = 127) {
  Requant rq;
  rq.input_offset = input_offset;
  rq.output_offset = output_offset;
  rq.act_min = act_min;
  rq.act_max = act_max;
  rq.multipliers = multipliers.data();
  rq.shifts = shifts.data();
  return rq;
}

// Deterministic pseudo-random numbers (LCG) so failures reproduce.
struct Lcg {
  uint32_t state;
  int32_t next(int32_t lo, int32_t hi) {  // inclusive
    state = state * 1664525u + 1013904223u;
    return lo + static_cast<int32_t>((state >> 8) % static_cast<uint32_t>(hi - lo + 1));
  }
};

TEST(ConvTest, FloatValidOrientationAndBias) {
  // input 3x3 = 1 2 3 / 4 5 6 / 7 8 9, filter 2x2 = 1 2 / 3 4, bias 0.5
  const std::vector<float> input = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  const std::vector<float> filter = {1, 2, 3, 4};
  const float bias[] = {0.5f};
  std::vector<float> output(4, -1.0f);
  reference::conv2d_float(Window{}, FloatClamp{}, dims(1, 3, 3, 1), input.data(), dims(1, 2, 2, 1), filter.data(), bias,
                          dims(1, 2, 2, 1), output.data());
  // (0,0): 1*1+2*2+4*3+5*4 = 37   (0,1): 2*1+3*2+5*3+6*4 = 47
  // (1,0): 4*1+5*2+7*3+8*4 = 67   (1,1): 5*1+6*2+8*3+9*4 = 77
  EXPECT_EQ(output, (std::vector<float>{37.5f, 47.5f, 67.5f, 77.5f}));
}

TEST(ConvTest, FloatChannelsAndNullBias) {
  // input 1x2 pixels of 2 channels: [1,2] [3,4]; 1x1 filters oc0 = [1,-1], oc1 = [0.5,2]
  const std::vector<float> input = {1, 2, 3, 4};
  const std::vector<float> filter = {1, -1, 0.5f, 2};
  std::vector<float> output(4);
  reference::conv2d_float(Window{}, FloatClamp{}, dims(1, 1, 2, 2), input.data(), dims(2, 1, 1, 2), filter.data(),
                          nullptr, dims(1, 1, 2, 2), output.data());
  // pixel0: 1-2 = -1, 0.5+4 = 4.5; pixel1: 3-4 = -1, 1.5+8 = 9.5
  EXPECT_EQ(output, (std::vector<float>{-1, 4.5f, -1, 9.5f}));
}

TEST(ConvTest, FloatGroupedFilterReadsItsGroupsChannels) {
  // 4 input channels, filter depth 2 -> 2 groups; oc0,oc1 read ic0..1, oc2,oc3 read ic2..3.
  const std::vector<float> input = {1, 2, 3, 4};
  const std::vector<float> filter = {1, 0, 0, 1, 1, 0, 1, 1};
  std::vector<float> output(4);
  reference::conv2d_float(Window{}, FloatClamp{}, dims(1, 1, 1, 4), input.data(), dims(4, 1, 1, 2), filter.data(),
                          nullptr, dims(1, 1, 1, 4), output.data());
  // oc0 = 1, oc1 = 2, oc2 = 3, oc3 = 3+4 = 7
  EXPECT_EQ(output, (std::vector<float>{1, 2, 3, 7}));
}

TEST(ConvTest, FloatSamePaddingAtBorders) {
  // 3x3 all-ones filter over 1..9 with pad 1: each output is its neighbourhood sum.
  const std::vector<float> input = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  const std::vector<float> filter(9, 1.0f);
  Window window;
  window.pad_top = 1;
  window.pad_left = 1;
  std::vector<float> output(9);
  reference::conv2d_float(window, FloatClamp{}, dims(1, 3, 3, 1), input.data(), dims(1, 3, 3, 1), filter.data(),
                          nullptr, dims(1, 3, 3, 1), output.data());
  // corners 1+2+4+5=12, 2+3+5+6=16, 4+5+7+8=24, 5+6+8+9=28
  // edges 1..6=21, 1+2+4+5+7+8=27, 2+3+5+6+8+9=33, 4..9=39; centre 45
  EXPECT_EQ(output, (std::vector<float>{12, 21, 16, 27, 45, 33, 24, 39, 28}));
}

TEST(ConvTest, FloatStride2) {
  // input 4x4 with value 4y+x; diagonal 2x2 filter picks in(y,x) + in(y+1,x+1).
  std::vector<float> input(16);
  for (int i = 0; i < 16; ++i) input[i] = static_cast<float>(i);
  const std::vector<float> filter = {1, 0, 0, 1};
  Window window;
  window.stride_h = 2;
  window.stride_w = 2;
  std::vector<float> output(4);
  reference::conv2d_float(window, FloatClamp{}, dims(1, 4, 4, 1), input.data(), dims(1, 2, 2, 1), filter.data(),
                          nullptr, dims(1, 2, 2, 1), output.data());
  // (0,0): 0+5  (0,1): 2+7  (1,0): 8+13  (1,1): 10+15
  EXPECT_EQ(output, (std::vector<float>{5, 9, 21, 25}));
}

TEST(ConvTest, FloatStrideOnlyInHeight) {
  // Same input/filter, stride_h 2, stride_w 1: out(oy,ox) = in(2oy,ox) + in(2oy+1,ox+1)
  // = (8oy+ox) + (8oy+4+ox+1) = 16oy + 2ox + 5.
  std::vector<float> input(16);
  for (int i = 0; i < 16; ++i) input[i] = static_cast<float>(i);
  const std::vector<float> filter = {1, 0, 0, 1};
  Window window;
  window.stride_h = 2;
  std::vector<float> output(6);
  reference::conv2d_float(window, FloatClamp{}, dims(1, 4, 4, 1), input.data(), dims(1, 2, 2, 1), filter.data(),
                          nullptr, dims(1, 2, 3, 1), output.data());
  EXPECT_EQ(output, (std::vector<float>{5, 7, 9, 21, 23, 25}));
}

TEST(ConvTest, FloatDilation2) {
  // input 5x5 with value 5y+x, filter 1 2 / 3 4 dilated by 2 (3x3 footprint):
  // out = 1*in(oy,ox) + 2*in(oy,ox+2) + 3*in(oy+2,ox) + 4*in(oy+2,ox+2)
  //     = 10*(5oy+ox) + 2*2 + 3*10 + 4*12 = 50oy + 10ox + 82.
  std::vector<float> input(25);
  for (int i = 0; i < 25; ++i) input[i] = static_cast<float>(i);
  const std::vector<float> filter = {1, 2, 3, 4};
  Window window;
  window.dilation_h = 2;
  window.dilation_w = 2;
  std::vector<float> output(9);
  reference::conv2d_float(window, FloatClamp{}, dims(1, 5, 5, 1), input.data(), dims(1, 2, 2, 1), filter.data(),
                          nullptr, dims(1, 3, 3, 1), output.data());
  EXPECT_EQ(output, (std::vector<float>{82, 92, 102, 132, 142, 152, 182, 192, 202}));
}

TEST(ConvTest, FloatDilationOnlyInHeight) {
  // dilation_h 2, dilation_w 1: out = 1*in(oy,ox) + 2*in(oy,ox+1) + 3*in(oy+2,ox)
  // + 4*in(oy+2,ox+1) = 10*(5oy+ox) + 2*1 + 3*10 + 4*11 = 50oy + 10ox + 76; out is 3x4.
  std::vector<float> input(25);
  for (int i = 0; i < 25; ++i) input[i] = static_cast<float>(i);
  const std::vector<float> filter = {1, 2, 3, 4};
  Window window;
  window.dilation_h = 2;
  std::vector<float> output(12);
  reference::conv2d_float(window, FloatClamp{}, dims(1, 5, 5, 1), input.data(), dims(1, 2, 2, 1), filter.data(),
                          nullptr, dims(1, 3, 4, 1), output.data());
  for (int oy = 0; oy < 3; ++oy) {
    for (int ox = 0; ox < 4; ++ox) {
      EXPECT_EQ(output[oy * 4 + ox], 50.0f * oy + 10.0f * ox + 76.0f) << oy << "," << ox;
    }
  }
}

TEST(ConvTest, FloatRelu6ClampAndBatches) {
  // 1x1 identity filter, bias 0.5, clamp [0, 6]; two batches.
  const std::vector<float> input = {-2, 3, 10, 5.5f, 6, -0.25f};
  const float filter[] = {1};
  const float bias[] = {0.5f};
  FloatClamp relu6;
  relu6.min = 0;
  relu6.max = 6;
  std::vector<float> output(6);
  reference::conv2d_float(Window{}, relu6, dims(2, 1, 3, 1), input.data(), dims(1, 1, 1, 1), filter, bias,
                          dims(2, 1, 3, 1), output.data());
  // -1.5->0, 3.5, 10.5->6 | 6->6, 6.5->6, 0.25
  EXPECT_EQ(output, (std::vector<float>{0, 3.5f, 6, 6, 6, 0.25f}));
}

TEST(ConvTest, Int8OffsetsBiasPerChannel) {
  // input 2x2 = 1 2 / 3 4 with input_offset 1 -> 2 3 / 4 5.
  // oc0 filter 1 2 / 3 4: 2+6+12+20 = 40, +bias 10 = 50, *0.5 = 25, +out_offset 3 = 28.
  // oc1 filter -1 -1 / 1 1: -2-3+4+5 = 4, +bias -1 = 3, *1 (0.5*2^1) = 3, +3 = 6.
  const std::vector<int8_t> input = {1, 2, 3, 4};
  const std::vector<int8_t> filter = {1, 2, 3, 4, -1, -1, 1, 1};
  const int32_t bias[] = {10, -1};
  const std::vector<int32_t> multipliers = {kHalf, kHalf}, shifts = {0, 1};
  std::vector<int8_t> output(2);
  reference::conv2d_int8(Window{}, requant(multipliers, shifts, 1, 3), dims(1, 2, 2, 1), input.data(), dims(2, 2, 2, 1),
                         filter.data(), bias, dims(1, 1, 1, 2), output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{28, 6}));
}

TEST(ConvTest, Int8NegativeShiftRoundsHalfAwayFromZero) {
  // x * 0.5 * 2^-2 = x / 8. The high-mul halves even x exactly, then the
  // rounding right shift by 2 rounds ties away from zero:
  // 12 -> 6/4 = 1.5 -> 2; -12 -> -6/4 = -1.5 -> -2; 10 -> 5/4 = 1.25 -> 1; -10 -> -1.
  const std::vector<int8_t> input = {12, -12, 10, -10};
  const int8_t filter[] = {1};
  const std::vector<int32_t> multipliers = {kHalf}, shifts = {-2};
  std::vector<int8_t> output(4);
  reference::conv2d_int8(Window{}, requant(multipliers, shifts, 0, 0), dims(1, 1, 4, 1), input.data(), dims(1, 1, 1, 1),
                         filter, nullptr, dims(1, 1, 4, 1), output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{2, -2, 1, -1}));
}

TEST(ConvTest, Int8PositiveShiftAndNonPowerOfTwoMultiplier) {
  // oc0: 0.5 * 2^3 = x4: 3 -> 12, -5 -> -20, 40 -> 160 saturates to 127.
  // oc1: 0.75 * 2^0: 10 -> 7.5, high-mul nudge rounds up to 8; -10 -> -7.5 -> -7
  // (the nudge for negatives is 1 - 2^30, so exact negative ties go toward zero);
  // 40 -> 30 exactly.
  const std::vector<int8_t> input = {3, 10, -5, -10, 40, 40};  // 3 pixels x 2 channels
  const std::vector<int8_t> filter = {1, 0, 0, 1};             // oc0 <- ic0, oc1 <- ic1
  const std::vector<int32_t> multipliers = {kHalf, kThreeQuarters}, shifts = {3, 0};
  std::vector<int8_t> output(6);
  reference::conv2d_int8(Window{}, requant(multipliers, shifts, 0, 0), dims(1, 1, 3, 2), input.data(), dims(2, 1, 1, 2),
                         filter.data(), nullptr, dims(1, 1, 3, 2), output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{12, 8, -20, -7, 127, 30}));
}

TEST(ConvTest, Int8SamePaddingSkipsTapsInsteadOfAddingOffset) {
  // input 1..9 with input_offset -1 (zero point 1) -> 0..8; all-ones 3x3, pad 1.
  // Padded taps contribute nothing, so output = neighbourhood sum of (v-1):
  // float sums 12 21 16 / 27 45 33 / 24 39 28 minus tap counts 4 6 4 / 6 9 6 / 4 6 4
  // = 8 15 12 / 21 36 27 / 20 33 24; identity requant (0.5 * 2^1), out_offset -2.
  // (Adding (0 + input_offset) * 1 for padded taps would subtract 5, 3 or 0 more.)
  const std::vector<int8_t> input = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  const std::vector<int8_t> filter(9, 1);
  const std::vector<int32_t> multipliers = {kHalf}, shifts = {1};
  Window window;
  window.pad_top = 1;
  window.pad_left = 1;
  std::vector<int8_t> output(9);
  reference::conv2d_int8(window, requant(multipliers, shifts, -1, -2), dims(1, 3, 3, 1), input.data(), dims(1, 3, 3, 1),
                         filter.data(), nullptr, dims(1, 3, 3, 1), output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{6, 13, 10, 19, 34, 25, 18, 31, 22}));
}

TEST(ConvTest, Int8ActivationClampRelu6Like) {
  // identity requant, out_offset -10, act range [-10, 20] (ReLU6 with zp -10, scale 0.2).
  // -50-10 -> -10; 0-10 = -10; 20-10 = 10; 100-10 = 90 -> 20.
  const std::vector<int8_t> input = {-50, 0, 20, 100};
  const int8_t filter[] = {1};
  const std::vector<int32_t> multipliers = {kHalf}, shifts = {1};
  std::vector<int8_t> output(4);
  reference::conv2d_int8(Window{}, requant(multipliers, shifts, 0, -10, -10, 20), dims(1, 1, 4, 1), input.data(),
                         dims(1, 1, 1, 1), filter, nullptr, dims(1, 1, 4, 1), output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{-10, -10, 10, 20}));
}

TEST(ConvTest, Int8SaturatesAtInt8Range) {
  // 2 channels, 1x1 filter [-128, -128], input_offset 0, identity requant:
  // (-128,-128) -> 2*16384 = 32768 -> 127; (127,127) -> -32512 -> -128; (1,-1) -> 0.
  const std::vector<int8_t> input = {-128, -128, 127, 127, 1, -1};
  const std::vector<int8_t> filter = {-128, -128};
  const std::vector<int32_t> multipliers = {kHalf}, shifts = {1};
  std::vector<int8_t> output(3);
  reference::conv2d_int8(Window{}, requant(multipliers, shifts, 0, 0), dims(1, 1, 3, 2), input.data(), dims(1, 1, 1, 2),
                         filter.data(), nullptr, dims(1, 1, 3, 1), output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{127, -128, 0}));
}

TEST(ConvTest, HybridAppliesPerChannelScaleAndBias) {
  // input 1 2 / 3 4; oc0 q = 1 2 / 3 4, scale 0.5: (1+4+9+16) * 0.5 + 1 = 16
  // oc1 q = -1 -1 / 1 1, scale 0.25: (-1-2+3+4) * 0.25 - 1 = 0
  const std::vector<float> input = {1, 2, 3, 4};
  const std::vector<int8_t> filter = {1, 2, 3, 4, -1, -1, 1, 1};
  const float scales[] = {0.5f, 0.25f};
  const float bias[] = {1, -1};
  std::vector<float> output(2);
  reference::conv2d_hybrid(Window{}, FloatClamp{}, dims(1, 2, 2, 1), input.data(), dims(2, 2, 2, 1), filter.data(),
                           scales, bias, dims(1, 1, 1, 2), output.data());
  EXPECT_EQ(output, (std::vector<float>{16, 0}));

  FloatClamp clamp;  // clamp [2, 10]: 16 -> 10, 0 -> 2; no bias: 15 -> 10, 1 -> 2
  clamp.min = 2;
  clamp.max = 10;
  reference::conv2d_hybrid(Window{}, clamp, dims(1, 2, 2, 1), input.data(), dims(2, 2, 2, 1), filter.data(), scales,
                           nullptr, dims(1, 1, 1, 2), output.data());
  EXPECT_EQ(output, (std::vector<float>{10, 2}));
}

// A general geometry: batches, channels, stride, dilation and SAME-like padding.
struct Geometry {
  Dims4 in, filter, out;
  Window window;
};

Geometry mixed_geometry() {
  Geometry g;
  g.in = dims(2, 5, 6, 3);
  g.filter = dims(4, 3, 2, 3);
  g.window.stride_h = 2;
  g.window.stride_w = 1;
  g.window.dilation_h = 1;
  g.window.dilation_w = 2;
  g.window.pad_top = 1;
  g.window.pad_left = 1;
  // Footprint 3 x 3; padding 1 on every side.
  const int32_t out_h = (g.in.h + 2 - 3) / 2 + 1;  // 3
  const int32_t out_w = (g.in.w + 2 - 3) / 1 + 1;  // 6
  g.out = dims(2, out_h, out_w, 4);
  return g;
}

// Patch matrix of an NHWC tensor: one row per output pixel, columns in filter
// order (ky, kx, ic); out-of-image taps hold `pad`.
template <typename T>
std::vector<T> im2col(const Geometry& g, const std::vector<T>& input, T input_add, T pad) {
  const int32_t cols = g.filter.h * g.filter.w * g.in.c;
  std::vector<T> patches;
  patches.reserve(static_cast<size_t>(g.out.n * g.out.h * g.out.w * cols));
  for (int32_t b = 0; b < g.out.n; ++b)
    for (int32_t oy = 0; oy < g.out.h; ++oy)
      for (int32_t ox = 0; ox < g.out.w; ++ox)
        for (int32_t ky = 0; ky < g.filter.h; ++ky)
          for (int32_t kx = 0; kx < g.filter.w; ++kx)
            for (int32_t ic = 0; ic < g.in.c; ++ic) {
              const int32_t y = oy * g.window.stride_h - g.window.pad_top + ky * g.window.dilation_h;
              const int32_t x = ox * g.window.stride_w - g.window.pad_left + kx * g.window.dilation_w;
              const bool in_image = y >= 0 && y < g.in.h && x >= 0 && x < g.in.w;
              patches.push_back(
                  in_image ? static_cast<T>(input[((b * g.in.h + y) * g.in.w + x) * g.in.c + ic] + input_add) : pad);
            }
  return patches;
}

TEST(ConvTest, Int8MatchesIm2colGemm) {
  const Geometry g = mixed_geometry();
  Lcg rng{12345};
  std::vector<int8_t> input(static_cast<size_t>(g.in.elements()));
  std::vector<int8_t> filter(static_cast<size_t>(g.filter.elements()));
  for (auto& v : input) v = static_cast<int8_t>(rng.next(-128, 127));
  for (auto& v : filter) v = static_cast<int8_t>(rng.next(-127, 127));
  std::vector<int32_t> bias(4), multipliers(4), shifts(4);
  for (int oc = 0; oc < 4; ++oc) {
    bias[oc] = rng.next(-5000, 5000);
    multipliers[oc] = rng.next(1 << 30, 0x7fffffff);
    shifts[oc] = rng.next(-12, -6);
  }
  const int32_t input_offset = 37, output_offset = -9;
  std::vector<int8_t> output(static_cast<size_t>(g.out.elements()));
  reference::conv2d_int8(g.window, requant(multipliers, shifts, input_offset, output_offset), g.in, input.data(),
                         g.filter, filter.data(), bias.data(), g.out, output.data());

  // Offsetting the input first makes a padded tap exactly 0.
  std::vector<int32_t> wide_input(input.begin(), input.end());
  const std::vector<int32_t> patches = im2col<int32_t>(g, wide_input, input_offset, 0);
  const int32_t cols = g.filter.h * g.filter.w * g.in.c;
  const int32_t rows = g.out.n * g.out.h * g.out.w;
  int distinct = 0;
  for (int32_t r = 0; r < rows; ++r) {
    for (int32_t oc = 0; oc < g.out.c; ++oc) {
      int32_t acc = bias[oc];
      for (int32_t k = 0; k < cols; ++k) acc += patches[r * cols + k] * filter[oc * cols + k];
      int32_t expected = quant::multiply_by_quantized_multiplier(acc, multipliers[oc], shifts[oc]);
      expected = std::min(127, std::max(-128, expected + output_offset));
      EXPECT_EQ(output[r * g.out.c + oc], expected) << "row " << r << " oc " << oc;
      distinct += (expected != -128 && expected != 127);
    }
  }
  EXPECT_GT(distinct, rows * g.out.c / 2);  // the comparison is not all saturated
}

TEST(ConvTest, FloatMatchesIm2colGemm) {
  const Geometry g = mixed_geometry();
  Lcg rng{777};
  std::vector<float> input(static_cast<size_t>(g.in.elements()));
  std::vector<float> filter(static_cast<size_t>(g.filter.elements()));
  for (auto& v : input) v = static_cast<float>(rng.next(-1000, 1000)) / 64.0f;
  for (auto& v : filter) v = static_cast<float>(rng.next(-1000, 1000)) / 128.0f;
  const std::vector<float> bias = {0.25f, -1.5f, 3.0f, 0.0f};
  std::vector<float> output(static_cast<size_t>(g.out.elements()));
  reference::conv2d_float(g.window, FloatClamp{}, g.in, input.data(), g.filter, filter.data(), bias.data(), g.out,
                          output.data());

  const std::vector<float> patches = im2col<float>(g, input, 0.0f, 0.0f);
  const int32_t cols = g.filter.h * g.filter.w * g.in.c;
  const int32_t rows = g.out.n * g.out.h * g.out.w;
  for (int32_t r = 0; r < rows; ++r) {
    for (int32_t oc = 0; oc < g.out.c; ++oc) {
      float acc = 0.0f;  // same (ky, kx, ic) order; padded zeros leave the sum unchanged
      for (int32_t k = 0; k < cols; ++k) acc += patches[r * cols + k] * filter[oc * cols + k];
      EXPECT_EQ(output[r * g.out.c + oc], acc + bias[oc]) << "row " << r << " oc " << oc;
    }
  }
}

TEST(ConvTest, HybridEqualsFloatWithDequantizedWeights) {
  // With power-of-two scales, scaling before or after the sum is exact.
  const Geometry g = mixed_geometry();
  Lcg rng{99};
  std::vector<float> input(static_cast<size_t>(g.in.elements()));
  std::vector<int8_t> quantized(static_cast<size_t>(g.filter.elements()));
  for (auto& v : input) v = static_cast<float>(rng.next(-1000, 1000)) / 64.0f;
  for (auto& v : quantized) v = static_cast<int8_t>(rng.next(-127, 127));
  const std::vector<float> scales = {0.5f, 0.125f, 2.0f, 1.0f / 1024};
  const std::vector<float> bias = {1.0f, -2.0f, 0.5f, 0.0f};
  const int32_t per_channel = g.filter.h * g.filter.w * g.filter.c;
  std::vector<float> dequantized(quantized.size());
  for (size_t i = 0; i < quantized.size(); ++i) dequantized[i] = quantized[i] * scales[i / per_channel];
  FloatClamp clamp;
  clamp.min = -20;
  clamp.max = 20;

  std::vector<float> hybrid(static_cast<size_t>(g.out.elements()));
  std::vector<float> expected(hybrid.size());
  reference::conv2d_hybrid(g.window, clamp, g.in, input.data(), g.filter, quantized.data(), scales.data(), bias.data(),
                           g.out, hybrid.data());
  reference::conv2d_float(g.window, clamp, g.in, input.data(), g.filter, dequantized.data(), bias.data(), g.out,
                          expected.data());
  EXPECT_EQ(hybrid, expected);
}

}  // namespace
}  // namespace tinyinfer::kernels
