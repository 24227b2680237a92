// Reference DEPTHWISE_CONV_2D: hand-checked cases plus a cross-check that
// builds each output channel as a one-channel CONV_2D of its input channel.
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "dsp/fixed_point.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"

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

struct Lcg {
  uint32_t state;
  int32_t next(int32_t lo, int32_t hi) {  // inclusive
    state = state * 1664525u + 1013904223u;
    return lo + static_cast<int32_t>((state >> 8) % static_cast<uint32_t>(hi - lo + 1));
  }
};

TEST(DepthwiseConvTest, FloatChannelsStaySeparate) {
  // 2x2 input, 2 channels: (0,0)=[1,10] (0,1)=[2,20] (1,0)=[3,30] (1,1)=[4,40]
  // filter taps (ky,kx) -> [oc0, oc1]: (0,0)=[1,-1] (0,1)=[2,0] (1,0)=[0,1] (1,1)=[1,2]
  // oc0: 1*1 + 2*2 + 3*0 + 4*1 = 9, +0.5;  oc1: -10 + 0 + 30 + 80 = 100, -0.5
  const std::vector<float> input = {1, 10, 2, 20, 3, 30, 4, 40};
  const std::vector<float> filter = {1, -1, 2, 0, 0, 1, 1, 2};
  const float bias[] = {0.5f, -0.5f};
  std::vector<float> output(2);
  reference::depthwise_float(Window{}, 1, FloatClamp{}, dims(1, 2, 2, 2), input.data(), dims(1, 2, 2, 2), filter.data(),
                             bias, dims(1, 1, 1, 2), output.data());
  EXPECT_EQ(output, (std::vector<float>{9.5f, 99.5f}));
}

