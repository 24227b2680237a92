// COS (TFLite op version 1): out = cos(in), in radians, float32; other types are refused by the
// kernel lookup with the signatures that exist.
#include "ops/cos/cos.h"

#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_cos(PrepareContext& ctx) { return prepare_unary(ctx, /*same_type=*/true); }

}  // namespace

const OpRegistration kCosOp = {108, "COS", 1, prepare_cos, eval_unary_float, nullptr, describe_unary};

}  // namespace tinyinfer
