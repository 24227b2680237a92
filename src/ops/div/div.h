// DIV: input 1 / input 2 with TFLite broadcasting and the fused activation.
// float32: params.clamp; int32: truncating quotient clamped to
// params.act_min/act_max; int8: TFLite's quantized division (the divisor's
// fixed-point reciprocal times the dividend, requantized by
// output_multiplier/output_shift = input1_scale / (input2_scale *
// output_scale)), offsets input1_offset/input2_offset/output_offset.
#pragma once

#include <cstdint>
#include <limits>

#include "dsp/fixed_point.h"
#include "dsp/softmax_fixed_point.h"
#include "ops/common/binary_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kDivOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

void div_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
               float* output);
void div_int32(const BinaryParams& params, const BroadcastShape& shape, const int32_t* input1, const int32_t* input2,
               int32_t* output);
void div_int8(const BinaryParams& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output);

// Redundant sign bits of x (GCC's __builtin_clrsb; 31 for 0 and -1), as
// TFLite's CountLeadingSignBits.
inline int count_leading_sign_bits(int32_t x) {
  const auto bits = static_cast<uint32_t>(x);
  return quant::count_leading_zeros(x < 0 ? ~bits : bits) - 1;
}

// One quantized quotient before the clamp (TFLite's DivElementwise):
// the dividend normalized by its headroom times the divisor's reciprocal,
// then rescaled by the output multiplier and the combined shift.
inline int32_t div_quantized(const BinaryParams& p, int32_t a, int32_t b) {
  int32_t dividend = a + p.input1_offset;
  int32_t divisor = b + p.input2_offset;
  if (divisor == 0) {
    // TFLite leaves a zero divisor undefined (a debug check): saturate
    // toward the dividend's sign instead of trapping.
    if (dividend == 0) return p.output_offset;
    return dividend > 0 ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int32_t>::min();
  }
  if (divisor < 0) {  // the reciprocal must be a positive multiplier
    dividend = -dividend;
    divisor = -divisor;
  }
  int recip_shift = 0;
  const int32_t divisor_inverse = quant::softmax_reciprocal(divisor, 31, &recip_shift);
  const int headroom = count_leading_sign_bits(dividend);
  const auto normalized = static_cast<int32_t>(static_cast<uint32_t>(dividend) << headroom);
  const int32_t unscaled_quotient = quant::saturating_rounding_doubling_high_mul(normalized, divisor_inverse);
  const int total_shift = p.output_shift - recip_shift - headroom;
  const int32_t high = quant::saturating_rounding_doubling_high_mul(unscaled_quotient, p.output_multiplier);
  int32_t quotient = 0;
  if (total_shift > 0) {
    // Only with an output multiplier above 2^22 (TFLite: undefined); wraps.
    quotient = static_cast<int32_t>(static_cast<uint32_t>(high) << (total_shift > 31 ? 31 : total_shift));
  } else if (total_shift >= -31) {
    quotient = quant::rounding_divide_by_pot(high, -total_shift);
  }  // else: |high| / 2^32 and beyond rounds to 0 (TFLite's shift leaves its range there)
  return p.output_offset + quotient;
}

}  // namespace tinyinfer::kernels::reference
