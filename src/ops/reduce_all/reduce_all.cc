// REDUCE_ALL (TFLite op versions 1-1): inputs (input, axis), ReducerOptions
// keep_dims; the shared reduction of reduce_params.h.
#include "ops/reduce_all/reduce_all.h"

#include "ops/common/reduce_params.h"

namespace tinyinfer {
namespace {

Status prepare_reduce_all(PrepareContext& ctx) { return prepare_reduce(ctx, ReduceQuant::kNone); }

}  // namespace

const OpRegistration kReduceAllOp = {140,         "REDUCE_ALL",   1, prepare_reduce_all, eval_reduce,
                                     reduce_macs, describe_reduce};

}  // namespace tinyinfer
