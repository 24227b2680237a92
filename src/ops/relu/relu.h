// RELU: its kernel types and kernels.
#pragma once

#include <cstdint>

#include "dsp/fixed_point.h"
#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kReluOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Quantized RELU as TFLite Micro computes it: requantize input to output
// scale, then clamp at the output's real zero (TFLite's CalculateReluOpData).
struct ReluQuantParams {
  int32_t input_offset = 0;   // input zero point
  int32_t output_offset = 0;  // output zero point
  int32_t output_multiplier = 0;
  int32_t output_shift = 0;
  int32_t act_min = 0, act_max = 0;
};
using ReluFloatFn = void (*)(int64_t count, const float* input, float* output);
using ReluInt8Fn = void (*)(const ReluQuantParams& params, int64_t count, const int8_t* input, int8_t* output);
using ReluInt16Fn = void (*)(const ReluQuantParams& params, int64_t count, const int16_t* input, int16_t* output);

namespace reference {
void relu_float(int64_t count, const float* input, float* output);
void relu_int8(const ReluQuantParams& params, int64_t count, const int8_t* input, int8_t* output);
void relu_int16(const ReluQuantParams& params, int64_t count, const int16_t* input, int16_t* output);

// Shared by the int8 and int16 kernels.
template <typename T>
void relu_quantized(const ReluQuantParams& p, int64_t count, const T* input, T* output) {
  for (int64_t i = 0; i < count; ++i) {
    int32_t v = p.output_offset + quant::multiply_by_quantized_multiplier(int32_t{input[i]} - p.input_offset,
                                                                          p.output_multiplier, p.output_shift);
    v = v < p.act_min ? p.act_min : v;
    v = v > p.act_max ? p.act_max : v;
    output[i] = static_cast<T>(v);
  }
}
}  // namespace reference

}  // namespace tinyinfer::kernels
