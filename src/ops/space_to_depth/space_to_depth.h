// SPACE_TO_DEPTH: block x block spatial tiles moved into channels (a strided view).
#pragma once

#include "ops/common/index_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSpaceToDepthOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using SpaceToDepthFn = MoveStridedFn;

}  // namespace tinyinfer::kernels
