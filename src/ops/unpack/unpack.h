// UNPACK: splits one axis into one output per index (runs per outer row).
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kUnpackOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using UnpackFn = MoveSplitFn;

namespace reference {
void unpack_float32(const ConcatRuns& p, const void* input, void* const* outputs);
void unpack_int8(const ConcatRuns& p, const void* input, void* const* outputs);
void unpack_int16(const ConcatRuns& p, const void* input, void* const* outputs);
void unpack_int32(const ConcatRuns& p, const void* input, void* const* outputs);
}  // namespace reference

}  // namespace tinyinfer::kernels
