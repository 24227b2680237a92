// ELU: its kernel types and kernels.
#pragma once

#include <cstdint>

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kEluOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// int8 ELU is a 256-entry table indexed by the input byte (TFLite Micro
// builds it at prepare from the float function).
using EluFloatFn = void (*)(int64_t count, const float* input, float* output);
using EluInt8Fn = void (*)(const int8_t* table, int64_t count, const int8_t* input, int8_t* output);

namespace reference {
void elu_float(int64_t count, const float* input, float* output);
void elu_int8(const int8_t* table, int64_t count, const int8_t* input, int8_t* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
