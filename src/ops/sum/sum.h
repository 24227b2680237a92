// SUM: the sum over the given axes; int8/int16 rescaled from the input's to the output's quantization.
#pragma once

#include "ops/common/reduce_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSumOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using SumFn = ReduceFn;

namespace reference {
void sum_float32(const ReduceParams& p, const void* input, void* output, void* scratch);
void sum_int8(const ReduceParams& p, const void* input, void* output, void* scratch);
void sum_int16(const ReduceParams& p, const void* input, void* output, void* scratch);
}  // namespace reference

}  // namespace tinyinfer::kernels
