// FLOOR_MOD: input 1 - floor(input 1 / input 2) * input 2 with TFLite
// broadcasting (float32, the type TFLite Micro implements): the sign follows the divisor.
#pragma once

#include "ops/common/binary_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kFloorModOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

void floor_mod_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
                     float* output);

}  // namespace tinyinfer::kernels::reference
