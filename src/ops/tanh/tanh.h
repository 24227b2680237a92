// TANH: its kernel types and kernels.
#pragma once

#include <cstdint>

#include "ops/common/kernel_types.h"
#include "ops/logistic/logistic.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kTanhOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Same input scaling as LOGISTIC (SigmoidQuantParams, ops/logistic/logistic.h).
using TanhFloatFn = void (*)(int64_t count, const float* input, float* output);
using TanhInt8Fn = void (*)(const SigmoidQuantParams& params, int64_t count, const int8_t* input, int8_t* output);
using TanhInt16Fn = void (*)(const SigmoidQuantParams& params, int64_t count, const int16_t* input, int16_t* output);

namespace reference {
void tanh_float(int64_t count, const float* input, float* output);
// Output scale 1/128, zero point 0.
void tanh_int8(const SigmoidQuantParams& params, int64_t count, const int8_t* input, int8_t* output);
// Output scale 1/32768, zero point 0.
void tanh_int16(const SigmoidQuantParams& params, int64_t count, const int16_t* input, int16_t* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
