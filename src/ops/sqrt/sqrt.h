// SQRT: its kernels (kernel type kernels::UnaryFloatFn, ops/common/unary_elementwise.h).
#pragma once

#include <cstdint>

#include "ops/common/unary_elementwise.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSqrtOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

// out = sqrt(in) (NaN below zero), elementwise.
void sqrt_float32(int64_t count, const float* input, float* output);

}  // namespace tinyinfer::kernels::reference
