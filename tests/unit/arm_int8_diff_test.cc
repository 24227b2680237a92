// Host run of the differential cases of the ARMv7E-M int8 kernels against the
// reference kernels (the portable twins of the DSP instructions execute here;
// tests/firmware_diff runs the same cases on the emulated Cortex-M7).
#include <gtest/gtest.h>

#include "dsp/armv7em_simd.h"
#include "firmware_diff/int8_diff_cases.h"
#include "ops/add/add.h"
#include "ops/average_pool_2d/average_pool_2d.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "ops/fully_connected/fully_connected.h"
#include "ops/max_pool_2d/max_pool_2d.h"

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

}  // namespace
}  // namespace tinyinfer::diff
