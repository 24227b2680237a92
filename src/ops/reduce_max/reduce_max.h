// REDUCE_MAX: the largest element over the given axes; int8/int16 keep the input's quantization.
#pragma once

#include "ops/common/reduce_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kReduceMaxOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using ReduceMaxFn = ReduceFn;

namespace reference {
void reduce_max_float32(const ReduceParams& p, const void* input, void* output, void* scratch);
void reduce_max_int8(const ReduceParams& p, const void* input, void* output, void* scratch);
void reduce_max_int16(const ReduceParams& p, const void* input, void* output, void* scratch);
}  // namespace reference

}  // namespace tinyinfer::kernels
