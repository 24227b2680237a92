// 1/sqrt(x) of a positive int32 as a Q31 multiplier and a shift: TFLite's
// GetInvSqrtQuantizedMultiplierExp (quantized RSQRT, L2 normalization),
// reproduced bit for bit on the gemmlowp fixed-point helpers of
// dsp/softmax_fixed_point.h.
#pragma once

#include <cstdint>
#include <limits>

#include "dsp/softmax_fixed_point.h"

namespace tinyinfer::quant {

// TFLite's kReverseShift: the shift comes back as a left shift (negative:
// right), ready for multiply_by_quantized_multiplier.
constexpr int kInvSqrtReverseShift = -1;

// 1/sqrt(input) = multiplier * 2^(shift * -reverse_shift) / 2^31. Inputs 0 and 1 (and,
// as in TFLite without its debug checks, negative ones) give INT32_MAX, 0.
inline void inv_sqrt_quantized_multiplier_exp(int32_t input, int reverse_shift, int32_t* multiplier, int* shift) {
  if (input <= 1) {
    *multiplier = std::numeric_limits<int32_t>::max();
    *shift = 0;
    return;
  }
  int right_shift = 11;
  while (input >= (1 << 29)) {
    input /= 4;
    ++right_shift;
  }
  // Normalise input into [2^27, 2^29) by an even left shift.
  const int max_left_shift_bits = count_leading_zeros(static_cast<uint32_t>(input)) - 1;
  const int left_shift_bit_pairs = max_left_shift_bits / 2 - 1;
  right_shift -= left_shift_bit_pairs;
  input = static_cast<int32_t>(static_cast<uint32_t>(input) << (2 * left_shift_bit_pairs));
  // Newton-Raphson x <- 1.5 x - (input / 2) x^3 in Q3 (3 integer bits), from x = 1, 5 steps.
  const int32_t half_input = saturating_rounding_multiply_by_pot<-1>(input >> 1);
  constexpr int32_t kHalfThree = (1 << 28) + (1 << 27);  // 1.5 in Q3
  int32_t x = fixed_one<3>();
  for (int i = 0; i < 5; ++i) {
    const int32_t x3 = rescale<3, 9>(fixed_mul(fixed_mul(x, x), x));
    x = rescale<3, 6>(fixed_sub(fixed_mul(kHalfThree, x), fixed_mul(half_input, x3)));
  }
  constexpr int32_t kHalfSqrt2 = 1518500250;  // sqrt(2)/2 in Q0.31
  x = fixed_mul(x, kHalfSqrt2);               // Q3 x Q0 -> Q3
  if (right_shift < 0) {
    x = static_cast<int32_t>(static_cast<uint32_t>(x) << -right_shift);
    right_shift = 0;
  }
  *multiplier = x;
  *shift = right_shift * reverse_shift;
}

}  // namespace tinyinfer::quant
