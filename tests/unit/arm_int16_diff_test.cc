// Host run of the differential cases of the ARMv7E-M int16x8 kernels against
// the reference kernels (the portable twins of SMLALD and SXTB16 execute here;
// tests/firmware_diff runs the same cases on the emulated Cortex-M7).
#include <gtest/gtest.h>

#include "dsp/armv7em_simd.h"
#include "firmware_diff/int16_diff_cases.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/fully_connected/fully_connected.h"

namespace tinyinfer::diff {
namespace {

// The diff runs the kernels the optimized set registers; they must be the
// ARMv7E-M ones, not a reference fallback.
TEST(ArmInt16Diff, RegistersTheInt16Kernels) {
  EXPECT_EQ(optimized<kernels::FullyConnectedInt16Fn>(kFullyConnectedInt16),
            &kernels::cortex_m7::fully_connected_int16);
  EXPECT_EQ(optimized<kernels::FullyConnectedInt16Bias32Fn>(kFullyConnectedInt16Bias32),
            &kernels::cortex_m7::fully_connected_int16_bias32);
  EXPECT_EQ(optimized<kernels::Conv2dInt16Fn>(kConv2dInt16), &kernels::cortex_m7::conv2d_int16);
  EXPECT_EQ(optimized<kernels::Conv2dInt16Bias32Fn>(kConv2dInt16Bias32), &kernels::cortex_m7::conv2d_int16_bias32);
  EXPECT_EQ(first_missing_int16_kernel(), nullptr);
}

TEST(ArmInt16Diff, Conv2dMatchesReference) {
  const DiffResult r = run_conv_int16_cases(2000, 403);
  EXPECT_EQ(r.cases, 2000);
  EXPECT_EQ(r.mismatches, 0) << r.first_failure;
}

// SEANet's layers: 1-D convolutions along the width with wide channels.
TEST(ArmInt16Diff, Conv2dWideChannelsMatchReference) {
  CaseLimits wide;
  wide.max_hw = 6;
  wide.max_c = 96;
  wide.max_out_c = 48;
  const DiffResult r = run_conv_int16_cases(200, 404, wide);
  EXPECT_EQ(r.cases, 200);
  EXPECT_EQ(r.mismatches, 0) << r.first_failure;
}

TEST(ArmInt16Diff, FullyConnectedMatchesReference) {
  const DiffResult r = run_fully_connected_int16_cases(3000, 401);
  EXPECT_EQ(r.cases, 3000);
  EXPECT_EQ(r.mismatches, 0) << r.first_failure;
}

TEST(ArmInt16Diff, FullyConnectedDeepRowsMatchReference) {
  const DiffResult r = run_fully_connected_int16_cases(100, 402, 4000);
  EXPECT_EQ(r.cases, 100);
  EXPECT_EQ(r.mismatches, 0) << r.first_failure;
}

// SMLALD's twin: both products into a 64-bit accumulator, wrapping.
TEST(ArmInt16Diff, SmlaldTwinAddsBothLaneProducts) {
  using kernels::cortex_m7::smlald;
  const uint32_t a = (uint32_t{0x8000} << 16) | 0x7FFF;  // lanes 32767, -32768
  const uint32_t b = (uint32_t{0x8000} << 16) | 0x8000;  // lanes -32768, -32768
  EXPECT_EQ(smlald(a, b, 5), int64_t{5} + int64_t{32767} * -32768 + int64_t{-32768} * -32768);
  EXPECT_EQ(smlald(a, b, INT64_MAX), static_cast<int64_t>(static_cast<uint64_t>(INT64_MAX) + 32768u));
}

}  // namespace
}  // namespace tinyinfer::diff