TEST(DepthwiseConvTest, FloatDepthMultiplierChannelOrder) {
  // 1x2 input, 2 channels: x0=[1,2] x1=[3,4]; 1x2 filter, dm 2, oc = ic*2 + m:
  // kx0 taps [1,2,3,4], kx1 taps [5,6,7,8]; no bias.
  // oc0 (ic0,m0): 1*1 + 3*5 = 16   oc1 (ic0,m1): 1*2 + 3*6 = 20
  // oc2 (ic1,m0): 2*3 + 4*7 = 34   oc3 (ic1,m1): 2*4 + 4*8 = 40
  const std::vector<float> input = {1, 2, 3, 4};
  const std::vector<float> filter = {1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<float> output(4);
  reference::depthwise_float(Window{}, 2, FloatClamp{}, dims(1, 1, 2, 2), input.data(), dims(1, 1, 2, 4), filter.data(),
                             nullptr, dims(1, 1, 1, 4), output.data());
  EXPECT_EQ(output, (std::vector<float>{16, 20, 34, 40}));
}

TEST(DepthwiseConvTest, FloatSamePaddingAtBorders) {
  // 3x3 all-ones over 1..9 with pad 1: neighbourhood sums (see conv_test).
  const std::vector<float> input = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  const std::vector<float> filter(9, 1.0f);
  Window window;
  window.pad_top = 1;
  window.pad_left = 1;
  std::vector<float> output(9);
  reference::depthwise_float(window, 1, FloatClamp{}, dims(1, 3, 3, 1), input.data(), dims(1, 3, 3, 1), filter.data(),
                             nullptr, dims(1, 3, 3, 1), output.data());
  EXPECT_EQ(output, (std::vector<float>{12, 21, 16, 27, 45, 33, 24, 39, 28}));
}

TEST(DepthwiseConvTest, FloatStride2Dilation2) {
  // input 5x5 with value 5y+x, filter 1 2 / 3 4 dilated by 2, stride 2:
  // out(oy,ox) = 10*in(2oy,2ox) + 2*2 + 3*10 + 4*12 = 10*(10oy + 2ox) + 82.
  std::vector<float> input(25);
  for (int i = 0; i < 25; ++i) input[i] = static_cast<float>(i);
  const std::vector<float> filter = {1, 2, 3, 4};
  Window window;
  window.stride_h = window.stride_w = 2;
  window.dilation_h = window.dilation_w = 2;
  std::vector<float> output(4);
  reference::depthwise_float(window, 1, FloatClamp{}, dims(1, 5, 5, 1), input.data(), dims(1, 2, 2, 1), filter.data(),
                             nullptr, dims(1, 2, 2, 1), output.data());
  EXPECT_EQ(output, (std::vector<float>{82, 102, 182, 202}));
}

TEST(DepthwiseConvTest, FloatRelu6Clamp) {
  // 1x1 filter per channel [1, -1, 2], bias [0, 0, 1], clamp [0, 6]:
  // ch0 -2 -> 0; ch1 -3*-1 = 3; ch2 4*2+1 = 9 -> 6
  const std::vector<float> input = {-2, -3, 4};
  const std::vector<float> filter = {1, -1, 2};
  const float bias[] = {0, 0, 1};
  FloatClamp relu6;
  relu6.min = 0;
  relu6.max = 6;
  std::vector<float> output(3);
  reference::depthwise_float(Window{}, 1, relu6, dims(1, 1, 1, 3), input.data(), dims(1, 1, 1, 3), filter.data(), bias,
                             dims(1, 1, 1, 3), output.data());
  EXPECT_EQ(output, (std::vector<float>{0, 3, 6}));
}

TEST(DepthwiseConvTest, Int8PaddingOffsetsMultiplierAndShifts) {
  // 1x3 input [10,20,30], input_offset -10 -> [0,10,20]; 1x3 filter, dm 2,
  // pad_left 1 (SAME). Taps kx -> [oc0, oc1]: kx0 [1,-1], kx1 [2,0], kx2 [3,1].
  // ox0 (ix -1 skipped, 0, 1): oc0 0*2 + 10*3 = 30        oc1 0*0 + 10*1 = 10
  // ox1 (ix 0, 1, 2):          oc0 0 + 10*2 + 20*3 = 80   oc1 0 + 0 + 20*1 = 20
  // ox2 (ix 1, 2, 3 skipped):  oc0 10*1 + 20*2 = 50       oc1 -10 + 0 = -10
  // + bias [4, -2]: oc0 34 84 54, oc1 8 18 -12
  // oc0 x0.5 (shift 0): 17 42 27;  oc1 x2 (shift 2): 16 36 -24
  // + out_offset 5: oc0 22 47 32;  oc1 21 41 -19
  const std::vector<int8_t> input = {10, 20, 30};
  const std::vector<int8_t> filter = {1, -1, 2, 0, 3, 1};
  const int32_t bias[] = {4, -2};
  const std::vector<int32_t> multipliers = {kHalf, kHalf}, shifts = {0, 2};
  Window window;
  window.pad_left = 1;
  std::vector<int8_t> output(6);
  reference::depthwise_int8(window, 2, requant(multipliers, shifts, -10, 5), dims(1, 1, 3, 1), input.data(),
                            dims(1, 1, 3, 2), filter.data(), bias, dims(1, 1, 3, 2), output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{22, 21, 47, 41, 32, -19}));
}

TEST(DepthwiseConvTest, Int8NegativeShiftRounding) {
  // x * 0.5 * 2^-3 = x / 16 on 4 channels, 1x1 filter 1: 24 -> 1.5 -> 2,
  // -24 -> -2, 40 -> 2.5 -> 3, 8 -> 0.5 -> 1 (ties away from zero).
  const std::vector<int8_t> input = {24, -24, 40, 8};
  const std::vector<int8_t> filter = {1, 1, 1, 1};
  const std::vector<int32_t> multipliers(4, kHalf), shifts(4, -3);
  std::vector<int8_t> output(4);
  reference::depthwise_int8(Window{}, 1, requant(multipliers, shifts, 0, 0), dims(1, 1, 1, 4), input.data(),
                            dims(1, 1, 1, 4), filter.data(), nullptr, dims(1, 1, 1, 4), output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{2, -2, 3, 1}));
}

