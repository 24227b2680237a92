// ARG_MIN: the index of the smallest element along one axis (reduce_arg.h).
#pragma once

#include "ops/common/reduce_arg.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kArgMinOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using ArgMinFn = ArgMinMaxFn;

namespace reference {
void arg_min_float32(const ArgMinMaxParams& p, const void* input, void* output);
void arg_min_int8(const ArgMinMaxParams& p, const void* input, void* output);
void arg_min_int16(const ArgMinMaxParams& p, const void* input, void* output);
void arg_min_int32(const ArgMinMaxParams& p, const void* input, void* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
