// SPLIT_V: parts of given sizes along one axis (runs per outer row).
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSplitVOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using SplitVFn = MoveSplitFn;

namespace reference {
void split_v_float32(const ConcatRuns& p, const void* input, void* const* outputs);
void split_v_int8(const ConcatRuns& p, const void* input, void* const* outputs);
void split_v_int16(const ConcatRuns& p, const void* input, void* const* outputs);
void split_v_int32(const ConcatRuns& p, const void* input, void* const* outputs);
}  // namespace reference

}  // namespace tinyinfer::kernels
