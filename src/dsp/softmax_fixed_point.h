// Q-format fixed-point helpers for the int8 softmax. They reproduce the
// arithmetic of gemmlowp's FixedPoint<int32_t, N> (which TFLite's reference
// softmax uses) on raw int32 values, so the outputs match bit for bit.
//
// Notation: a "Qm" raw value has m integer bits and 31 - m fractional bits,
// i.e. real = raw / 2^(31 - m).
#pragma once

#include <cstdint>
#include <limits>

#include "dsp/fixed_point.h"

namespace tinyinfer::quant {

// Integer bits of the scaled input difference and of the sum of exps
// (TFLite's kScaledDiffIntegerBits / kAccumulationIntegerBits).
constexpr int kSoftmaxScaledDiffIntegerBits = 5;
constexpr int kSoftmaxAccumulationIntegerBits = 12;

// Product of a Qa and a Qb value is a Q(a+b) value with the same raw formula.
inline int32_t fixed_mul(int32_t a, int32_t b) { return saturating_rounding_doubling_high_mul(a, b); }

// Raw add/sub wrap like gemmlowp's int32 adds; done unsigned so that a wrap
// (which valid inputs never reach) is defined behaviour.
inline int32_t fixed_add(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}
inline int32_t fixed_sub(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) - static_cast<uint32_t>(b));
}

// x * 2^exponent: saturating left shift for exponent > 0, rounding right
// shift (ties away from zero) for exponent < 0.
template <int kExponent>
inline int32_t saturating_rounding_multiply_by_pot(int32_t x) {
  static_assert(kExponent > -32 && kExponent < 32, "shift out of range");
  if constexpr (kExponent > 0) {
    // Threshold as gemmlowp: |x| above 2^(31-e) - 1 saturates.
    constexpr int32_t threshold = static_cast<int32_t>((int64_t{1} << (31 - kExponent)) - 1);
    if (x > threshold) return std::numeric_limits<int32_t>::max();
    if (x < -threshold) return std::numeric_limits<int32_t>::min();
    return static_cast<int32_t>(static_cast<uint32_t>(x) << kExponent);
  } else if constexpr (kExponent < 0) {
    return rounding_divide_by_pot(x, -kExponent);
  } else {
    return x;
  }
}

// Converts a Q(kFrom) raw value to Q(kTo) (gemmlowp's Rescale).
template <int kTo, int kFrom>
inline int32_t rescale(int32_t x) {
  return saturating_rounding_multiply_by_pot<kFrom - kTo>(x);
}

// One in Qm: with 0 integer bits 1.0 is not representable, so the largest
// value stands in for it (as in gemmlowp).
template <int kIntegerBits>
constexpr int32_t fixed_one() {
  return kIntegerBits == 0 ? std::numeric_limits<int32_t>::max()
                           : static_cast<int32_t>(int32_t{1} << (31 - kIntegerBits));
}

// (a + b) / 2 rounded half away from zero, without overflow.
inline int32_t rounding_half_sum(int32_t a, int32_t b) {
  const int64_t sum = int64_t{a} + int64_t{b};
  const int64_t sign = sum >= 0 ? 1 : -1;
  return static_cast<int32_t>((sum + sign) / 2);
}

// Q0.31 constants, each round(value * 2^31) (or 2^29 for Q2 ones):
constexpr int32_t kQ0ExpMinusOneEighth = 1895147668;             // exp(-1/8)
constexpr int32_t kQ0OneThird = 715827883;                       // 1/3
constexpr int32_t kQ2FortyEightOverSeventeen = 1515870810;       // 48/17 in Q2.29
constexpr int32_t kQ2MinusThirtyTwoOverSeventeen = -1010580540;  // -32/17 in Q2.29
// exp(-2^k) for k = -2..4, in Q0.31: round(exp(-2^k) * 2^31).
constexpr int32_t kQ0ExpMinusPow2[7] = {
    1672461947,  // exp(-1/4)
    1302514674,  // exp(-1/2)
    790015084,   // exp(-1)
    290630308,   // exp(-2)
    39332535,    // exp(-4)
    720401,      // exp(-8)
    242,         // exp(-16)
};

// exp(a) for a Q0 value a in [-1/4, 0): Taylor series around -1/8 to the
// 4th order, x = a + 1/8:
//   exp(a) = exp(-1/8) * (1 + x + x^2/2 + x^3/6 + x^4/24).
inline int32_t exp_on_interval_between_negative_one_quarter_and_0_excl(int32_t a) {
  const int32_t x = fixed_add(a, int32_t{1} << 28);  // + 1/8 in Q0.31
  const int32_t x2 = fixed_mul(x, x);
  const int32_t x3 = fixed_mul(x2, x);
  const int32_t x4 = fixed_mul(x2, x2);
  const int32_t x4_over_4 = saturating_rounding_multiply_by_pot<-2>(x4);
  // ((x^4/4 + x^3) / 3 + x^2) / 2 = x^4/24 + x^3/6 + x^2/2
  const int32_t x4_over_24_plus_x3_over_6_plus_x2_over_2 =
      saturating_rounding_multiply_by_pot<-1>(fixed_add(fixed_mul(fixed_add(x4_over_4, x3), kQ0OneThird), x2));
  return fixed_add(kQ0ExpMinusOneEighth,
                   fixed_mul(kQ0ExpMinusOneEighth, fixed_add(x, x4_over_24_plus_x3_over_6_plus_x2_over_2)));
}

