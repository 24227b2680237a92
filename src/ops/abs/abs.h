// ABS: its kernels (kernel types in ops/common/unary_elementwise.h).
#pragma once

#include <cstdint>
#include <limits>

#include "dsp/fixed_point.h"
#include "ops/common/unary_elementwise.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kAbsOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// |real value| requantized, TFLite Micro's AbsEvalQuantized:
//   v = |q - in_zp|; out = clamp(rescale ? MBQM(v, multiplier, shift) + out_zp : v + out_zp)
// with the multiplier of in_scale / out_scale (the ratio taken in float).
template <typename T>
inline T abs_quantized_value(const UnaryQuantParams& params, T q) {
  const int32_t diff = int32_t{q} - params.input_zero_point;
  const int32_t value = diff < 0 ? -diff : diff;
  const int32_t scaled =
      params.needs_rescale ? quant::multiply_by_quantized_multiplier(value, params.multiplier, params.shift) : value;
  // The int32 sum wraps as TFLite's does (only for scale ratios near 2^30).
  const int32_t out =
      static_cast<int32_t>(static_cast<uint32_t>(scaled) + static_cast<uint32_t>(params.output_zero_point));
  constexpr int32_t kMin = std::numeric_limits<T>::min(), kMax = std::numeric_limits<T>::max();
  return static_cast<T>(out < kMin ? kMin : (out > kMax ? kMax : out));
}

namespace reference {
void abs_float32(int64_t count, const float* input, float* output);
void abs_int8(const UnaryQuantParams& params, int64_t count, const int8_t* input, int8_t* output);
// Unquantized (params.quantized false): the integer |in|, -32768 staying -32768 as in TFLite.
void abs_int16(const UnaryQuantParams& params, int64_t count, const int16_t* input, int16_t* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
