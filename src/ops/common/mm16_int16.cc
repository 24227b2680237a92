#include "ops/common/mm16_int16.h"

namespace tinyinfer {

Status mm16_check_activations(const PrepareContext& ctx, const Tensor& input, const Tensor& output) {
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, input, "input"));
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, output, "output"));
  if (input.type == DataType::kInt16 && (input.quant.zero_point() != 0 || output.quant.zero_point() != 0))
    return ctx.error(StatusCode::kUnsupported, "int16 input and output need zero point 0 (have %d, %d)",
                     input.quant.zero_point(), output.quant.zero_point());
  return Status::ok();
}

Status mm16_fused_range(const PrepareContext& ctx, ActivationFunctionType act, const Tensor& output,
                        kernels::Requant* rq) {
  const bool fused =
      output.type == DataType::kInt16
          ? quantized_activation_range(act, output.quant.scale(), output.quant.zero_point(), INT16_MIN, INT16_MAX,
                                       &rq->act_min, &rq->act_max)
          : int8_activation(act, output.quant.scale(), output.quant.zero_point(), &rq->act_min, &rq->act_max);
  if (!fused) return ctx.error(StatusCode::kUnsupported, "fused activation %s", activation_name(act));
  return Status::ok();
}

Status prepare_conv_requant(PrepareContext& ctx, const Tensor& input, const Tensor& filter, const Tensor& output,
                            int32_t channels, int32_t channel_dim, ActivationFunctionType act, kernels::Requant* rq,
                            RequantSource* source) {
  TI_RETURN_IF_ERROR(mm16_check_activations(ctx, input, output));
  if (!filter.quant.is_quantized())
    return ctx.error(StatusCode::kInvalidModel, "filter '%s' is int8 without quantization", filter.name);
  if (filter.quant.per_channel() && filter.quant.quantized_dimension != channel_dim)
    return ctx.error(StatusCode::kUnsupported, "filter '%s' quantized along dimension %d, expected %d", filter.name,
                     filter.quant.quantized_dimension, channel_dim);
  for (int32_t c = 0; c < filter.quant.count; ++c) {
    if (filter.quant.zero_points != nullptr && filter.quant.zero_points[c] != 0)
      return ctx.error(StatusCode::kUnsupported, "filter '%s' has non-zero zero point (int8 weights must be symmetric)",
                       filter.name);
  }
  TI_RETURN_IF_ERROR(prepare_requant_multipliers(ctx, input, filter, output, channels, rq, source));
  rq->input_offset = -input.quant.zero_point();
  rq->output_offset = output.quant.zero_point();
  return mm16_fused_range(ctx, act, output, rq);
}

}  // namespace tinyinfer
