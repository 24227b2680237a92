// DYNAMIC_UPDATE_SLICE (TFLite op versions 1-4): inputs (operand, update,
// start_indices); the output is the operand with the box at start_indices
// replaced by the update (same rank, no dimension larger). start_indices (a
// 1-D int32 or int64 tensor, one entry per dimension) may be runtime data;
// as in TFLite each start is clamped so the box stays inside the operand.
#include "ops/dynamic_update_slice/dynamic_update_slice.h"

#include "ops/common/index_params.h"
#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

Status prepare_dynamic_update_slice(PrepareContext& ctx) {
  TI_RETURN_IF_ERROR(index_check_io(ctx, 3, "operand, update, start_indices"));
  const Tensor operand = ctx.input(0);
  const Tensor update = ctx.input(1);
  const Tensor start = ctx.input(2);
  const Tensor output = ctx.output(0);
  TI_RETURN_IF_ERROR(index_check_index_type(ctx, start, "start_indices"));
  const int32_t rank = operand.shape.rank;
  if (start.shape.rank != 1 || start.shape.dims[0] != rank)
    return ctx.error(StatusCode::kInvalidModel, "start_indices must be 1-D with %d entries (the operand's rank)",
                     static_cast<int>(rank));
  if (update.shape.rank != rank)
    return ctx.error(StatusCode::kInvalidModel, "update has rank %d, the operand %d",
                     static_cast<int>(update.shape.rank), static_cast<int>(rank));
  auto* g = ctx.allocate_persistent_array<kernels::UpdateSliceGeometry>(1);
  if (g == nullptr) return ctx.arena_exhausted();
  *g = kernels::UpdateSliceGeometry();
  g->rank = rank;
  for (int32_t d = 0; d < rank; ++d) {
    if (update.shape.dims[d] > operand.shape.dims[d])
      return ctx.error(StatusCode::kInvalidModel, "update dimension %d is %d, larger than the operand's %d",
                       static_cast<int>(d), static_cast<int>(update.shape.dims[d]),
                       static_cast<int>(operand.shape.dims[d]));
    g->dims[d] = operand.shape.dims[d];
    g->update_dims[d] = update.shape.dims[d];
  }
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, operand.shape, "output"));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({operand.type, update.type, start.type}, output.type)));
  ctx.node().op_data = g;
  return Status::ok();
}

void eval_dynamic_update_slice(const EvalContext& ctx) {
  ctx.kernel<kernels::DynamicUpdateSliceFn>()(*ctx.data<kernels::UpdateSliceGeometry>(), ctx.input(0).data,
                                              ctx.input(1).data, ctx.input(2).data, ctx.output(0).data);
}

}  // namespace

const OpRegistration kDynamicUpdateSliceOp = {
    151,     "DYNAMIC_UPDATE_SLICE", 4, prepare_dynamic_update_slice, eval_dynamic_update_slice,
    nullptr, describe_shape_change};

}  // namespace tinyinfer
