// REDUCE_MAX (TFLite op versions 1-3): inputs (input, axis), ReducerOptions
// keep_dims; the shared reduction of reduce_params.h.
#include "ops/reduce_max/reduce_max.h"

#include "ops/common/reduce_params.h"

namespace tinyinfer {
namespace {

Status prepare_reduce_max(PrepareContext& ctx) { return prepare_reduce(ctx, ReduceQuant::kSameQuant); }

}  // namespace

const OpRegistration kReduceMaxOp = {82,          "REDUCE_MAX",   3, prepare_reduce_max, eval_reduce,
                                     reduce_macs, describe_reduce};

}  // namespace tinyinfer
