// Fixed-point helpers of the int8 spec and of the softmax. Expected values are
// worked by hand in the comments; real = raw / 2^31 for Q0.31 values.
#include "dsp/fixed_point.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

#include "dsp/softmax_fixed_point.h"

namespace tinyinfer::quant {
namespace {

constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
constexpr int32_t kMax = std::numeric_limits<int32_t>::max();

TEST(FixedPointTest, SrdhmSaturatesOnlyForMinTimesMin) {
  // (-1) * (-1) = +1 is not representable in Q0.31.
  EXPECT_EQ(saturating_rounding_doubling_high_mul(kMin, kMin), kMax);
  // -1 * (1 - 2^-31) = -(2^31 - 1) raw, exact.
  EXPECT_EQ(saturating_rounding_doubling_high_mul(kMin, kMax), -kMax);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(kMax, kMax), kMax - 1);  // (1-e)^2
}

TEST(FixedPointTest, SrdhmRounding) {
  // 2^30 is 0.5: 2^30 * 2^30 * 2 / 2^32 = 2^29.
  EXPECT_EQ(saturating_rounding_doubling_high_mul(1 << 30, 1 << 30), 1 << 29);
  // 3 * 0.5 = 1.5 -> 2; 1 * 0.5 = 0.5 -> 1 (positive ties go up).
  EXPECT_EQ(saturating_rounding_doubling_high_mul(3, 1 << 30), 2);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(1, 1 << 30), 1);
  // gemmlowp's nudge is 1 - 2^30 for negatives, so negative ties go toward
  // zero: -1.5 -> -1, -0.5 -> 0, -2.5 -> -2. -1.75 still rounds to -2.
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-3, 1 << 30), -1);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-1, 1 << 30), 0);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-5, 1 << 30), -2);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-7, 1 << 30 | 1 << 29), -5);  // -7*0.75=-5.25
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-7, 1 << 29), -2);            // -7*0.25 = -1.75
}

TEST(FixedPointTest, RoundingDivideByPotTiesAwayFromZero) {
  EXPECT_EQ(rounding_divide_by_pot(5, 1), 3);    // 2.5
  EXPECT_EQ(rounding_divide_by_pot(-5, 1), -3);  // -2.5
  EXPECT_EQ(rounding_divide_by_pot(-3, 1), -2);  // -1.5
  EXPECT_EQ(rounding_divide_by_pot(6, 2), 2);    // 1.5
  EXPECT_EQ(rounding_divide_by_pot(-6, 2), -2);  // -1.5
  EXPECT_EQ(rounding_divide_by_pot(5, 2), 1);    // 1.25
  EXPECT_EQ(rounding_divide_by_pot(-5, 2), -1);  // -1.25
  EXPECT_EQ(rounding_divide_by_pot(-7, 2), -2);  // -1.75
  EXPECT_EQ(rounding_divide_by_pot(7, 0), 7);
  EXPECT_EQ(rounding_divide_by_pot(kMin, 31), -1);
  EXPECT_EQ(rounding_divide_by_pot(kMax, 31), 1);     // 0.99999...
  EXPECT_EQ(rounding_divide_by_pot(1 << 29, 31), 0);  // 0.25
}

TEST(FixedPointTest, MultiplyByQuantizedMultiplier) {
  constexpr int32_t kHalf = 1 << 30;
  EXPECT_EQ(multiply_by_quantized_multiplier(100, kHalf, -1), 25);  // 100 * 0.5 / 2
  // Double rounding as TFLite: 5 * 0.5 = 2.5 -> 3, then 3 / 2 = 1.5 -> 2
  // (a single rounding of 1.25 would give 1).
  EXPECT_EQ(multiply_by_quantized_multiplier(5, kHalf, -1), 2);
  EXPECT_EQ(multiply_by_quantized_multiplier(-5, kHalf, -1), -1);  // -2.5 -> -2, -1.0
  // Positive shift scales first: (100 << 2) * 0.5 = 200.
  EXPECT_EQ(multiply_by_quantized_multiplier(100, kHalf, 2), 200);
  EXPECT_EQ(multiply_by_quantized_multiplier(-3, kHalf, 1), -3);
  // round(sqrt(0.5) * 2^31) = 1518500250; 6 * 0.7071 = 4.24 -> 4.
  EXPECT_EQ(multiply_by_quantized_multiplier(3, 1518500250, 1), 4);
  EXPECT_EQ(multiply_by_quantized_multiplier(1000, 1518500250, -3), 88);  // 707.1 -> 707, /8 = 88.4
}

