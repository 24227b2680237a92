// Host run of the differential cases of the ARMv7E-M int8 kernels against the
// reference kernels (the portable twins of the DSP instructions execute here;
// tests/firmware_diff runs the same cases on the emulated Cortex-M7).
#include <gtest/gtest.h>

#include "dsp/armv7em_simd.h"
#include "firmware_diff/int8_diff_cases.h"
#include "firmware_diff/mean_diff_cases.h"
#include "ops/add/add.h"
#include "ops/average_pool_2d/average_pool_2d.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "ops/fully_connected/fully_connected.h"
#include "ops/max_pool_2d/max_pool_2d.h"
#include "ops/mean/mean.h"

namespace tinyinfer::diff {
namespace {

void expect_clean(const DiffResult& r, int32_t cases) {
  EXPECT_EQ(r.cases, cases);
  EXPECT_EQ(r.mismatches, 0) << r.first_failure;
}

// The diff runs the kernels the optimized set registers; they must be the
// ARMv7E-M ones, not a reference fallback.
TEST(ArmInt8Diff, RegistersTheInt8Kernels) {
  EXPECT_EQ(optimized<kernels::Conv2dInt8Fn>(kConv2dInt8), &kernels::cortex_m7::conv2d_int8);
  EXPECT_EQ(optimized<kernels::DepthwiseInt8Fn>(kDepthwiseInt8), &kernels::cortex_m7::depthwise_int8);
  EXPECT_EQ(optimized<kernels::FullyConnectedInt8Fn>(kFullyConnectedInt8), &kernels::cortex_m7::fully_connected_int8);
  EXPECT_EQ(optimized<kernels::AddInt8Fn>(kAddInt8), &kernels::cortex_m7::add_int8);
  EXPECT_EQ(optimized<kernels::PoolInt8Fn>(kAveragePoolInt8), &kernels::cortex_m7::average_pool_int8);
  EXPECT_EQ(optimized<kernels::PoolInt8Fn>(kMaxPoolInt8), &kernels::cortex_m7::max_pool_int8);
  EXPECT_EQ(first_missing_int8_kernel(), nullptr);
}

TEST(ArmInt8Diff, Conv2dMatchesReference) { expect_clean(run_conv_cases(3000, 1), 3000); }

TEST(ArmInt8Diff, Conv2dLargeChannelsMatchReference) {
  CaseLimits lim;
  lim.max_hw = 6;
  lim.max_c = 160;  // long dot products, including the reference fallback
  lim.max_out_c = 40;
  expect_clean(run_conv_cases(300, 2, lim), 300);
}

TEST(ArmInt8Diff, DepthwiseMatchesReference) { expect_clean(run_depthwise_cases(3000, 3), 3000); }

TEST(ArmInt8Diff, FullyConnectedMatchesReference) { expect_clean(run_fully_connected_cases(3000, 4), 3000); }

TEST(ArmInt8Diff, FullyConnectedDeepRowsMatchReference) { expect_clean(run_fully_connected_cases(100, 5, 4000), 100); }

TEST(ArmInt8Diff, AveragePoolMatchesReference) { expect_clean(run_pool_cases(2000, 9, false), 2000); }

TEST(ArmInt8Diff, MaxPoolMatchesReference) { expect_clean(run_pool_cases(2000, 10, true), 2000); }

TEST(ArmInt8Diff, AddMatchesReference) { expect_clean(run_add_cases(2000, 7), 2000); }

// The fast shortcut for bounded accumulators, every shift.
TEST(ArmInt8Diff, FastRequantizeMatchesMultiplyByQuantizedMultiplier) {
  Rng rng(8);
  for (int i = 0; i < 200000; ++i) {
    const int32_t multiplier = (1 << 30) + static_cast<int32_t>(rng.next() >> 2);
    const int32_t shift = rng.range(-31, 4);
    const int32_t ls = shift > 0 ? shift : 0;
    const int32_t acc = static_cast<int32_t>(rng.next()) >> (2 + ls + rng.range(0, 28 - ls));
    const int32_t offset = rng.range(-128, 127);
    const kernels::cortex_m7::FastChannel f = kernels::cortex_m7::make_fast_channel(multiplier, shift);
    const int32_t expected = quant::multiply_by_quantized_multiplier(acc, multiplier, shift) + offset;
    ASSERT_EQ(kernels::cortex_m7::fast_requantize(acc, f.multiplier, f.pre_shift, f.post_shift, 1 + 2 * offset),
              expected)
        << "acc " << acc << " shift " << shift;
  }
}

// The requantization shortcut of dsp.h against the spec's function over
// accumulators across the whole realistic range and every shift.
TEST(ArmInt8Diff, RequantizeMatchesMultiplyByQuantizedMultiplier) {
  Rng rng(6);
  for (int i = 0; i < 200000; ++i) {
    const int32_t multiplier = (1 << 30) + static_cast<int32_t>(rng.next() >> 2);
    const int32_t shift = rng.range(-31, 8);
    int32_t acc = static_cast<int32_t>(rng.next());
    if (rng.chance(50)) acc >>= rng.range(0, 31);
    const kernels::cortex_m7::ChannelRequant r = kernels::cortex_m7::make_channel_requant(multiplier, shift);
    const int32_t expected = quant::multiply_by_quantized_multiplier(acc, multiplier, shift);
    const int32_t actual = kernels::cortex_m7::requantize(acc, r);
    // Exact except where saturation keeps it far outside int8 (see dsp.h).
    if (expected != (1 << 30)) {
      ASSERT_EQ(actual, expected) << "acc " << acc << " multiplier " << multiplier << " shift " << shift;
    } else {
      ASSERT_EQ(actual > 0, expected > 0) << "acc " << acc << " shift " << shift;
    }
  }
}

// MEAN: every optimized variant registered; random shapes and axis lists
// reach both the per-channel path and the fallback (most of both).
TEST(ArmInt8Diff, RegistersTheMeanKernels) {
  EXPECT_EQ(first_missing_mean_kernel(), nullptr);
  EXPECT_EQ(optimized<kernels::MeanFn>(kMeanInt8), &kernels::cortex_m7::mean_int8);
}

TEST(ArmInt8Diff, MeanMatchesReference) {
  const MeanDiffResult r = run_mean_int8_cases(4000, 501);
  expect_clean(r, 4000);
  EXPECT_TRUE(covers_both_paths(r)) << r.channel_path << " cases took the per-channel path";
}

// The dispatch: which axis lists the per-channel path takes, written the
// ways converters write them.
TEST(ArmInt8Diff, MeanChannelPathTakesGlobalAveragePoolingOnly) {
  struct Expectation {
    Shape shape;
    int32_t axes[3];
    int32_t axis_count;
    bool channel_path;
    int64_t outer, rows, channels;
  };
  const Expectation expectations[] = {
      {Shape{4, {1, 7, 7, 1024}}, {1, 2}, 2, true, 1, 49, 1024},
      {Shape{4, {1, 7, 7, 1024}}, {-3, -2}, 2, true, 1, 49, 1024},
      {Shape{4, {1, 7, 7, 1024}}, {2, 1, 2}, 3, true, 1, 49, 1024},
      {Shape{4, {3, 5, 6, 10}}, {1, 2}, 2, true, 3, 30, 10},
      {Shape{4, {3, 5, 6, 10}}, {0, 1, 2}, 3, true, 1, 90, 10},
      {Shape{3, {2, 50, 16}}, {-2}, 1, true, 2, 50, 16},
      {Shape{4, {1, 7, 7, 1}}, {1, 2}, 2, false, 0, 0, 0},     // one channel: reduce all
      {Shape{4, {1, 7, 7, 8}}, {3}, 1, false, 0, 0, 0},        // innermost
      {Shape{4, {2, 7, 7, 8}}, {0, 3}, 2, false, 0, 0, 0},     // kept, reduced, kept, reduced
      {Shape{4, {2, 7, 7, 8}}, {0, 2}, 2, false, 0, 0, 0},     // two reduced runs
      {Shape{4, {1, 7, 0, 8}}, {1, 2}, 2, false, 0, 0, 0},     // empty
      {Shape{4, {2, 7, 7, 8}}, {}, 0, false, 0, 0, 0},         // nothing reduced
      {Shape{5, {2, 3, 4, 5, 6}}, {2, 3}, 2, true, 6, 20, 6},  // adjacent kept dims merge
      {Shape{5, {2, 3, 4, 5, 6}}, {1, 3}, 2, false, 0, 0, 0},  // two reduced runs
  };
  for (const Expectation& e : expectations) {
    MeanCase m;
    m.shape = e.shape;
    m.axis_count = e.axis_count;
    for (int32_t i = 0; i < e.axis_count; ++i) m.axes[i] = e.axes[i];
    kernels::cortex_m7::ChannelMeanShape shape;
    const bool taken = kernels::cortex_m7::as_channel_mean(mean_params(m, 1.0, 0, 1.0, 0), &shape);
    EXPECT_EQ(taken, e.channel_path) << "rank " << e.shape.rank << " first axis " << e.axes[0];
    if (!taken || !e.channel_path) continue;
    EXPECT_EQ(shape.outer, e.outer);
    EXPECT_EQ(shape.rows, e.rows);
    EXPECT_EQ(shape.channels, e.channels);
  }
}

// 529 rows of one extreme value carry the int16 lanes to their limits and
// through two flushes; 13 channels use the 8- and 4-channel blocks and a
// single column. Zero points and scales at the ends of their ranges.
TEST(ArmInt8Diff, MeanExtremeColumnsMatchReference) {
  MeanCase m;
  m.shape = Shape{4, {1, 23, 23, 13}};
  m.axis_count = 2;
  m.axes[0] = 1;
  m.axes[1] = 2;
  static int8_t input[23 * 23 * 13];
  int8_t expected[13], actual[13];
  int32_t reference_sums[13], sums[13];
  for (const int8_t value : {int8_t{-128}, int8_t{127}, int8_t{0}}) {
    for (const int32_t zero_point : {-128, 0, 127}) {
      for (const double output_scale : {1.0, 1.0 / 256, 256.0}) {
        for (int8_t& v : input) v = value;
        const kernels::ReduceParams p = mean_params(m, 1.0, zero_point, output_scale, -zero_point);
        kernels::reference::mean_int8(p, input, expected, reference_sums);
        kernels::cortex_m7::mean_int8(p, input, actual, sums);
        for (int32_t c = 0; c < 13; ++c)
          EXPECT_EQ(actual[c], expected[c]) << "value " << int{value} << " zp " << zero_point << " channel " << c;
      }
    }
  }
}

}  // namespace
}  // namespace tinyinfer::diff
