// gemmlowp / TFLite fixed-point functions the quantized activation kernels
// need beyond dsp/softmax_fixed_point.h: logistic and tanh on Q(m) values,
// log(x) for x >= 1 (LOG_SOFTMAX), 1/sqrt (L2_NORMALIZATION), and the int16
// arithmetic of HARD_SWISH. Raw int32 values throughout; same rounding and
// saturation as the originals, so the kernels match bit for bit.
#pragma once

#include <cstdint>
#include <limits>

#include "dsp/fixed_point.h"
#include "dsp/softmax_fixed_point.h"

namespace tinyinfer::act {

inline int32_t fixed_neg(int32_t a) { return static_cast<int32_t>(0u - static_cast<uint32_t>(a)); }

// gemmlowp's logistic(): result in Q0.31 for a Q(kIntegerBits) input.
// 1/(1 + exp(-|a|)) for the positive half, 1 - that for the negative one.
template <int kIntegerBits>
inline int32_t fixed_logistic(int32_t a) {
  if (a == 0) return int32_t{1} << 30;  // one half
  const int32_t abs_a = a > 0 ? a : fixed_neg(a);
  const int32_t positive =
      quant::one_over_one_plus_x_for_x_in_0_1(quant::exp_on_negative_values<kIntegerBits>(fixed_neg(abs_a)));
  return a > 0 ? positive : quant::fixed_sub(quant::fixed_one<0>(), positive);
}

// (1 - a) / (1 + a) for a Q0 value a in [0, 1): the Newton-Raphson division
// of one_over_one_plus_x_for_x_in_0_1 with the final step x - 1.
inline int32_t one_minus_x_over_one_plus_x_for_x_in_0_1(int32_t a) {
  const int32_t half_denominator = quant::rounding_half_sum(a, quant::fixed_one<0>());
  int32_t x = quant::fixed_add(quant::kQ2FortyEightOverSeventeen,
                               quant::fixed_mul(half_denominator, quant::kQ2MinusThirtyTwoOverSeventeen));
  for (int i = 0; i < 3; ++i) {
    const int32_t half_denominator_times_x = quant::fixed_mul(half_denominator, x);
    const int32_t one_minus = quant::fixed_sub(quant::fixed_one<2>(), half_denominator_times_x);
    x = quant::fixed_add(x, quant::rescale<2, 4>(quant::fixed_mul(x, one_minus)));
  }
  return quant::rescale<0, 2>(quant::fixed_sub(x, quant::fixed_one<2>()));
}

// gemmlowp's tanh(): result in Q0.31 for a Q(kIntegerBits) input, from
// -tanh(n) = (1 - exp(2n)) / (1 + exp(2n)) on n = -|a|.
template <int kIntegerBits>
inline int32_t fixed_tanh(int32_t a) {
  if (a == 0) return 0;
  const int32_t n = a < 0 ? a : fixed_neg(a);
  // 2n: the same raw value read with one more integer bit (ExactMulByPot<1>).
  const int32_t t = one_minus_x_over_one_plus_x_for_x_in_0_1(quant::exp_on_negative_values<kIntegerBits + 1>(n));
  return a < 0 ? fixed_neg(t) : t;
}

// TFLite's SaturatingRoundingMultiplyByPOTParam for exponent >= 0: x * 2^e
// saturated to int32.
inline int32_t saturating_multiply_by_pot_param(int32_t x, int exponent) {
  if (exponent <= 0) return x;
  const int64_t threshold = (int64_t{1} << (31 - exponent)) - 1;
  if (x > threshold) return std::numeric_limits<int32_t>::max();
  if (x < -threshold) return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(static_cast<uint32_t>(x) << exponent);
}

inline int32_t saturating_add(int32_t a, int32_t b) {
  const int64_t s = int64_t{a} + b;
  if (s > std::numeric_limits<int32_t>::max()) return std::numeric_limits<int32_t>::max();
  if (s < std::numeric_limits<int32_t>::min()) return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(s);
}
inline int32_t saturating_sub(int32_t a, int32_t b) {
  const int64_t s = int64_t{a} - b;
  if (s > std::numeric_limits<int32_t>::max()) return std::numeric_limits<int32_t>::max();
  if (s < std::numeric_limits<int32_t>::min()) return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(s);
}

// TFLite's log_x_for_x_greater_than_or_equal_to_1: log of a positive
// Q(kInputIntegerBits) value as Q(kOutputIntegerBits). Splits x into a power
// of two (times log 2) and a mantissa r in [sqrt(1/2), 1) (times a rational
// approximation around 2^-1/4), accumulating with one extra integer bit.
template <int kOutputIntegerBits, int kInputIntegerBits>
inline int32_t log_x_for_x_greater_than_or_equal_to_1(int32_t input_raw) {
  constexpr int kAccumBits = kOutputIntegerBits + 1;
  using quant::fixed_add;
  using quant::fixed_mul;
  using quant::fixed_sub;
  // Q0.31 constants: log 2, 2^-1/4, 2^-1/2, 1/4 and the approximation's.
  constexpr int32_t kLog2 = 1488522236;
  constexpr int32_t kSqrtSqrtHalf = 1805811301;
  constexpr int32_t kSqrtHalf = 1518500250;
  constexpr int32_t kOneQuarter = 536870912;
  constexpr int32_t kAlphaN = 117049297;
  constexpr int32_t kAlphaD = 127690142;
  constexpr int32_t kAlphaI = 1057819769;
  constexpr int32_t kAlphaF = 638450708;

  const int32_t shifted_quarter = quant::rescale<kAccumBits, 0>(kOneQuarter);
  const int32_t z_a = input_raw;  // read as Q0.31; the shift is tracked here
  const int z_a_headroom_plus_1 = quant::count_leading_zeros(static_cast<uint32_t>(z_a));
  const int32_t r_a_tmp = saturating_multiply_by_pot_param(z_a, z_a_headroom_plus_1 - 1);
  const int32_t r_a_raw = saturating_multiply_by_pot_param(fixed_mul(r_a_tmp, kSqrtHalf), 1);
  const int32_t z_a_pow_2_adj = saturating_add(
      saturating_multiply_by_pot_param(kInputIntegerBits - z_a_headroom_plus_1, 31 - kAccumBits), shifted_quarter);

  // z_b: z_a premultiplied by sqrt(1/2).
  const int32_t z_b = fixed_mul(z_a, kSqrtHalf);
  const int z_b_headroom = quant::count_leading_zeros(static_cast<uint32_t>(z_b)) - 1;
  const int32_t r_b_raw = saturating_multiply_by_pot_param(z_a, z_b_headroom);
  const int32_t z_b_pow_2_adj = saturating_sub(
      saturating_multiply_by_pot_param(kInputIntegerBits - z_b_headroom, 31 - kAccumBits), shifted_quarter);

  const int32_t r = r_a_raw < r_b_raw ? r_a_raw : r_b_raw;
  const int32_t z_pow_2_adj = z_a_pow_2_adj > z_b_pow_2_adj ? z_a_pow_2_adj : z_b_pow_2_adj;

  const int32_t p = quant::rounding_half_sum(r, kSqrtSqrtHalf);
  int32_t q = fixed_sub(r, kSqrtSqrtHalf);
  q = fixed_add(q, q);

  const int32_t common_sq = fixed_mul(q, q);
  const int32_t num = fixed_add(fixed_mul(q, r), fixed_mul(fixed_mul(q, common_sq), kAlphaN));
  const int32_t denom_minus_one_0 =
      fixed_add(fixed_mul(p, fixed_add(fixed_add(kAlphaI, q), fixed_mul(kAlphaD, common_sq))), fixed_mul(kAlphaF, q));
  const int32_t recip_denom = quant::one_over_one_plus_x_for_x_in_0_1(denom_minus_one_0);

  const int32_t num_scaled = quant::rescale<kAccumBits, 0>(num);
  return quant::rescale<kOutputIntegerBits, kAccumBits>(
      fixed_add(fixed_mul(z_pow_2_adj, kLog2), fixed_mul(num_scaled, recip_denom)));
}

// TFLite's GetInvSqrtQuantizedMultiplierExp: 1/sqrt(input) as a Q31
// multiplier and a (left) shift, by 5 Newton-Raphson steps in Q3; input <= 1
// (the all-zero row) gives the largest multiplier, as TFLite does.
inline void inv_sqrt_quantized_multiplier(int32_t input, int reverse_shift, int32_t* output_inv_sqrt,
                                          int* output_shift) {
  if (input <= 1) {
    *output_inv_sqrt = std::numeric_limits<int32_t>::max();
    *output_shift = 0;
    return;
  }
  *output_shift = 11;
  while (input >= (1 << 29)) {
    input /= 4;
    ++*output_shift;
  }
  const unsigned max_left_shift_bits =
      static_cast<unsigned>(quant::count_leading_zeros(static_cast<uint32_t>(input))) - 1;
  const unsigned max_left_shift_bit_pairs = max_left_shift_bits / 2;
  const unsigned left_shift_bit_pairs = max_left_shift_bit_pairs - 1;
  *output_shift -= static_cast<int>(left_shift_bit_pairs);
  input = static_cast<int32_t>(static_cast<uint32_t>(input) << (2 * left_shift_bit_pairs));
  // Q3 values.
  const int32_t fixed_input = input >> 1;
  const int32_t fixed_half_input = quant::saturating_rounding_multiply_by_pot<-1>(fixed_input);
  constexpr int32_t kHalfThree = (1 << 28) + (1 << 27);  // 1.5
  int32_t x = quant::fixed_one<3>();
  for (int i = 0; i < 5; ++i) {
    const int32_t x3 = quant::rescale<3, 9>(quant::fixed_mul(quant::fixed_mul(x, x), x));
    x = quant::rescale<3, 6>(quant::fixed_sub(quant::fixed_mul(kHalfThree, x), quant::fixed_mul(fixed_half_input, x3)));
  }
  constexpr int32_t kHalfSqrt2 = 1518500250;  // sqrt(2)/2 in Q0.31
  x = quant::fixed_mul(x, kHalfSqrt2);
  *output_inv_sqrt = x;
  if (*output_shift < 0) {
    *output_inv_sqrt = static_cast<int32_t>(static_cast<uint32_t>(*output_inv_sqrt) << -*output_shift);
    *output_shift = 0;
  }
  *output_shift *= reverse_shift;
}

// gemmlowp's int16 SaturatingRoundingDoublingHighMul.
inline int16_t saturating_rounding_doubling_high_mul_16(int16_t a, int16_t b) {
  if (a == b && a == std::numeric_limits<int16_t>::min()) return std::numeric_limits<int16_t>::max();
  const int32_t ab = int32_t{a} * int32_t{b};
  const int32_t nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
  return static_cast<int16_t>((ab + nudge) / (1 << 15));
}

// gemmlowp's RoundingDivideByPOT on an int16 value (ties away from zero).
inline int16_t rounding_divide_by_pot_16(int16_t x, int exponent) {
  return static_cast<int16_t>(quant::rounding_divide_by_pot(x, exponent > 31 ? 31 : exponent));
}

}  // namespace tinyinfer::act
