// REDUCE_MIN (TFLite op versions 1-3): inputs (input, axis), ReducerOptions
// keep_dims; the shared reduction of reduce_params.h.
#include "ops/reduce_min/reduce_min.h"

#include "ops/common/reduce_params.h"

namespace tinyinfer {
namespace {

Status prepare_reduce_min(PrepareContext& ctx) { return prepare_reduce(ctx, ReduceQuant::kSameQuant); }

}  // namespace

const OpRegistration kReduceMinOp = {89,          "REDUCE_MIN",   3, prepare_reduce_min, eval_reduce,
                                     reduce_macs, describe_reduce};

}  // namespace tinyinfer
