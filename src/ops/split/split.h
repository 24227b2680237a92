// SPLIT: equal parts along one axis (runs per outer row).
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSplitOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using SplitFn = MoveSplitFn;

namespace reference {
void split_float32(const ConcatRuns& p, const void* input, void* const* outputs);
void split_int8(const ConcatRuns& p, const void* input, void* const* outputs);
void split_int16(const ConcatRuns& p, const void* input, void* const* outputs);
void split_int32(const ConcatRuns& p, const void* input, void* const* outputs);
}  // namespace reference

}  // namespace tinyinfer::kernels
