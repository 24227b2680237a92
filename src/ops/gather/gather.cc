// GATHER (TFLite op versions 1-7): inputs (input, positions), options axis
// (negative: from the end) and batch_dims (negative: from the positions'
// rank). output = input.shape[:axis] + positions.shape[batch_dims:] +
// input.shape[axis + 1:]; the first batch_dims dimensions of input and
// positions match and pair up. Positions may be runtime data: the kernel
// range-checks them (TFLite Micro takes int32 positions; int64 as TFLite).
#include "ops/gather/gather.h"

#include "format/tflite_access.h"
#include "ops/common/index_params.h"
#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

Status prepare_gather(PrepareContext& ctx) {
  TI_RETURN_IF_ERROR(index_check_io(ctx, 2, "input, positions"));
  const Tensor input = ctx.input(0);
  const Tensor positions = ctx.input(1);
  const Tensor output = ctx.output(0);
  TI_RETURN_IF_ERROR(index_check_index_type(ctx, positions, "positions"));
  const auto* opt = format::options_as<fb::GatherOptions>(ctx.info(), fb::BuiltinOptions::GatherOptions);
  const int32_t rank = input.shape.rank;
  const int32_t prank = positions.shape.rank;
  if (rank < 1) return ctx.error(StatusCode::kInvalidModel, "input must have rank 1 or more");
  int32_t axis = 0;
  TI_RETURN_IF_ERROR(move_resolve_axis(ctx, opt != nullptr ? opt->axis() : 0, rank, "axis", &axis));
  int32_t batch_dims = opt != nullptr ? opt->batch_dims() : 0;
  if (batch_dims < 0) batch_dims += prank;
  if (batch_dims < 0 || batch_dims > prank || batch_dims >= rank || batch_dims > axis) {
    return ctx.error(StatusCode::kInvalidModel,
                     "batch_dims %d invalid: needs 0 <= batch_dims <= axis (%d), <= positions rank (%d), < input "
                     "rank (%d)",
                     static_cast<int>(opt != nullptr ? opt->batch_dims() : 0), static_cast<int>(axis),
                     static_cast<int>(prank), static_cast<int>(rank));
  }
  kernels::GatherGeometry g;
  for (int32_t d = 0; d < batch_dims; ++d) {
    if (input.shape.dims[d] != positions.shape.dims[d])
      return ctx.error(StatusCode::kInvalidModel, "batch dimension %d: input has %d, positions %d", static_cast<int>(d),
                       static_cast<int>(input.shape.dims[d]), static_cast<int>(positions.shape.dims[d]));
    g.batch *= input.shape.dims[d];
  }
  const int32_t out_rank = rank + prank - 1 - batch_dims;
  if (out_rank > kMaxRank)
    return ctx.error(StatusCode::kUnsupported, "output rank %d above %d", static_cast<int>(out_rank),
                     static_cast<int>(kMaxRank));
  Shape want;
  for (int32_t d = 0; d < axis; ++d) want.dims[want.rank++] = input.shape.dims[d];
  for (int32_t d = batch_dims; d < prank; ++d) want.dims[want.rank++] = positions.shape.dims[d];
  for (int32_t d = axis + 1; d < rank; ++d) want.dims[want.rank++] = input.shape.dims[d];
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type, positions.type}, output.type)));
  for (int32_t d = batch_dims; d < axis; ++d) g.outer *= input.shape.dims[d];
  for (int32_t d = batch_dims; d < prank; ++d) g.coords *= positions.shape.dims[d];
  for (int32_t d = axis + 1; d < rank; ++d) g.inner *= input.shape.dims[d];
  g.axis_size = input.shape.dims[axis];
  auto* data = ctx.allocate_persistent_array<kernels::GatherGeometry>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = g;
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_gather(const EvalContext& ctx) {
  if (!ctx.kernel<kernels::GatherFn>()(*ctx.data<kernels::GatherGeometry>(), ctx.input(0).data, ctx.input(1).data,
                                       ctx.output(0).data))
    index_fail(ctx, "a position is outside the gathered dimension");
}

}  // namespace

const OpRegistration kGatherOp = {36, "GATHER", 7, prepare_gather, eval_gather, nullptr, describe_shape_change};

}  // namespace tinyinfer
