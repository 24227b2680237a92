// ARG_MAX / ARG_MIN: shared preparation and dispatch (reduce_arg.h).
#include "ops/common/reduce_arg.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"
#include "runtime/node.h"

namespace tinyinfer {

Status prepare_arg_min_max(PrepareContext& ctx) {
  if (ctx.input_count() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2 inputs (input, axis) and 1 output");
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const int32_t rank = input.shape.rank;
  if (rank < 1) return ctx.error(StatusCode::kInvalidModel, "input '%s' is a scalar: no axis to search", input.name);
  int32_t axis = 0;
  TI_RETURN_IF_ERROR(move_read_axis(ctx, 1, rank, &axis));
  Shape want;
  for (int32_t d = 0; d < rank; ++d)
    if (d != axis) want.dims[want.rank++] = input.shape.dims[d];
  // TFLite (Micro) only walks the output's elements: its shape may differ.
  if (output.shape.elements() != want.elements()) TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  auto* p = ctx.allocate_persistent_array<kernels::ArgMinMaxParams>(1);
  if (p == nullptr) return ctx.arena_exhausted();
  *p = kernels::ArgMinMaxParams();
  for (int32_t d = 0; d < axis; ++d) p->outer *= input.shape.dims[d];
  for (int32_t d = axis + 1; d < rank; ++d) p->inner *= input.shape.dims[d];
  p->axis_size = input.shape.dims[axis];
  p->axis = axis;
  p->int64_output = output.type == DataType::kInt64;
  ctx.node().op_data = p;
  return Status::ok();
}

void eval_arg_min_max(const EvalContext& ctx) {
  ctx.kernel<kernels::ArgMinMaxFn>()(*ctx.data<kernels::ArgMinMaxParams>(), ctx.input(0).data, ctx.output(0).data);
}

int64_t arg_min_max_macs(const Node& node, const TensorSlot* tensors) { return tensors[node.inputs[0]].elements(); }

void describe_arg_min_max(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* p = static_cast<const kernels::ArgMinMaxParams*>(node.op_data);
  describe_text(buffer, size, "axis %d -> %s", static_cast<int>(p->axis), p->int64_output ? "int64" : "int32");
}

}  // namespace tinyinfer
