// REDUCE_ANY: logical or over the given axes.
#pragma once

#include "ops/common/reduce_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kReduceAnyOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using ReduceAnyFn = ReduceFn;

namespace reference {
void reduce_any_bool(const ReduceParams& p, const void* input, void* output, void* scratch);
}  // namespace reference

}  // namespace tinyinfer::kernels