TEST(DepthwiseConvTest, Int8SaturationAndActivationClamp) {
  // 1x1 filters [100,100,1,1], identity requant (0.5 * 2^1):
  // 100*100 = 10000 -> 127; -10000 -> -128; 5; -5.
  const std::vector<int8_t> input = {100, -100, 5, -5};
  const std::vector<int8_t> filter = {100, 100, 1, 1};
  const std::vector<int32_t> multipliers(4, kHalf), shifts(4, 1);
  std::vector<int8_t> output(4);
  reference::depthwise_int8(Window{}, 1, requant(multipliers, shifts, 0, 0), dims(1, 1, 1, 4), input.data(),
                            dims(1, 1, 1, 4), filter.data(), nullptr, dims(1, 1, 1, 4), output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{127, -128, 5, -5}));
  // ReLU6-like range [0, 6]: 10000 -> 6, -10000 -> 0, 5, -5 -> 0.
  reference::depthwise_int8(Window{}, 1, requant(multipliers, shifts, 0, 0, 0, 6), dims(1, 1, 1, 4), input.data(),
                            dims(1, 1, 1, 4), filter.data(), nullptr, dims(1, 1, 1, 4), output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{6, 0, 5, 0}));
}

TEST(DepthwiseConvTest, HybridScalesPerOutputChannel) {
  // Same data as FloatDepthMultiplierChannelOrder with q = [1..8], scales
  // [0.5, 0.25, 2, 1], bias [1, 0, 0, -40]: 16*0.5+1 = 9, 20*0.25 = 5, 34*2 = 68, 40-40 = 0
  const std::vector<float> input = {1, 2, 3, 4};
  const std::vector<int8_t> filter = {1, 2, 3, 4, 5, 6, 7, 8};
  const float scales[] = {0.5f, 0.25f, 2.0f, 1.0f};
  const float bias[] = {1, 0, 0, -40};
  std::vector<float> output(4);
  reference::depthwise_hybrid(Window{}, 2, FloatClamp{}, dims(1, 1, 2, 2), input.data(), dims(1, 1, 2, 4),
                              filter.data(), scales, bias, dims(1, 1, 1, 4), output.data());
  EXPECT_EQ(output, (std::vector<float>{9, 5, 68, 0}));
}

// Mixed geometry: 2 batches, 3 input channels, dm 2, stride (1,2), dilation
// (2,1), padding 1 on top and left.
struct Geometry {
  Dims4 in = dims(2, 6, 5, 3), filter = dims(1, 2, 3, 6), out;
  Window window;
  int32_t depth_multiplier = 2;
  Geometry() {
    window.stride_h = 1;
    window.stride_w = 2;
    window.dilation_h = 2;
    window.dilation_w = 1;
    window.pad_top = 1;
    window.pad_left = 1;
    // footprint 3x3, pad 1 each side: out_h = (6+2-3)/1+1 = 6, out_w = (5+2-3)/2+1 = 3
    out = dims(2, 6, 3, 6);
  }
};

// The output channel oc = ic*dm + m of a depthwise conv is a one-channel
// conv of input channel ic with filter slice oc.
template <typename T>
void split_channel(const Geometry& g, const std::vector<T>& input, const std::vector<T>& filter, int32_t ic, int32_t oc,
                   std::vector<T>* input_channel, std::vector<T>* filter_channel) {
  input_channel->clear();
  for (int64_t i = ic; i < g.in.elements(); i += g.in.c) input_channel->push_back(input[i]);
  filter_channel->clear();
  for (int64_t i = oc; i < g.filter.elements(); i += g.filter.c) filter_channel->push_back(filter[i]);
}

