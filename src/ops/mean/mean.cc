// MEAN (TFLite op versions 1-3): inputs (input, axis), ReducerOptions
// keep_dims; the shared reduction of reduce_params.h.
#include "ops/mean/mean.h"

#include "ops/common/reduce_params.h"

namespace tinyinfer {
namespace {

Status prepare_mean(PrepareContext& ctx) { return prepare_reduce(ctx, ReduceQuant::kMean); }

}  // namespace

const OpRegistration kMeanOp = {40, "MEAN", 3, prepare_mean, eval_reduce, reduce_macs, describe_reduce};

}  // namespace tinyinfer
