// REVERSE_V2: the input read backwards along some axes (negative strides).
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kReverseV2Op;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using ReverseV2Fn = MoveStridedFn;

namespace reference {
void reverse_v2_float32(const StridedCopy& p, const void* input, void* output);
void reverse_v2_int8(const StridedCopy& p, const void* input, void* output);
void reverse_v2_int64(const StridedCopy& p, const void* input, void* output);
void reverse_v2_bool(const StridedCopy& p, const void* input, void* output);
void reverse_v2_int16(const StridedCopy& p, const void* input, void* output);
void reverse_v2_int32(const StridedCopy& p, const void* input, void* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
