// BROADCAST_ARGS (TFLite op version 1): inputs (shape1, shape2), 1-D int32
// or int64 tensors of the same type; output (1-D, same type, as long as the
// longer one) = their right-aligned broadcast. The shapes may be runtime
// data; ones that do not broadcast are detected at eval.
#include "ops/broadcast_args/broadcast_args.h"

#include "ops/common/index_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

Status prepare_broadcast_args(PrepareContext& ctx) {
  TI_RETURN_IF_ERROR(index_check_io(ctx, 2, "shape1, shape2"));
  const Tensor a = ctx.input(0);
  const Tensor b = ctx.input(1);
  const Tensor output = ctx.output(0);
  TI_RETURN_IF_ERROR(index_check_index_type(ctx, a, "shape1"));
  TI_RETURN_IF_ERROR(index_check_index_type(ctx, b, "shape2"));
  if (a.shape.rank != 1 || b.shape.rank != 1 || output.shape.rank != 1)
    return ctx.error(StatusCode::kInvalidModel, "shape1, shape2 and the output must be 1-D");
  kernels::BroadcastArgsGeometry g;
  g.a_count = a.shape.dims[0];
  g.b_count = b.shape.dims[0];
  g.count = g.a_count > g.b_count ? g.a_count : g.b_count;
  if (output.shape.dims[0] != g.count)
    return ctx.error(StatusCode::kInvalidModel, "output has %d entries, the broadcast shape %d",
                     static_cast<int>(output.shape.dims[0]), static_cast<int>(g.count));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({a.type, b.type}, output.type)));
  auto* data = ctx.allocate_persistent_array<kernels::BroadcastArgsGeometry>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = g;
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_broadcast_args(const EvalContext& ctx) {
  if (!ctx.kernel<kernels::BroadcastArgsFn>()(*ctx.data<kernels::BroadcastArgsGeometry>(), ctx.input(0).data,
                                              ctx.input(1).data, ctx.output(0).data))
    index_fail(ctx, "the shapes do not broadcast");
}

}  // namespace

const OpRegistration kBroadcastArgsOp = {145,     "BROADCAST_ARGS",     1, prepare_broadcast_args, eval_broadcast_args,
                                         nullptr, describe_shape_change};

}  // namespace tinyinfer
