// QUANTIZE: its kernel types and kernels.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

#include "dsp/fixed_point.h"
#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kQuantizeOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- QUANTIZE float32 -> int8 / int16, per tensor ----
template <typename Out>
using QuantizeFloatFn = void (*)(float scale, int32_t zero_point, int64_t count, const float* input, Out* output);
using QuantizeFn = QuantizeFloatFn<int8_t>;

// ---- QUANTIZE between integer types (requantize), per tensor ----
// out = clamp(out_zp + (in - in_zp) * in_scale / out_scale), the ratio as one
// Q31 multiplier and power of two (TFLite's QuantizeMultiplier).
struct RequantizeParams {
  int32_t multiplier = 0;
  int32_t shift = 0;
  int32_t input_zero_point = 0, output_zero_point = 0;
};
template <typename In, typename Out>
using RequantizeFn = void (*)(const RequantizeParams& params, int64_t count, const In* input, Out* output);

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void quantize(float scale, int32_t zero_point, int64_t count, const float* input, int8_t* output);
void quantize_int16(float scale, int32_t zero_point, int64_t count, const float* input, int16_t* output);

// TFLite's AffineQuantize: divide in float, round half away from zero, add
// the zero point, saturate to Out.
template <typename Out>
void affine_quantize(float scale, int32_t zero_point, int64_t count, const float* input, Out* output) {
  constexpr int64_t kMin = std::numeric_limits<Out>::min();
  constexpr int64_t kMax = std::numeric_limits<Out>::max();
  for (int64_t i = 0; i < count; ++i) {
    // Divide (not multiply by 1/scale) as TFLite does.
    const float rounded = std::round(input[i] / scale);
    // Saturate in float first: casting an out-of-range float to int is
    // undefined. NaN maps to the zero point.
    int64_t q;
    if (rounded != rounded) {
      q = 0;
    } else if (rounded > 1e9f) {
      q = 1000000000;
    } else if (rounded < -1e9f) {
      q = -1000000000;
    } else {
      q = static_cast<int64_t>(rounded);
    }
    q += zero_point;
    output[i] = static_cast<Out>(q < kMin ? kMin : (q > kMax ? kMax : q));
  }
}

// TFLite's Requantize (the int8 <-> uint8 shortcut it takes at equal scales
// gives the same values).
template <typename In, typename Out>
void requantize(const RequantizeParams& p, int64_t count, const In* input, Out* output) {
  constexpr int32_t kMin = std::numeric_limits<Out>::min();
  constexpr int32_t kMax = std::numeric_limits<Out>::max();
  for (int64_t i = 0; i < count; ++i) {
    // Wrapping, as TFLite's int32 subtraction and addition in practice.
    const auto centered = static_cast<int32_t>(static_cast<uint32_t>(static_cast<int32_t>(input[i])) -
                                               static_cast<uint32_t>(p.input_zero_point));
    const auto q = static_cast<int32_t>(
        static_cast<uint32_t>(quant::multiply_by_quantized_multiplier(centered, p.multiplier, p.shift)) +
        static_cast<uint32_t>(p.output_zero_point));
    output[i] = static_cast<Out>(q < kMin ? kMin : (q > kMax ? kMax : q));
  }
}

void requantize_int8_to_int8(const RequantizeParams& p, int64_t count, const int8_t* input, int8_t* output);
void requantize_int8_to_uint8(const RequantizeParams& p, int64_t count, const int8_t* input, uint8_t* output);
void requantize_uint8_to_int8(const RequantizeParams& p, int64_t count, const uint8_t* input, int8_t* output);
void requantize_int8_to_int16(const RequantizeParams& p, int64_t count, const int8_t* input, int16_t* output);
void requantize_int8_to_int32(const RequantizeParams& p, int64_t count, const int8_t* input, int32_t* output);
void requantize_int16_to_int8(const RequantizeParams& p, int64_t count, const int16_t* input, int8_t* output);
void requantize_int16_to_int16(const RequantizeParams& p, int64_t count, const int16_t* input, int16_t* output);
void requantize_int16_to_int32(const RequantizeParams& p, int64_t count, const int16_t* input, int32_t* output);
void requantize_int32_to_int8(const RequantizeParams& p, int64_t count, const int32_t* input, int8_t* output);
void requantize_int32_to_int16(const RequantizeParams& p, int64_t count, const int32_t* input, int16_t* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
