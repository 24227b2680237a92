// LOG: its kernels (kernel type kernels::UnaryFloatFn, ops/common/unary_elementwise.h).
#pragma once

#include <cstdint>

#include "ops/common/unary_elementwise.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kLogOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

// out = ln(in) (NaN below zero, -inf at zero), elementwise.
void log_float32(int64_t count, const float* input, float* output);

}  // namespace tinyinfer::kernels::reference