// exp(a) for a Q(kIntegerBits) value a <= 0, result in Q0.31.
// Split a into (a mod 1/4) - 1/4 in [-1/4, 0), whose exp
// comes from the series, and a non-positive multiple of 1/4 whose bits select
// factors exp(-2^k) (a barrel shifter over the integer bits).
template <int kIntegerBits>
inline int32_t exp_on_negative_values(int32_t a) {
  constexpr int kFractionalBits = 31 - kIntegerBits;
  static_assert(kFractionalBits >= 2, "need a 1/4 bit");
  constexpr int32_t one_quarter = int32_t{1} << (kFractionalBits - 2);
  const int32_t mask = one_quarter - 1;
  const int32_t a_mod_quarter_minus_one_quarter = fixed_sub(a & mask, one_quarter);
  int32_t result = exp_on_interval_between_negative_one_quarter_and_0_excl(
      rescale<0, kIntegerBits>(a_mod_quarter_minus_one_quarter));
  // -(a - r): the remaining non-negative multiple of 1/4.
  const int32_t remainder = fixed_sub(a_mod_quarter_minus_one_quarter, a);
  // Bit (kFractionalBits + k) of remainder stands for 2^k; only bits that fit
  // in the integer part are present.
  for (int k = -2; k <= 4; ++k) {
    if (kIntegerBits > k) {
      const int bit = kFractionalBits + k;
      if (static_cast<uint32_t>(remainder) & (uint32_t{1} << bit)) {
        result = fixed_mul(result, kQ0ExpMinusPow2[k + 2]);
      }
    }
  }
  // Inputs below -32 (only representable with more than 5 integer bits)
  // give 0, as exp(-32) is below Q0.31 resolution.
  if constexpr (kIntegerBits > 5) {
    constexpr int32_t minus_32 = -(int32_t{1} << (36 - kIntegerBits));
    if (a < minus_32) result = 0;
  }
  if (a == 0) result = fixed_one<0>();
  return result;
}

// 1 / (1 + a) for a Q0 value a in [0, 1), result in Q0.31. Newton-Raphson on
// the half denominator d = (1 + a)/2 in [1/2, 1): initial guess
// 48/17 - 32/17 * d, then 3 iterations x += x * (1 - d * x); 1/(1+a) = x/2.
inline int32_t one_over_one_plus_x_for_x_in_0_1(int32_t a) {
  const int32_t half_denominator = rounding_half_sum(a, fixed_one<0>());                                           // Q0
  int32_t x = fixed_add(kQ2FortyEightOverSeventeen, fixed_mul(half_denominator, kQ2MinusThirtyTwoOverSeventeen));  // Q2
  for (int i = 0; i < 3; ++i) {
    const int32_t half_denominator_times_x = fixed_mul(half_denominator, x);                                 // Q2
    const int32_t one_minus_half_denominator_times_x = fixed_sub(fixed_one<2>(), half_denominator_times_x);  // Q2
    x = fixed_add(x, rescale<2, 4>(fixed_mul(x, one_minus_half_denominator_times_x)));  // Q2*Q2 = Q4
  }
  // x/2: the same raw value read as Q1, then converted to Q0.
  return rescale<0, 1>(x);
}

// Count of leading zero bits; 32 for zero (as TFLite's CountLeadingZeros).
inline int count_leading_zeros(uint32_t x) {
  if (x == 0) return 32;
  int n = 0;
  while ((x & 0x80000000u) == 0) {
    x <<= 1;
    ++n;
  }
  return n;
}

// 1/x for a positive Q(kIntegerBits) x, as a Q0.31 scale plus the number of
// bits x has above one (TFLite's GetReciprocal): x = 2^bits * (1 + f),
// scale = 1 / (1 + f).
inline int32_t softmax_reciprocal(int32_t x, int integer_bits, int* num_bits_over_unit) {
  const int headroom_plus_one = count_leading_zeros(static_cast<uint32_t>(x));
  *num_bits_over_unit = integer_bits - headroom_plus_one;
  const int32_t shifted_sum_minus_one =
      static_cast<int32_t>((static_cast<uint32_t>(x) << headroom_plus_one) - (uint32_t{1} << 31));
  return one_over_one_plus_x_for_x_in_0_1(shifted_sum_minus_one);
}

}  // namespace tinyinfer::quant
