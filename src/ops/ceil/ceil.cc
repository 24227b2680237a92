// CEIL (TFLite op version 1): out = smallest integer >= in, float32; other types are refused by the
// kernel lookup with the signatures that exist.
#include "ops/ceil/ceil.h"

#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_ceil(PrepareContext& ctx) { return prepare_unary(ctx, /*same_type=*/true); }

}  // namespace

const OpRegistration kCeilOp = {104, "CEIL", 1, prepare_ceil, eval_unary_float, nullptr, describe_unary};

}  // namespace tinyinfer
