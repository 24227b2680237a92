// DEPTH_TO_SPACE: blocks of channels moved into block x block spatial tiles (a strided view).
#pragma once

#include "ops/common/index_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kDepthToSpaceOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using DepthToSpaceFn = MoveStridedFn;

}  // namespace tinyinfer::kernels
