// QUANTIZE / DEQUANTIZE preparation (per_tensor_conversion.h).
#include "ops/common/per_tensor_conversion.h"

#include "ops/common/op_params.h"

namespace tinyinfer {

Status prepare_per_tensor_conversion(PrepareContext& ctx, bool input_is_quantized) {
  if (ctx.input_count() != 1 || !ctx.has_input(0) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 1 input and 1 output");
  const Tensor& input = ctx.input(0);
  const Tensor& output = ctx.output(0);
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  if (input.shape.elements() != output.shape.elements())
    return ctx.error(StatusCode::kInvalidModel, "element counts differ");
  const Tensor& quantized = input_is_quantized ? input : output;
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, quantized, input_is_quantized ? "input" : "output"));
  auto* data = ctx.allocate_persistent_array<ConversionData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  data->scale = quantized.quant.scale();
  data->zero_point = quantized.quant.zero_point();
  ctx.node().op_data = data;
  return Status::ok();
}

void describe_conversion(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const ConversionData*>(node.op_data);
  describe_text(buffer, size, "scale %g, zero point %d", static_cast<double>(d->scale), d->zero_point);
}

}  // namespace tinyinfer
