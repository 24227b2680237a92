// SQUARE (TFLite op version 1): out = in * in, float32; other types are refused by the
// kernel lookup with the signatures that exist.
#include "ops/square/square.h"

#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_square(PrepareContext& ctx) { return prepare_unary(ctx, /*same_type=*/true); }

}  // namespace

const OpRegistration kSquareOp = {92, "SQUARE", 1, prepare_square, eval_unary_float, nullptr, describe_unary};

}  // namespace tinyinfer
