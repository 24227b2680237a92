// One-input elementwise ops: shared preparation and dispatch
// (unary_elementwise.h).
#include "ops/common/unary_elementwise.h"

#include <cmath>

#include "ops/common/op_params.h"

namespace tinyinfer {

Status prepare_unary(PrepareContext& ctx, bool same_type) {
  if (ctx.input_count() != 1 || !ctx.has_input(0) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 1 input and 1 output");
  const Tensor& input = ctx.input(0);
  const Tensor& output = ctx.output(0);
  if (same_type && input.type != output.type)
    return ctx.error(StatusCode::kInvalidModel, "input is %s but output is %s", data_type_name(input.type),
                     data_type_name(output.type));
  // The kernels walk the input's elements and write as many outputs.
  if (input.shape.elements() != output.shape.elements()) {
    char in[64], out[64];
    format_shape(input.shape, in, sizeof(in));
    format_shape(output.shape, out, sizeof(out));
    return ctx.error(StatusCode::kInvalidModel, "input %s and output %s differ in element count", in, out);
  }
  return ctx.use_kernel(signature({input.type}, output.type));
}

namespace {

Status check_scale(const PrepareContext& ctx, const Tensor& t, const char* role) {
  const float scale = t.quant.scale();
  if (!std::isfinite(scale) || !(scale > 0.0f))
    return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' has scale %g (must be finite and positive)", role,
                     t.name, static_cast<double>(scale));
  return Status::ok();
}

}  // namespace

Status prepare_unary_quantization(PrepareContext& ctx, bool allow_unquantized_int16,
                                  kernels::UnaryQuantParams* params) {
  const Tensor& input = ctx.input(0);
  const Tensor& output = ctx.output(0);
  const bool is_int16 = input.type == DataType::kInt16;
  *params = kernels::UnaryQuantParams();
  if (is_int16 && allow_unquantized_int16 && !input.quant.is_quantized()) {
    // TFLite runs an int16 ABS without quantization on the raw integers.
    if (output.quant.is_quantized())
      return ctx.error(StatusCode::kUnsupported, "int16 input '%s' is not quantized but output '%s' is", input.name,
                       output.name);
    params->quantized = false;
    return Status::ok();
  }
  const char* type = data_type_name(input.type);
  for (const Tensor* t : {&input, &output}) {
    const char* role = t == &input ? "input" : "output";
    if (!t->quant.is_quantized())
      return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' is %s without quantization", role, t->name, type);
    if (t->quant.per_channel())
      return ctx.error(StatusCode::kUnsupported, "%s tensor '%s' must be quantized per tensor (has %d scales)", role,
                       t->name, static_cast<int>(t->quant.count));
    TI_RETURN_IF_ERROR(check_scale(ctx, *t, role));
  }
  params->input_zero_point = input.quant.zero_point();
  params->output_zero_point = output.quant.zero_point();
  const int32_t lowest = is_int16 ? -32768 : -128;
  const int32_t highest = is_int16 ? 32767 : 127;
  for (const int32_t zp : {params->input_zero_point, params->output_zero_point}) {
    if (zp < lowest || zp > highest)
      return ctx.error(StatusCode::kInvalidModel, "%s zero point %d out of range", type, zp);
  }
  if (is_int16 && (params->input_zero_point != 0 || params->output_zero_point != 0))
    return ctx.error(StatusCode::kUnsupported, "int16 zero points must be 0 (input %d, output %d)",
                     params->input_zero_point, params->output_zero_point);
  params->needs_rescale = input.quant.scale() != output.quant.scale();
  return Status::ok();
}

void eval_unary_float(const EvalContext& ctx) {
  ctx.kernel<kernels::UnaryFloatFn>()(ctx.input(0).elements(), ctx.input(0).data_as<const float>(),
                                      ctx.output(0).data_as<float>());
}

void eval_unary_bool(const EvalContext& ctx) {
  ctx.kernel<kernels::UnaryBoolFn>()(ctx.input(0).elements(), ctx.input(0).data_as<const uint8_t>(),
                                     ctx.output(0).data_as<uint8_t>());
}

void describe_unary(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size) {
  const TensorSlot& in = tensors[node.inputs[0]];
  const TensorSlot& out = tensors[node.outputs[0]];
  char shape[64];
  format_shape(in.shape(), shape, sizeof(shape));
  if (in.type == out.type) {
    describe_text(buffer, size, "%s %s", data_type_name(in.type), shape);
  } else {
    describe_text(buffer, size, "%s -> %s %s", data_type_name(in.type), data_type_name(out.type), shape);
  }
}

}  // namespace tinyinfer