TEST(FixedPointTest, QuantizeMultiplier) {
  int32_t m = -1;
  int shift = -100;
  quantize_multiplier(0.5, &m, &shift);  // 0.5 * 2^0
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(shift, 0);
  quantize_multiplier(1.0, &m, &shift);  // 0.5 * 2^1
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(shift, 1);
  quantize_multiplier(0.75, &m, &shift);  // 0.75 * 2^31 = 1610612736
  EXPECT_EQ(m, 1610612736);
  EXPECT_EQ(shift, 0);
  quantize_multiplier(0.1, &m, &shift);  // 0.8 * 2^-3, round(0.8 * 2^31) = 1717986918
  EXPECT_EQ(m, 1717986918);
  EXPECT_EQ(shift, -3);
  // 2^-32 = 0.5 * 2^-31 is the smallest kept; 2^-40 flushes to zero.
  quantize_multiplier(std::ldexp(1.0, -32), &m, &shift);
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(shift, -31);
  quantize_multiplier(std::ldexp(1.0, -40), &m, &shift);
  EXPECT_EQ(m, 0);
  EXPECT_EQ(shift, 0);
  quantize_multiplier(0.0, &m, &shift);
  EXPECT_EQ(m, 0);
  EXPECT_EQ(shift, 0);
  // 1 - 2^-33: mantissa * 2^31 = 2^31 - 0.25 rounds to 2^31, which carries
  // into the exponent: 0.5 * 2^1.
  quantize_multiplier(1.0 - std::ldexp(1.0, -33), &m, &shift);
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(shift, 1);
  // Too large: saturates to the largest multiplier with shift 30.
  quantize_multiplier(std::ldexp(1.0, 40), &m, &shift);
  EXPECT_EQ(m, kMax);
  EXPECT_EQ(shift, 30);
}

TEST(FixedPointTest, SaturatingRoundingMultiplyByPot) {
  // Left by 2: threshold 2^29 - 1.
  EXPECT_EQ(saturating_rounding_multiply_by_pot<2>((1 << 29) - 1), kMax - 3);  // 2^31 - 4
  EXPECT_EQ(saturating_rounding_multiply_by_pot<2>(1 << 29), kMax);
  EXPECT_EQ(saturating_rounding_multiply_by_pot<2>(-(1 << 29) + 1), kMin + 4);
  EXPECT_EQ(saturating_rounding_multiply_by_pot<2>(-(1 << 29)), kMin);
  EXPECT_EQ(saturating_rounding_multiply_by_pot<-2>(6), 2);  // 1.5 -> 2
  EXPECT_EQ(saturating_rounding_multiply_by_pot<-2>(-6), -2);
  EXPECT_EQ(saturating_rounding_multiply_by_pot<0>(-6), -6);
  // Q0 -> Q12: INT32_MAX / 2^12 = 524287.9998 -> 2^19.
  EXPECT_EQ((rescale<12, 0>(kMax)), 1 << 19);
}

TEST(FixedPointTest, ExpConstantsAreRoundedExpOfPowersOfTwo) {
  for (int k = -2; k <= 4; ++k) {
    const double expected = std::round(std::exp(-std::ldexp(1.0, k)) * 2147483648.0);
    EXPECT_EQ(kQ0ExpMinusPow2[k + 2], static_cast<int32_t>(expected)) << "k=" << k;
  }
  EXPECT_EQ(kQ0ExpMinusOneEighth, static_cast<int32_t>(std::round(std::exp(-0.125) * 2147483648.0)));
  EXPECT_EQ(kQ0OneThird, static_cast<int32_t>(std::round(2147483648.0 / 3.0)));
  EXPECT_EQ(kQ2FortyEightOverSeventeen, static_cast<int32_t>(std::round(48.0 / 17.0 * 536870912.0)));
  EXPECT_EQ(kQ2MinusThirtyTwoOverSeventeen, static_cast<int32_t>(std::round(-32.0 / 17.0 * 536870912.0)));
}

