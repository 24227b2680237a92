// LOGICAL_AND: bool inputs and output, TFLite broadcasting.
#pragma once

#include "ops/common/binary_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kLogicalAndOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

void logical_and_bool(const BinaryParams& params, const BroadcastShape& shape, const bool* input1, const bool* input2,
                      bool* output);

}  // namespace tinyinfer::kernels::reference
