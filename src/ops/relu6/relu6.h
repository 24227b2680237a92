// RELU6: its kernel types and kernels.
#pragma once

#include <cstdint>

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kRelu6Op;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Quantized RELU6 as TFLite Micro computes it: a clamp of the raw input
// values to [input zero point, 6 quantized with the input's parameters]; the
// output keeps the input's quantization (its own parameters are not read).
struct Relu6QuantParams {
  int32_t zero = 0;
  int32_t six = 0;
};
using Relu6FloatFn = void (*)(int64_t count, const float* input, float* output);
using Relu6Int8Fn = void (*)(const Relu6QuantParams& params, int64_t count, const int8_t* input, int8_t* output);
using Relu6Int16Fn = void (*)(const Relu6QuantParams& params, int64_t count, const int16_t* input, int16_t* output);

namespace reference {
void relu6_float(int64_t count, const float* input, float* output);
void relu6_int8(const Relu6QuantParams& params, int64_t count, const int8_t* input, int8_t* output);
void relu6_int16(const Relu6QuantParams& params, int64_t count, const int16_t* input, int16_t* output);

template <typename T>
void relu6_quantized(const Relu6QuantParams& p, int64_t count, const T* input, T* output) {
  for (int64_t i = 0; i < count; ++i) {
    const int32_t v = input[i];
    output[i] = static_cast<T>(v > p.six ? p.six : (v < p.zero ? p.zero : v));
  }
}
}  // namespace reference

}  // namespace tinyinfer::kernels
