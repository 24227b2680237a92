// ROUND (TFLite op version 1): nearest integer, ties to even, float32; other
// types are refused by the kernel lookup with the signatures that exist.
#include "ops/round/round.h"

#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_round(PrepareContext& ctx) { return prepare_unary(ctx, /*same_type=*/true); }

}  // namespace

const OpRegistration kRoundOp = {116, "ROUND", 1, prepare_round, eval_unary_float, nullptr, describe_unary};

}  // namespace tinyinfer