TEST(DepthwiseConvTest, Int8MatchesPerChannelConv) {
  const Geometry g;
  Lcg rng{2024};
  std::vector<int8_t> input(static_cast<size_t>(g.in.elements()));
  std::vector<int8_t> filter(static_cast<size_t>(g.filter.elements()));
  for (auto& v : input) v = static_cast<int8_t>(rng.next(-128, 127));
  for (auto& v : filter) v = static_cast<int8_t>(rng.next(-127, 127));
  std::vector<int32_t> bias(6), multipliers(6), shifts(6);
  for (int oc = 0; oc < 6; ++oc) {
    bias[oc] = rng.next(-3000, 3000);
    multipliers[oc] = rng.next(1 << 30, 0x7fffffff);
    shifts[oc] = rng.next(-9, -5);
  }
  const int32_t input_offset = -20, output_offset = 7;
  std::vector<int8_t> output(static_cast<size_t>(g.out.elements()));
  reference::depthwise_int8(g.window, g.depth_multiplier, requant(multipliers, shifts, input_offset, output_offset),
                            g.in, input.data(), g.filter, filter.data(), bias.data(), g.out, output.data());

  const Dims4 in1 = dims(g.in.n, g.in.h, g.in.w, 1);
  const Dims4 filter1 = dims(1, g.filter.h, g.filter.w, 1);
  const Dims4 out1 = dims(g.out.n, g.out.h, g.out.w, 1);
  std::vector<int8_t> input_channel, filter_channel, expected(static_cast<size_t>(out1.elements()));
  int unsaturated = 0;
  for (int32_t ic = 0; ic < g.in.c; ++ic) {
    for (int32_t m = 0; m < g.depth_multiplier; ++m) {
      const int32_t oc = ic * g.depth_multiplier + m;
      split_channel(g, input, filter, ic, oc, &input_channel, &filter_channel);
      const std::vector<int32_t> one_multiplier = {multipliers[oc]}, one_shift = {shifts[oc]};
      reference::conv2d_int8(g.window, requant(one_multiplier, one_shift, input_offset, output_offset), in1,
                             input_channel.data(), filter1, filter_channel.data(), &bias[oc], out1, expected.data());
      for (int64_t p = 0; p < out1.elements(); ++p) {
        EXPECT_EQ(output[p * g.out.c + oc], expected[p]) << "pixel " << p << " oc " << oc;
        unsaturated += (expected[p] != -128 && expected[p] != 127);
      }
    }
  }
  EXPECT_GT(unsaturated, g.out.elements() / 2);  // the comparison is not all saturated
}

TEST(DepthwiseConvTest, FloatAndHybridMatchPerChannelConv) {
  const Geometry g;
  Lcg rng{31337};
  std::vector<float> input(static_cast<size_t>(g.in.elements()));
  std::vector<int8_t> quantized(static_cast<size_t>(g.filter.elements()));
  for (auto& v : input) v = static_cast<float>(rng.next(-1000, 1000)) / 64.0f;
  for (auto& v : quantized) v = static_cast<int8_t>(rng.next(-127, 127));
  // Power-of-two scales make the hybrid result exactly the dequantized float one.
  const std::vector<float> scales = {0.5f, 0.25f, 1.0f, 2.0f, 0.125f, 1.0f / 256};
  const std::vector<float> bias = {1, -1, 0.5f, 0, 2, -3};
  std::vector<float> dequantized(quantized.size());
  for (size_t i = 0; i < quantized.size(); ++i) dequantized[i] = quantized[i] * scales[i % 6];
  FloatClamp clamp;
  clamp.min = -30;
  clamp.max = 30;

  std::vector<float> float_out(static_cast<size_t>(g.out.elements()));
  std::vector<float> hybrid_out(float_out.size());
  reference::depthwise_float(g.window, g.depth_multiplier, clamp, g.in, input.data(), g.filter, dequantized.data(),
                             bias.data(), g.out, float_out.data());
  reference::depthwise_hybrid(g.window, g.depth_multiplier, clamp, g.in, input.data(), g.filter, quantized.data(),
                              scales.data(), bias.data(), g.out, hybrid_out.data());
  EXPECT_EQ(hybrid_out, float_out);

  const Dims4 in1 = dims(g.in.n, g.in.h, g.in.w, 1);
  const Dims4 filter1 = dims(1, g.filter.h, g.filter.w, 1);
  const Dims4 out1 = dims(g.out.n, g.out.h, g.out.w, 1);
  std::vector<float> input_channel, filter_channel, expected(static_cast<size_t>(out1.elements()));
  for (int32_t ic = 0; ic < g.in.c; ++ic) {
    for (int32_t m = 0; m < g.depth_multiplier; ++m) {
      const int32_t oc = ic * g.depth_multiplier + m;
      split_channel(g, input, dequantized, ic, oc, &input_channel, &filter_channel);
      reference::conv2d_float(g.window, clamp, in1, input_channel.data(), filter1, filter_channel.data(), &bias[oc],
                              out1, expected.data());
      for (int64_t p = 0; p < out1.elements(); ++p) {
        EXPECT_EQ(float_out[p * g.out.c + oc], expected[p]) << "pixel " << p << " oc " << oc;
      }
    }
  }
}

}  // namespace
}  // namespace tinyinfer::kernels
