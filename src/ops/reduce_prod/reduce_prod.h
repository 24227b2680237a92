// REDUCE_PROD: the product over the given axes (float32 and int32; the quantized variants of TFLite are not
// implemented).
#pragma once

#include "ops/common/reduce_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kReduceProdOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using ReduceProdFn = ReduceFn;

namespace reference {
void reduce_prod_float32(const ReduceParams& p, const void* input, void* output, void* scratch);
void reduce_prod_int32(const ReduceParams& p, const void* input, void* output, void* scratch);
}  // namespace reference

}  // namespace tinyinfer::kernels
