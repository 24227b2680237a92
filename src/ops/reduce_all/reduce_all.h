// REDUCE_ALL: logical and over the given axes.
#pragma once

#include "ops/common/reduce_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kReduceAllOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using ReduceAllFn = ReduceFn;

namespace reference {
void reduce_all_bool(const ReduceParams& p, const void* input, void* output, void* scratch);
}  // namespace reference

}  // namespace tinyinfer::kernels
