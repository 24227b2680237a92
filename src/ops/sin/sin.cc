// SIN (TFLite op version 1): out = sin(in), in radians, float32; other types are refused by the
// kernel lookup with the signatures that exist.
#include "ops/sin/sin.h"

#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_sin(PrepareContext& ctx) { return prepare_unary(ctx, /*same_type=*/true); }

}  // namespace

const OpRegistration kSinOp = {66, "SIN", 1, prepare_sin, eval_unary_float, nullptr, describe_unary};

}  // namespace tinyinfer
