// Host run of the differential cases of the optimized UNIDIRECTIONAL_SEQUENCE_LSTM
// kernels against the reference (the portable twins of SMLAD / SMLALD / SXTB16
// execute here): random LSTMs, int8 and int16 byte for byte, float within rounding.
#include <gtest/gtest.h>

#include "firmware_diff/lstm_diff_cases.h"

namespace tinyinfer::diff {
namespace {

void expect_clean(const DiffResult& r, int32_t cases) {
  EXPECT_EQ(r.cases, cases);
  EXPECT_EQ(r.mismatches, 0) << r.first_failure;
}

// The diff runs the kernels the optimized set registers; they must be the
// cortex_m7 ones, not a reference fallback.
TEST(ArmLstmDiff, RegistersTheOptimizedLstmKernels) {
  EXPECT_EQ(optimized<kernels::LstmFloatFn>(kLstmFloat), &kernels::cortex_m7::unidirectional_sequence_lstm_float);
  EXPECT_EQ(optimized<kernels::LstmInt8Fn>(kLstmInt8), &kernels::cortex_m7::unidirectional_sequence_lstm_int8);
  EXPECT_EQ(optimized<kernels::LstmInt16Fn>(kLstmInt16), &kernels::cortex_m7::unidirectional_sequence_lstm_int16);
  EXPECT_EQ(first_missing_lstm_kernel(), nullptr);
}

TEST(ArmLstmDiff, Int8MatchesReference) { expect_clean(run_lstm_int8_cases(1500, 701), 1500); }

// Small sizes only: every depth tail (1-3) and the 1-3 unit remainders.
TEST(ArmLstmDiff, Int8SmallSizesMatchReference) { expect_clean(run_lstm_int8_cases(1000, 702, 6), 1000); }

TEST(ArmLstmDiff, Int16MatchesReference) { expect_clean(run_lstm_int16_cases(1500, 703), 1500); }

TEST(ArmLstmDiff, FloatMatchesReferenceWithinRounding) { expect_clean(run_lstm_float_cases(800, 704), 800); }

}  // namespace
}  // namespace tinyinfer::diff
