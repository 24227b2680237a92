// REDUCE_MIN: the smallest element over the given axes; int8/int16 keep the input's quantization.
#pragma once

#include "ops/common/reduce_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kReduceMinOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using ReduceMinFn = ReduceFn;

namespace reference {
void reduce_min_float32(const ReduceParams& p, const void* input, void* output, void* scratch);
void reduce_min_int8(const ReduceParams& p, const void* input, void* output, void* scratch);
void reduce_min_int16(const ReduceParams& p, const void* input, void* output, void* scratch);
}  // namespace reference

}  // namespace tinyinfer::kernels
