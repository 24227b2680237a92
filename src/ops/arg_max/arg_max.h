// ARG_MAX: the index of the largest element along one axis (reduce_arg.h).
#pragma once

#include "ops/common/reduce_arg.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kArgMaxOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using ArgMaxFn = ArgMinMaxFn;

namespace reference {
void arg_max_float32(const ArgMinMaxParams& p, const void* input, void* output);
void arg_max_int8(const ArgMinMaxParams& p, const void* input, void* output);
void arg_max_int16(const ArgMinMaxParams& p, const void* input, void* output);
void arg_max_int32(const ArgMinMaxParams& p, const void* input, void* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
