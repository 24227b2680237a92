// SUM (TFLite op versions 1-2): inputs (input, axis), ReducerOptions
// keep_dims; the shared reduction of reduce_params.h.
#include "ops/sum/sum.h"

#include "ops/common/reduce_params.h"

namespace tinyinfer {
namespace {

Status prepare_sum(PrepareContext& ctx) { return prepare_reduce(ctx, ReduceQuant::kSum); }

}  // namespace

const OpRegistration kSumOp = {74, "SUM", 2, prepare_sum, eval_reduce, reduce_macs, describe_reduce};

}  // namespace tinyinfer
