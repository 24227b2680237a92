// LEAKY_RELU: its kernel types and kernels.
#pragma once

#include <cstdint>

#include "dsp/fixed_point.h"
#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kLeakyReluOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Quantized LEAKY_RELU (TFLite's QuantizeLeakyRelu): x >= 0 rescaled by
// input/output scale, x < 0 by alpha * input/output scale, each its own
// multiplier; alpha's multiplier may be negative (then the product is negated).
struct LeakyReluQuantParams {
  int32_t input_offset = 0;   // input zero point
  int32_t output_offset = 0;  // output zero point
  int32_t multiplier_identity = 0, shift_identity = 0;
  int32_t multiplier_alpha = 0, shift_alpha = 0;
};
using LeakyReluFloatFn = void (*)(float alpha, int64_t count, const float* input, float* output);
using LeakyReluInt8Fn = void (*)(const LeakyReluQuantParams& params, int64_t count, const int8_t* input,
                                 int8_t* output);
using LeakyReluInt16Fn = void (*)(const LeakyReluQuantParams& params, int64_t count, const int16_t* input,
                                  int16_t* output);

namespace reference {
void leaky_relu_float(float alpha, int64_t count, const float* input, float* output);
void leaky_relu_int8(const LeakyReluQuantParams& params, int64_t count, const int8_t* input, int8_t* output);
void leaky_relu_int16(const LeakyReluQuantParams& params, int64_t count, const int16_t* input, int16_t* output);

template <typename T>
void leaky_relu_quantized(const LeakyReluQuantParams& p, int64_t count, const T* input, T* output, int32_t type_min,
                          int32_t type_max) {
  const bool alpha_negative = p.multiplier_alpha < 0;
  const int32_t alpha_multiplier = alpha_negative ? -p.multiplier_alpha : p.multiplier_alpha;
  for (int64_t i = 0; i < count; ++i) {
    const int32_t x = int32_t{input[i]} - p.input_offset;
    int32_t v = p.output_offset;
    if (x >= 0) {
      v += quant::multiply_by_quantized_multiplier(x, p.multiplier_identity, p.shift_identity);
    } else {
      const int32_t scaled = quant::multiply_by_quantized_multiplier(x, alpha_multiplier, p.shift_alpha);
      v += alpha_negative ? -scaled : scaled;
    }
    v = v < type_min ? type_min : (v > type_max ? type_max : v);
    output[i] = static_cast<T>(v);
  }
}
}  // namespace reference

}  // namespace tinyinfer::kernels
