// Host run of the differential cases of the ARMv7E-M int16x8 kernels against
// the reference kernels (the portable twins of SMLALD and SXTB16 execute here;
// tests/firmware_diff runs the same cases on the emulated Cortex-M7).
#include <vector>

#include <gtest/gtest.h>

#include "dsp/armv7em_simd.h"
#include "firmware_diff/int16_diff_cases.h"
#include "firmware_diff/mean_diff_cases.h"
#include "ops/add/add.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "ops/fully_connected/fully_connected.h"
#include "ops/mean/mean.h"

namespace tinyinfer::diff {
namespace {

void expect_clean(const DiffResult& r, int32_t cases) {
  EXPECT_EQ(r.cases, cases);
  EXPECT_EQ(r.mismatches, 0) << r.first_failure;
}

// The diff runs the kernels the optimized set registers; they must be the
// ARMv7E-M ones, not a reference fallback.
TEST(ArmInt16Diff, RegistersTheInt16Kernels) {
  EXPECT_EQ(optimized<kernels::FullyConnectedInt16Fn>(kFullyConnectedInt16),
            &kernels::cortex_m7::fully_connected_int16);
  EXPECT_EQ(optimized<kernels::FullyConnectedInt16Bias32Fn>(kFullyConnectedInt16Bias32),
            &kernels::cortex_m7::fully_connected_int16_bias32);
  EXPECT_EQ(optimized<kernels::Conv2dInt16Fn>(kConv2dInt16), &kernels::cortex_m7::conv2d_int16);
  EXPECT_EQ(optimized<kernels::Conv2dInt16Bias32Fn>(kConv2dInt16Bias32), &kernels::cortex_m7::conv2d_int16_bias32);
  EXPECT_EQ(optimized<kernels::DepthwiseInt16Fn>(kDepthwiseInt16), &kernels::cortex_m7::depthwise_int16);
  EXPECT_EQ(optimized<kernels::BinaryFn<int16_t>>(kAddInt16), &kernels::cortex_m7::add_int16);
  EXPECT_EQ(first_missing_int16_kernel(), nullptr);
}

TEST(ArmInt16Diff, Conv2dMatchesReference) { expect_clean(run_conv_int16_cases(2000, 403), 2000); }

// SEANet's layers: 1-D convolutions along the width with wide channels.
TEST(ArmInt16Diff, Conv2dWideChannelsMatchReference) {
  CaseLimits wide;
  wide.max_hw = 6;
  wide.max_c = 96;
  wide.max_out_c = 48;
  expect_clean(run_conv_int16_cases(200, 404, wide), 200);
}

TEST(ArmInt16Diff, FullyConnectedMatchesReference) { expect_clean(run_fully_connected_int16_cases(3000, 401), 3000); }

TEST(ArmInt16Diff, FullyConnectedDeepRowsMatchReference) {
  expect_clean(run_fully_connected_int16_cases(100, 402, 4000), 100);
}

TEST(ArmInt16Diff, DepthwiseMatchesReference) { expect_clean(run_depthwise_int16_cases(3000, 405), 3000); }

TEST(ArmInt16Diff, DepthwiseWideChannelsMatchReference) {
  CaseLimits wide;
  wide.max_hw = 6;
  wide.max_c = 130;
  expect_clean(run_depthwise_int16_cases(300, 406, wide), 300);
}

TEST(ArmInt16Diff, AddMatchesReference) { expect_clean(run_add_int16_cases(4000, 407), 4000); }

// SEANet's residual ADD: equal shapes, zero points 0, the per-element path
// with SMMULR rescales; every int16 pair of extremes and the output clamp.
TEST(ArmInt16Diff, AddZeroPointExtremesMatchReference) {
  const int16_t values[] = {INT16_MIN, INT16_MIN + 1, -1, 0, 1, INT16_MAX - 1, INT16_MAX};
  constexpr int32_t kCount = 7 * 7;
  int16_t a[kCount], b[kCount], expected[kCount], actual[kCount];
  for (int32_t i = 0; i < kCount; ++i) {
    a[i] = values[i / 7];
    b[i] = values[i % 7];
  }
  kernels::BroadcastShape shape;
  shape.rank = 4;
  const int32_t dims4[] = {1, 1, 7, 7};
  for (int32_t d = 0; d < 4; ++d) shape.out[d] = shape.in1[d] = shape.in2[d] = dims4[d];
  const double scale_pairs[][3] = {{1e-3, 1e-3, 1e-3}, {1e-3, 1e-3, 1e-7}, {5e-4, 8e-4, 1e-3}, {1e-3, 1e-8, 2e-3}};
  for (const auto& scales : scale_pairs) {
    const kernels::BinaryParams p = add_int16_params(scales[0], 0, scales[1], 0, scales[2], 0, INT16_MIN, INT16_MAX);
    kernels::reference::add_int16(p, shape, a, b, expected);
    kernels::cortex_m7::add_int16(p, shape, a, b, actual);
    for (int32_t i = 0; i < kCount; ++i)
      EXPECT_EQ(actual[i], expected[i]) << "a " << a[i] << " b " << b[i] << " scales " << scales[0] << " " << scales[1]
                                        << " -> " << scales[2];
  }
}

// Parameters prepare never derives (an input multiplier above one, an
// offset beyond int16's zero points) take the reference: same results.
TEST(ArmInt16Diff, AddOutsidePreparedParametersMatchesReference) {
  kernels::BroadcastShape shape;
  shape.rank = 2;
  shape.out[0] = shape.in1[0] = 3;
  shape.out[1] = shape.in1[1] = shape.in2[1] = 5;
  shape.in2[0] = 1;
  int16_t a[15], b[5], expected[15], actual[15];
  for (int32_t i = 0; i < 15; ++i) a[i] = static_cast<int16_t>(i * 7 - 50);
  for (int32_t i = 0; i < 5; ++i) b[i] = static_cast<int16_t>(40 - i * 9);
  kernels::BinaryParams base = add_int16_params(1e-3, 0, 2e-3, 0, 4e-3, 0, INT16_MIN, INT16_MAX);
  kernels::BinaryParams left = base;
  left.input1_shift = 1;
  kernels::BinaryParams offset = base;
  offset.input2_offset = 40000;
  for (const kernels::BinaryParams& p : {left, offset}) {
    kernels::reference::add_int16(p, shape, a, b, expected);
    kernels::cortex_m7::add_int16(p, shape, a, b, actual);
    for (int32_t i = 0; i < 15; ++i) EXPECT_EQ(actual[i], expected[i]) << "element " << i;
  }
}

// SMLALD's twin: both products into a 64-bit accumulator, wrapping.
TEST(ArmInt16Diff, SmlaldTwinAddsBothLaneProducts) {
  using kernels::cortex_m7::smlald;
  const uint32_t a = (uint32_t{0x8000} << 16) | 0x7FFF;  // lanes 32767, -32768
  const uint32_t b = (uint32_t{0x8000} << 16) | 0x8000;  // lanes -32768, -32768
  EXPECT_EQ(smlald(a, b, 5), int64_t{5} + int64_t{32767} * -32768 + int64_t{-32768} * -32768);
  EXPECT_EQ(smlald(a, b, INT64_MAX), static_cast<int64_t>(static_cast<uint64_t>(INT64_MAX) + 32768u));
}

TEST(ArmInt16Diff, MeanMatchesReference) {
  EXPECT_EQ(optimized<kernels::MeanFn>(kMeanInt16), &kernels::cortex_m7::mean_int16);
  const MeanDiffResult r = run_mean_int16_cases(3000, 502);
  expect_clean(r, 3000);
  EXPECT_TRUE(covers_both_paths(r)) << r.channel_path << " cases took the per-channel path";
}

// 66000 rows of an extreme int16 wrap the int32 sums (66000 * 32768 > 2^31)
// as the reference's do; 11 channels use the 8- and 2-channel blocks and a
// single column. Too big for the firmware: host only.
TEST(ArmInt16Diff, MeanWrappingSumsMatchReference) {
  MeanCase m;
  m.shape = Shape{4, {1, 330, 200, 11}};
  m.axis_count = 2;
  m.axes[0] = -3;
  m.axes[1] = -2;
  std::vector<int16_t> input(static_cast<std::size_t>(m.shape.elements()));
  int16_t expected[11], actual[11];
  int32_t reference_sums[11], sums[11];
  for (const int16_t value : {int16_t{INT16_MIN}, int16_t{INT16_MAX}}) {
    for (const int32_t zero_point : {INT16_MIN, 0, INT16_MAX}) {
      for (std::size_t i = 0; i < input.size(); ++i) input[i] = i % 11 == 3 ? int16_t{-1} : value;
      const kernels::ReduceParams p = mean_params(m, 1e-3, zero_point, 1e-3, -zero_point);
      kernels::reference::mean_int16(p, input.data(), expected, reference_sums);
      kernels::cortex_m7::mean_int16(p, input.data(), actual, sums);
      for (int32_t c = 0; c < 11; ++c) {
        EXPECT_EQ(sums[c], reference_sums[c]) << "channel " << c;
        EXPECT_EQ(actual[c], expected[c]) << "value " << value << " zp " << zero_point << " channel " << c;
      }
    }
  }
}

}  // namespace
}  // namespace tinyinfer::diff
