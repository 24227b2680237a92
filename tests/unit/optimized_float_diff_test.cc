// Host run of the differential cases of every float / hybrid kernel that
// the optimized set registers against its
// reference twin (tests/firmware_diff/float_diff_cases.h: thousands of random
// shapes, strides, dilations, paddings, channel counts, depth multipliers,
// batches and clamps; fixed seeds, so failures reproduce). tests/firmware_diff
// runs fewer of the same cases on the emulated Cortex-M7, where the FPv5
// inline assembly executes. Tolerance: see the header.
#include <gtest/gtest.h>

#include "firmware_diff/float_diff_cases.h"
#include "firmware_diff/mean_diff_cases.h"
#include "ops/add/add.h"
#include "ops/average_pool_2d/average_pool_2d.h"
#include "ops/common/kernel_types.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "ops/fully_connected/fully_connected.h"
#include "ops/max_pool_2d/max_pool_2d.h"
#include "ops/mean/mean.h"

namespace tinyinfer::float_diff {
namespace {

void expect_clean(const DiffResult& r, int32_t cases) {
  EXPECT_EQ(r.cases, cases);
  EXPECT_EQ(r.mismatches, 0) << r.first_failure;
}

// The diff runs the kernels the optimized set registers; they must be the
// FPv5 ones, not a reference fallback.
TEST(OptimizedFloatDiffTest, RegistersTheFloatKernels) {
  using diff::optimized;
  EXPECT_EQ(optimized<kernels::Conv2dFloatFn>(diff::kConv2dFloat), &kernels::cortex_m7::conv2d_float);
  EXPECT_EQ(optimized<kernels::Conv2dHybridFn>(diff::kConv2dHybrid), &kernels::cortex_m7::conv2d_hybrid);
  EXPECT_EQ(optimized<kernels::DepthwiseFloatFn>(diff::kDepthwiseFloat), &kernels::cortex_m7::depthwise_float);
  EXPECT_EQ(optimized<kernels::DepthwiseHybridFn>(diff::kDepthwiseHybrid), &kernels::cortex_m7::depthwise_hybrid);
  EXPECT_EQ(optimized<kernels::FullyConnectedFloatFn>(diff::kFullyConnectedFloat),
            &kernels::cortex_m7::fully_connected_float);
  EXPECT_EQ(optimized<kernels::FullyConnectedHybridFn>(diff::kFullyConnectedHybrid),
            &kernels::cortex_m7::fully_connected_hybrid);
  EXPECT_EQ(optimized<kernels::PoolFloatFn>(diff::kMaxPoolFloat), &kernels::cortex_m7::max_pool_float);
  EXPECT_EQ(first_missing_kernel(), nullptr);
}

TEST(OptimizedFloatDiffTest, Conv2dFloatRandom) { expect_clean(run_conv_cases(3000, 0xC0FFEE01, false), 3000); }

TEST(OptimizedFloatDiffTest, Conv2dHybridRandom) { expect_clean(run_conv_cases(3000, 0xC0FFEE02, true), 3000); }

// The study's and the MLPerf Tiny models' convolution shapes (7, float and hybrid).
TEST(OptimizedFloatDiffTest, Conv2dModelShapes) { expect_clean(run_conv_model_shapes(0xC0FFEE03), 14); }

TEST(OptimizedFloatDiffTest, DepthwiseFloatRandom) { expect_clean(run_depthwise_cases(3000, 0xD3E701, false), 3000); }

TEST(OptimizedFloatDiffTest, DepthwiseHybridRandom) { expect_clean(run_depthwise_cases(3000, 0xD3E702, true), 3000); }

TEST(OptimizedFloatDiffTest, DepthwiseModelShapes) { expect_clean(run_depthwise_model_shapes(0xD3E703), 4); }

// Float and hybrid mixed, as before the cases moved to the shared header.
TEST(OptimizedFloatDiffTest, FullyConnectedRandom) {
  expect_clean(run_fully_connected_cases(3000, 0xFC0001, FcKinds::kBoth), 3000);
}

TEST(OptimizedFloatDiffTest, MaxPoolFloatRandom) { expect_clean(run_max_pool_cases(3000, 0x9001), 3000); }

// MEAN float32: each channel adds its rows in the reference's order, so the
// results match bit for bit (no tolerance).
TEST(OptimizedFloatDiffTest, MeanFloatRandom) {
  EXPECT_EQ(diff::optimized<kernels::MeanFn>(diff::kMeanFloat), &kernels::cortex_m7::mean_float32);
  const diff::MeanDiffResult r = diff::run_mean_float_cases(3000, 503);
  EXPECT_EQ(r.cases, 3000);
  EXPECT_EQ(r.mismatches, 0) << r.first_failure;
  EXPECT_TRUE(diff::covers_both_paths(r)) << r.channel_path << " cases took the per-channel path";
}

}  // namespace
}  // namespace tinyinfer::float_diff
