// L2_NORMALIZATION: its kernel types and kernels.
#pragma once

#include <cstdint>

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kL2NormalizationOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using L2NormalizationFloatFn = void (*)(int32_t rows, int32_t depth, const float* input, float* output);
// int8: output scale 1/128, zero point 0 (TFLite's int8 spec).
using L2NormalizationInt8Fn = void (*)(int32_t input_zero_point, int32_t rows, int32_t depth, const int8_t* input,
                                       int8_t* output);

namespace reference {
void l2_normalization_float(int32_t rows, int32_t depth, const float* input, float* output);
void l2_normalization_int8(int32_t input_zero_point, int32_t rows, int32_t depth, const int8_t* input, int8_t* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
