// ROUND: its kernels (kernel type kernels::UnaryFloatFn, ops/common/unary_elementwise.h).
#pragma once

#include <cstdint>

#include "ops/common/unary_elementwise.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kRoundOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

// out = in rounded to the nearest integer, ties to even (2.5 -> 2, 3.5 -> 4).
void round_float32(int64_t count, const float* input, float* output);

}  // namespace tinyinfer::kernels::reference
