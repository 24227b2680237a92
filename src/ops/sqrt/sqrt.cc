// SQRT (TFLite op version 1): out = sqrt(in) (NaN below zero), float32; other types are refused by the
// kernel lookup with the signatures that exist.
#include "ops/sqrt/sqrt.h"

#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_sqrt(PrepareContext& ctx) { return prepare_unary(ctx, /*same_type=*/true); }

}  // namespace

const OpRegistration kSqrtOp = {75, "SQRT", 1, prepare_sqrt, eval_unary_float, nullptr, describe_unary};

}  // namespace tinyinfer
