// SLICE: a box of the input, copied run by run.
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSliceOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using SliceFn = MoveStridedFn;

namespace reference {
void slice_float32(const StridedCopy& p, const void* input, void* output);
void slice_int8(const StridedCopy& p, const void* input, void* output);
void slice_int64(const StridedCopy& p, const void* input, void* output);
void slice_bool(const StridedCopy& p, const void* input, void* output);
void slice_int16(const StridedCopy& p, const void* input, void* output);
void slice_int32(const StridedCopy& p, const void* input, void* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
