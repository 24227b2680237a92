// LOG (TFLite op versions 1-2: later versions add int8/int16, which the kernel lookup refuses): out = ln(in) (NaN below
// zero, -inf at zero), float32; other types are refused by the kernel lookup with the signatures that exist.
#include "ops/log/log.h"

#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_log(PrepareContext& ctx) { return prepare_unary(ctx, /*same_type=*/true); }

}  // namespace

const OpRegistration kLogOp = {73, "LOG", 2, prepare_log, eval_unary_float, nullptr, describe_unary};

}  // namespace tinyinfer
