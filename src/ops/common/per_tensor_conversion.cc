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
  const char* role = input_is_quantized ? "input" : "output";
  const Quantization& q = quantized.quant;
  if (!q.is_quantized())
    return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' is %s without quantization", role, quantized.name,
                     data_type_name(quantized.type));
  auto* data = ctx.allocate_persistent_array<ConversionData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = ConversionData();
  data->scale = q.scale();
  data->zero_point = q.zero_point();
  if (q.per_channel()) {
    // One pair per slice along quantized_dimension, as TFLite's per-channel
    // DEQUANTIZE: element (outer, c, inner) uses pair c.
    const Shape& shape = quantized.shape;
    const int32_t dim = q.quantized_dimension;
    if (dim < 0 || dim >= shape.rank || shape.dims[dim] != q.count)
      return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' has %d scales along dimension %d of rank %d", role,
                       quantized.name, q.count, dim, shape.rank);
    if (input.shape != output.shape)
      return ctx.error(StatusCode::kInvalidModel, "a per-channel conversion needs equal input and output shapes");
    data->scales = q.scales;
    data->zero_points = q.zero_points;
    data->channels = q.count;
    data->outer = 1;
    data->inner = 1;
    for (int32_t d = 0; d < dim; ++d) data->outer *= shape.dims[d];
    for (int32_t d = dim + 1; d < shape.rank; ++d) data->inner *= shape.dims[d];
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void describe_conversion(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const ConversionData*>(node.op_data);
  if (d->channels > 0) {
    describe_text(buffer, size, "per channel, %d scales (first %g, zero point %d)", d->channels,
                  static_cast<double>(d->scale), d->zero_point);
    return;
  }
  describe_text(buffer, size, "scale %g, zero point %d", static_cast<double>(d->scale), d->zero_point);
}

}  // namespace tinyinfer
