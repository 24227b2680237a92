// REDUCE_ANY (TFLite op versions 1-1): inputs (input, axis), ReducerOptions
// keep_dims; the shared reduction of reduce_params.h.
#include "ops/reduce_any/reduce_any.h"

#include "ops/common/reduce_params.h"

namespace tinyinfer {
namespace {

Status prepare_reduce_any(PrepareContext& ctx) { return prepare_reduce(ctx, ReduceQuant::kNone); }

}  // namespace

const OpRegistration kReduceAnyOp = {91,          "REDUCE_ANY",   1, prepare_reduce_any, eval_reduce,
                                     reduce_macs, describe_reduce};

}  // namespace tinyinfer
