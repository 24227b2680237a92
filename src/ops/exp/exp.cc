// EXP (TFLite op versions 1-2: later versions add int8/int16, which the kernel lookup refuses): out = e^in, float32;
// other types are refused by the kernel lookup with the signatures that exist.
#include "ops/exp/exp.h"

#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_exp(PrepareContext& ctx) { return prepare_unary(ctx, /*same_type=*/true); }

}  // namespace

const OpRegistration kExpOp = {47, "EXP", 2, prepare_exp, eval_unary_float, nullptr, describe_unary};

}  // namespace tinyinfer
