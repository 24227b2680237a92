// STRIDED_SLICE: a strided box of the input (negative steps, masks, shrink).
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kStridedSliceOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using StridedSliceFn = MoveStridedFn;

namespace reference {
void strided_slice_float32(const StridedCopy& p, const void* input, void* output);
void strided_slice_int8(const StridedCopy& p, const void* input, void* output);
void strided_slice_int64(const StridedCopy& p, const void* input, void* output);
void strided_slice_bool(const StridedCopy& p, const void* input, void* output);
void strided_slice_int16(const StridedCopy& p, const void* input, void* output);
void strided_slice_int32(const StridedCopy& p, const void* input, void* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
