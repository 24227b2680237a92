// BROADCAST_TO (TFLite op versions 2-3): inputs (input, shape); shape is a
// constant 1-D int32 or int64 tensor (as TFLite Micro requires) of at least
// the input's rank; the input's dimensions, aligned to the right, are 1 or
// equal to the shape's. The output is a strided view of the input with
// stride 0 along the broadcast dimensions.
#include "ops/broadcast_to/broadcast_to.h"

#include "ops/common/index_params.h"
#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

Status prepare_broadcast_to(PrepareContext& ctx) {
  TI_RETURN_IF_ERROR(index_check_io(ctx, 2, "input, shape"));
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  int64_t shape[kMaxRank] = {};
  int32_t rank = 0;
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(1), "shape", kMaxRank, shape, &rank));
  if (ctx.input(1).shape.rank != 1)
    return ctx.error(StatusCode::kInvalidModel, "shape must be 1-D (has rank %d)",
                     static_cast<int>(ctx.input(1).shape.rank));
  const int32_t extra = rank - input.shape.rank;
  if (extra < 0)
    return ctx.error(StatusCode::kInvalidModel, "shape has %d entries, fewer than the input's rank %d",
                     static_cast<int>(rank), static_cast<int>(input.shape.rank));
  int64_t strides[kMaxRank] = {};
  move_strides(input.shape, strides);
  Shape want;
  want.rank = rank;
  auto* c = ctx.allocate_persistent_array<kernels::StridedCopy>(1);
  if (c == nullptr) return ctx.arena_exhausted();
  *c = kernels::StridedCopy();
  c->rank = rank;
  for (int32_t d = 0; d < rank; ++d) {
    if (shape[d] < 0 || shape[d] > INT32_MAX)
      return ctx.error(StatusCode::kInvalidModel, "shape entry %d is %lld", static_cast<int>(d),
                       static_cast<long long>(shape[d]));
    want.dims[d] = static_cast<int32_t>(shape[d]);
    c->dims[d] = want.dims[d];
    const int32_t in_dim = d >= extra ? input.shape.dims[d - extra] : 1;
    if (in_dim != 1 && in_dim != want.dims[d])
      return ctx.error(StatusCode::kInvalidModel, "input dimension %d (%d) cannot broadcast to %d",
                       static_cast<int>(d - extra), static_cast<int>(in_dim), static_cast<int>(want.dims[d]));
    c->strides[d] = in_dim == 1 ? 0 : strides[d - extra];
  }
  if (rank == 0) c->dims[0] = 1;
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  move_simplify(c);
  ctx.node().op_data = c;
  return Status::ok();
}

void eval_broadcast_to(const EvalContext& ctx) {
  ctx.kernel<kernels::BroadcastToFn>()(*ctx.data<kernels::StridedCopy>(), ctx.input(0).data, ctx.output(0).data);
}

}  // namespace

const OpRegistration kBroadcastToOp = {130,     "BROADCAST_TO",       3, prepare_broadcast_to, eval_broadcast_to,
                                       nullptr, describe_shape_change};

}  // namespace tinyinfer
