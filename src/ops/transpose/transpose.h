// TRANSPOSE: a permuted strided view of the input, copied run by run.
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kTransposeOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using TransposeFn = MoveStridedFn;

namespace reference {
void transpose_float32(const StridedCopy& p, const void* input, void* output);
void transpose_int8(const StridedCopy& p, const void* input, void* output);
void transpose_int16(const StridedCopy& p, const void* input, void* output);
void transpose_int32(const StridedCopy& p, const void* input, void* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
