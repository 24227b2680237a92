// Fixed-point arithmetic of the TFLite int8 quantization spec. Every int8
// kernel rescales through these functions so that results match TensorFlow
// Lite (Micro) bit for bit; the rounding rules are the spec's, not ours.
#pragma once

#include <cstdint>
#include <limits>

namespace tinyinfer::quant {

// High 32 bits of 2*a*b, rounded to nearest (positive ties up, negative
// ties toward zero, exactly as gemmlowp's SaturatingRoundingDoublingHighMul);
// the only overflow, INT32_MIN^2, saturates to INT32_MAX.
inline int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b) {
  if (a == b && a == std::numeric_limits<int32_t>::min()) return std::numeric_limits<int32_t>::max();
  const int64_t ab = static_cast<int64_t>(a) * static_cast<int64_t>(b);
  const int32_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
  // Division (not shift) truncates toward zero, as the spec requires.
  return static_cast<int32_t>((ab + nudge) / (int64_t{1} << 31));
}

// x / 2^exponent rounded to nearest, ties away from zero (gemmlowp's
// RoundingDivideByPOT). exponent in [0, 31].
inline int32_t rounding_divide_by_pot(int32_t x, int exponent) {
  const int32_t mask = static_cast<int32_t>((int64_t{1} << exponent) - 1);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + ((x < 0) ? 1 : 0);
  return (x >> exponent) + ((remainder > threshold) ? 1 : 0);
}

// x * multiplier * 2^shift, multiplier a Q31 value in [2^30, 2^31): TFLite's
// MultiplyByQuantizedMultiplier (double rounding: high-mul, then shift).
inline int32_t multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift) {
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  // The left shift may wrap exactly as TFLite's int32 multiply does; do it
  // unsigned to keep it defined behaviour.
  const int32_t shifted = static_cast<int32_t>(static_cast<uint32_t>(x) << left_shift);
  return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(shifted, multiplier), right_shift);
}

// Splits a positive real multiplier into a Q31 mantissa and a power-of-two
// exponent (TFLite's QuantizeMultiplier). Zero, negative or non-finite
// multipliers give (0, 0); the op layer only passes ratios of positive scales.
void quantize_multiplier(double real_multiplier, int32_t* quantized_multiplier, int* shift);

}  // namespace tinyinfer::quant
