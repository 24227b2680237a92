// FLOOR_DIV: floor(input 1 / input 2) with TFLite broadcasting (float32, the
// type TFLite Micro implements).
#pragma once

#include "ops/common/binary_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kFloorDivOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

void floor_div_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
                     float* output);

}  // namespace tinyinfer::kernels::reference
