// SQUARE: its kernels (kernel type kernels::UnaryFloatFn, ops/common/unary_elementwise.h).
#pragma once

#include <cstdint>

#include "ops/common/unary_elementwise.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSquareOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

// out = in * in, elementwise.
void square_float32(int64_t count, const float* input, float* output);

}  // namespace tinyinfer::kernels::reference