TEST(FixedPointTest, ExpOnNegativeValues) {
  constexpr int kBits = 5;                            // Q5.26: 1.0 = 2^26
  EXPECT_EQ(exp_on_negative_values<kBits>(0), kMax);  // exp(0) = "one" of Q0.31
  // -1/4 is exactly the series' lower end: no barrel-shifter factor. The
  // 4th-order Taylor error there is exp(-1/8) * (1/8)^5 / 120 = 2.2e-7,
  // i.e. ~472 raw units; measured 1672462419 vs 1672461947.
  const int32_t exp_quarter = exp_on_negative_values<kBits>(-(1 << 24));
  EXPECT_NEAR(exp_quarter, kQ0ExpMinusPow2[0], 500);
  // Values across the barrel shifter: within the series error (plus a few
  // roundings) of exp().
  const double xs[] = {-0.001, -0.1, -0.3, -0.5, -1.0, -1.7, -2.0, -3.3, -5.0, -8.9, -16.0, -31.9};
  for (double x : xs) {
    const int32_t raw = static_cast<int32_t>(std::lround(x * 67108864.0));
    const double got = exp_on_negative_values<kBits>(raw) / 2147483648.0;
    const double want = std::exp(raw / 67108864.0);
    EXPECT_NEAR(got, want, 2.5e-7) << "x=" << x;
  }
  // Monotonic on a sweep.
  int32_t previous = kMax;
  for (int64_t raw = 0; raw >= kMin; raw -= 1234567) {  // down to -32
    const int32_t e = exp_on_negative_values<kBits>(static_cast<int32_t>(raw));
    EXPECT_LE(e, previous) << raw;
    previous = e;
  }
}

TEST(FixedPointTest, OneOverOnePlusX) {
  // 1/(1+0) -> "one"; 1/(1+0.5) = 2/3; 1/(1+0.75) = 4/7; near 1: ~1/2.
  EXPECT_NEAR(one_over_one_plus_x_for_x_in_0_1(0), 2147483647.0, 4);
  EXPECT_NEAR(one_over_one_plus_x_for_x_in_0_1(1 << 30), 2147483648.0 * 2 / 3, 4);
  EXPECT_NEAR(one_over_one_plus_x_for_x_in_0_1(1610612736), 2147483648.0 * 4 / 7, 4);
  EXPECT_NEAR(one_over_one_plus_x_for_x_in_0_1(kMax), 1073741824.0, 4);
}

TEST(FixedPointTest, CountLeadingZerosAndReciprocal) {
  EXPECT_EQ(count_leading_zeros(0), 32);
  EXPECT_EQ(count_leading_zeros(1), 31);
  EXPECT_EQ(count_leading_zeros(0x80000000u), 0);
  // Sum of 4 ones in Q12.19 = 2^21: clz 10, bits over unit 12 - 10 = 2 (4 = 2^2),
  // remaining factor 1 -> scale ~1.
  int bits = -1;
  const int32_t scale = softmax_reciprocal(1 << 21, 12, &bits);
  EXPECT_EQ(bits, 2);
  EXPECT_NEAR(scale, 2147483647.0, 4);
  // 3 = 2^1 * 1.5: bits 1, scale 2/3.
  softmax_reciprocal(3 << 19, 12, &bits);
  EXPECT_EQ(bits, 1);
  EXPECT_NEAR(softmax_reciprocal(3 << 19, 12, &bits), 2147483648.0 * 2 / 3, 4);
}

}  // namespace
}  // namespace tinyinfer::quant
