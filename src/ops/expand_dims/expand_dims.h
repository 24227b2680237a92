// EXPAND_DIMS: inserts a size-1 dimension; the bytes move unchanged.
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kExpandDimsOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using ExpandDimsFn = MoveCopyFn;

namespace reference {
void expand_dims_float32(const void* input, void* output, std::size_t count);
void expand_dims_int8(const void* input, void* output, std::size_t count);
void expand_dims_int16(const void* input, void* output, std::size_t count);
void expand_dims_int32(const void* input, void* output, std::size_t count);
}  // namespace reference

}  // namespace tinyinfer::kernels
