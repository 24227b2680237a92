// NEG (TFLite op version 1): out = -in, float32; other types are refused by the
// kernel lookup with the signatures that exist.
#include "ops/neg/neg.h"

#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_neg(PrepareContext& ctx) { return prepare_unary(ctx, /*same_type=*/true); }

}  // namespace

const OpRegistration kNegOp = {59, "NEG", 1, prepare_neg, eval_unary_float, nullptr, describe_unary};

}  // namespace tinyinfer
