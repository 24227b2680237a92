// SHAPE (TFLite op version 1): the input's static dimensions as a vector of
// the output's type (int32 or int64); the input's values are never read.
#include "ops/shape/shape.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

Status prepare_shape(PrepareContext& ctx) {
  if (ctx.input_count() != 1 || !ctx.has_input(0) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 1 input and 1 output");
  // The output tensor's type decides, as in TFLite: ShapeOptions.out_type
  // defaults to FLOAT32 in the schema, so a model that leaves it out would
  // otherwise disagree with its own int32 output.
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  Shape want;
  want.rank = 1;
  want.dims[0] = input.shape.rank;
  return move_check_shape(ctx, output, want, "output");
}

void eval_shape(const EvalContext& ctx) {
  const TensorSlot& in = ctx.input(0);
  ctx.kernel<kernels::ShapeFn>()(in.dims, in.rank, ctx.output(0).data);
}

void describe_shape(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size) {
  char in[64];
  format_shape(tensors[node.inputs[0]].shape(), in, sizeof(in));
  describe_text(buffer, size, "of %s", in);
}

}  // namespace

const OpRegistration kShapeOp = {77, "SHAPE", 1, prepare_shape, eval_shape, nullptr, describe_shape};

}  // namespace tinyinfer
