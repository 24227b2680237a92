#include "ops/common/binary_elementwise.h"

#include "runtime/node.h"

namespace tinyinfer {

Status prepare_binary_elementwise(PrepareContext& ctx, ActivationFunctionType act, BinaryElementwise* op) {
  if (ctx.input_count() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2 inputs and 1 output");
  const Tensor& a = ctx.input(0);
  const Tensor& b = ctx.input(1);
  const Tensor out = ctx.output(0);
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({a.type, b.type}, out.type)));
  TI_RETURN_IF_ERROR(prepare_broadcast(ctx, a, b, out, &op->shape));
  op->activation = act;
  if (out.type == DataType::kFloat32) {
    if (!float_activation(act, &op->clamp))
      return ctx.error(StatusCode::kUnsupported, "fused activation %s", activation_name(act));
    return Status::ok();
  }
  if (out.type != DataType::kInt8)  // a new type's kernel needs its range here first
    return ctx.error(StatusCode::kUnsupported, "no activation range for type %s", data_type_name(out.type));
  op->is_int8 = true;
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, a, "input 1"));
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, b, "input 2"));
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, out, "output"));
  if (!int8_activation(act, out.quant.scale(), out.quant.zero_point(), &op->act_min, &op->act_max))
    return ctx.error(StatusCode::kUnsupported, "fused activation %s", activation_name(act));
  return Status::ok();
}

}  // namespace tinyinfer
