// BROADCAST_TO: the input repeated along dimensions of size 1 (or new
// leading ones) to a constant shape.
#pragma once

#include "ops/common/index_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kBroadcastToOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using BroadcastToFn = MoveStridedFn;

}  // namespace tinyinfer::kernels
