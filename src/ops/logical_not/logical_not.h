// LOGICAL_NOT: its kernels (kernel type kernels::UnaryBoolFn, ops/common/unary_elementwise.h).
#pragma once

#include <cstdint>

#include "ops/common/unary_elementwise.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kLogicalNotOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

// out = !in on bool bytes (any non-zero byte is true; writes 0 or 1).
void logical_not_bool(int64_t count, const uint8_t* input, uint8_t* output);

}  // namespace tinyinfer::kernels::reference
