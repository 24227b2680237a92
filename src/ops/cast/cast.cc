// CAST (TFLite op versions 1-7): element types converted as TFLite's
// static_cast (cast.h), between bool, int8, int16, int32 and float32 in every
// direction; the quantization of either side is ignored, as in TFLite. Other
// types (uint8, int64, float16, ...) are refused by the kernel lookup.
#include "ops/cast/cast.h"

#include "ops/common/unary_elementwise.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

// CastOptions only restates the tensor types; the tensors are what TFLite
// reads, so they decide.
Status prepare_cast(PrepareContext& ctx) { return prepare_unary(ctx, /*same_type=*/false); }

void eval_cast(const EvalContext& ctx) {
  ctx.kernel<kernels::CastFn>()(ctx.input(0).elements(), ctx.input(0).data, ctx.output(0).data);
}

}  // namespace

const OpRegistration kCastOp = {53, "CAST", 7, prepare_cast, eval_cast, nullptr, describe_unary};

}  // namespace tinyinfer
