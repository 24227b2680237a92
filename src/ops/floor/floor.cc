// FLOOR (TFLite op version 1): out = largest integer <= in, float32; other types are refused by the
// kernel lookup with the signatures that exist.
#include "ops/floor/floor.h"

#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_floor(PrepareContext& ctx) { return prepare_unary(ctx, /*same_type=*/true); }

}  // namespace

const OpRegistration kFloorOp = {8, "FLOOR", 1, prepare_floor, eval_unary_float, nullptr, describe_unary};

}  // namespace tinyinfer
