// LOGISTIC: its kernel types and kernels.
#pragma once

#include <cstdint>

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kLogisticOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Quantized LOGISTIC / TANH input scaling. int8: the input difference to Q4
// (multiplier, left shift) and the radius beyond which the output saturates.
// int16: a 15-bit multiplier and right shift onto the lookup table's input
// grid (multiplier 0: power-of-two scale, the kernel uses 3 << shift).
struct SigmoidQuantParams {
  int32_t input_zero_point = 0;
  int32_t input_range_radius = 0;
  int32_t input_multiplier = 0;
  int32_t input_left_shift = 0;
};
using LogisticFloatFn = void (*)(int64_t count, const float* input, float* output);
using LogisticInt8Fn = void (*)(const SigmoidQuantParams& params, int64_t count, const int8_t* input, int8_t* output);
using LogisticInt16Fn = void (*)(const SigmoidQuantParams& params, int64_t count, const int16_t* input,
                                 int16_t* output);

namespace reference {
void logistic_float(int64_t count, const float* input, float* output);
// Output scale 1/256, zero point -128.
void logistic_int8(const SigmoidQuantParams& params, int64_t count, const int8_t* input, int8_t* output);
// Output scale 1/32768, zero point 0.
void logistic_int16(const SigmoidQuantParams& params, int64_t count, const int16_t* input, int16_t* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
