// DEQUANTIZE: its kernel types and kernels.
#pragma once

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kDequantizeOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- DEQUANTIZE int8 / int16 / uint8 -> float32, per tensor ----
template <typename In>
using DequantizeFromFn = void (*)(float scale, int32_t zero_point, int64_t count, const In* input, float* output);
using DequantizeFn = DequantizeFromFn<int8_t>;

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void dequantize(float scale, int32_t zero_point, int64_t count, const int8_t* input, float* output);
void dequantize_int16(float scale, int32_t zero_point, int64_t count, const int16_t* input, float* output);
void dequantize_uint8(float scale, int32_t zero_point, int64_t count, const uint8_t* input, float* output);

// scale * (q - zero point), the product in double rounded once to float, as
// TFLite's Dequantize.
template <typename In>
void affine_dequantize(float scale, int32_t zero_point, int64_t count, const In* input, float* output) {
  const auto scale_d = static_cast<double>(scale);
  for (int64_t i = 0; i < count; ++i) output[i] = static_cast<float>(scale_d * (int32_t{input[i]} - zero_point));
}
}  // namespace reference

}  // namespace tinyinfer::kernels
