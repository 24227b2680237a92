// ZEROS_LIKE (TFLite op version 1): an output of the input's shape and type
// filled with 0, for float32, int8, int32 and int64 (TFLite Micro's types);
// other types are refused by the kernel lookup.
#include "ops/zeros_like/zeros_like.h"

#include "ops/common/unary_elementwise.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_zeros_like(PrepareContext& ctx) { return prepare_unary(ctx, /*same_type=*/true); }

void eval_zeros_like(const EvalContext& ctx) {
  ctx.kernel<kernels::ZerosLikeFn>()(ctx.output(0).elements(), ctx.output(0).data);
}

}  // namespace

const OpRegistration kZerosLikeOp = {93, "ZEROS_LIKE", 1, prepare_zeros_like, eval_zeros_like, nullptr, describe_unary};

}  // namespace tinyinfer
