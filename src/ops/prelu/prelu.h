// PRELU: its kernel types and kernels.
#pragma once

#include <cstdint>

#include "dsp/fixed_point.h"
#include "ops/common/broadcast.h"
#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kPreluOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Quantized PRELU (TFLite's BroadcastPrelu4DSlow): x >= 0 rescaled by
// input/output scale; x < 0 multiplied by (alpha - alpha_zp) and rescaled by
// input * alpha / output scale.
struct PreluQuantParams {
  int32_t input_offset = 0;   // -input zero point
  int32_t alpha_offset = 0;   // -alpha zero point
  int32_t output_offset = 0;  // +output zero point
  int32_t output_multiplier_1 = 0, output_shift_1 = 0;
  int32_t output_multiplier_2 = 0, output_shift_2 = 0;
};
using PreluFloatFn = void (*)(const BroadcastShape& shape, const float* input, const float* alpha, float* output);
using PreluInt8Fn = void (*)(const PreluQuantParams& params, const BroadcastShape& shape, const int8_t* input,
                             const int8_t* alpha, int8_t* output);
using PreluInt16Fn = void (*)(const PreluQuantParams& params, const BroadcastShape& shape, const int16_t* input,
                              const int8_t* alpha, int16_t* output);

namespace reference {
void prelu_float(const BroadcastShape& shape, const float* input, const float* alpha, float* output);
void prelu_int8(const PreluQuantParams& params, const BroadcastShape& shape, const int8_t* input, const int8_t* alpha,
                int8_t* output);
void prelu_int16(const PreluQuantParams& params, const BroadcastShape& shape, const int16_t* input, const int8_t* alpha,
                 int16_t* output);

template <typename T>
void prelu_quantized(const PreluQuantParams& p, const BroadcastShape& shape, const T* input, const int8_t* alpha,
                     T* output, int32_t type_min, int32_t type_max) {
  for_each_broadcast(shape, [&](int64_t i1, int64_t i2, int64_t o) {
    const int32_t x = p.input_offset + input[i1];
    int32_t v;
    if (x >= 0) {
      v = quant::multiply_by_quantized_multiplier(x, p.output_multiplier_1, p.output_shift_1);
    } else {
      const int32_t a = p.alpha_offset + alpha[i2];
      v = quant::multiply_by_quantized_multiplier(x * a, p.output_multiplier_2, p.output_shift_2);
    }
    v += p.output_offset;
    v = v < type_min ? type_min : (v > type_max ? type_max : v);
    output[o] = static_cast<T>(v);
  });
}
}  // namespace reference

}  // namespace tinyinfer::kernels
