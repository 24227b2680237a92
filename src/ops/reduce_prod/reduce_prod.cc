// REDUCE_PROD (TFLite op versions 1-1): inputs (input, axis), ReducerOptions
// keep_dims; the shared reduction of reduce_params.h.
#include "ops/reduce_prod/reduce_prod.h"

#include "ops/common/reduce_params.h"

namespace tinyinfer {
namespace {

Status prepare_reduce_prod(PrepareContext& ctx) { return prepare_reduce(ctx, ReduceQuant::kNone); }

}  // namespace

const OpRegistration kReduceProdOp = {81,          "REDUCE_PROD",  1, prepare_reduce_prod, eval_reduce,
                                      reduce_macs, describe_reduce};

}  // namespace tinyinfer
