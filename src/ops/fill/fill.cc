// FILL (TFLite op versions 1-4): inputs (dims, value); every element of the
// output (shape `dims`, constant int32/int64) is the scalar value, of the
// output's type. The value may be computed at run time.
#include "ops/fill/fill.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

Status prepare_fill(PrepareContext& ctx) {
  if (ctx.input_count() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2 inputs (dims, value) and 1 output");
  const Tensor dims = ctx.input(0);
  const Tensor value = ctx.input(1);
  const Tensor output = ctx.output(0);
  if (value.shape.elements() != 1)
    return ctx.error(StatusCode::kInvalidModel, "value must be a scalar, has %d elements",
                     static_cast<int>(value.shape.elements()));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({value.type}, output.type)));
  int64_t values[kMaxRank] = {};
  int32_t count = 0;
  TI_RETURN_IF_ERROR(move_read_ints(ctx, dims, "dims", kMaxRank, values, &count));
  if (dims.shape.rank != 1)
    return ctx.error(StatusCode::kInvalidModel, "dims must be a vector, has rank %d",
                     static_cast<int>(dims.shape.rank));
  Shape want;
  want.rank = count;
  for (int32_t d = 0; d < count; ++d) {
    if (values[d] < 0 || values[d] > INT32_MAX)
      return ctx.error(StatusCode::kInvalidModel, "dims[%d] = %d is negative", static_cast<int>(d),
                       static_cast<int>(values[d]));
    want.dims[d] = static_cast<int32_t>(values[d]);
  }
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  return Status::ok();
}

void eval_fill(const EvalContext& ctx) {
  ctx.kernel<kernels::FillFn>()(ctx.input(1).data, ctx.output(0).data,
                                static_cast<std::size_t>(ctx.output(0).elements()));
}

void describe_fill(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size) {
  char out[64];
  format_shape(tensors[node.outputs[0]].shape(), out, sizeof(out));
  describe_text(buffer, size, "-> %s", out);
}

}  // namespace

const OpRegistration kFillOp = {94, "FILL", 4, prepare_fill, eval_fill, nullptr, describe_fill};

}  // namespace tinyinfer
