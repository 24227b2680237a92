// HARD_SWISH: x * relu6(x + 3) / 6, float32 and int8 (TFLite's int16
// fixed-point scheme).
#include "ops/hard_swish/hard_swish.h"

#include "dsp/fixed_point.h"
#include "ops/common/activation_common.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

struct HardSwishData {
  DataType type;
  kernels::HardSwishInt8Params params;
};

Status prepare_hard_swish(PrepareContext& ctx) {
  Tensor input, output;
  TI_RETURN_IF_ERROR(prepare_unary_activation(ctx, &input, &output));
  auto* data = ctx.allocate_persistent_array<HardSwishData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = HardSwishData();
  data->type = input.type;
  if (input.type == DataType::kInt8) {
    kernels::HardSwishInt8Params& p = data->params;
    p.input_zero_point = input.quant.zero_point();
    p.output_zero_point = output.quant.zero_point();
    // Scales in float, ratios widened to double, as TFLite does.
    const float hires_input_scale = (1.0f / 128.0f) * input.quant.scale();
    const float reluish_scale = 3.0f / 32768.0f;
    int32_t multiplier32 = 0;
    int exponent = 0;
    quant::quantize_multiplier(static_cast<double>(hires_input_scale / output.quant.scale()), &multiplier32, &exponent);
    p.output_multiplier = act::downscale_int32_to_int16_multiplier(multiplier32);
    p.output_multiplier_exponent = exponent;
    // The output step is a rounding right shift only.
    if (exponent > 0)
      return ctx.error(StatusCode::kUnsupported,
                       "int8 input scale %g / 128 exceeds the output scale %g (multiplier above 1)",
                       static_cast<double>(input.quant.scale()), static_cast<double>(output.quant.scale()));
    quant::quantize_multiplier(static_cast<double>(hires_input_scale / reluish_scale), &multiplier32, &exponent);
    p.reluish_multiplier = act::downscale_int32_to_int16_multiplier(multiplier32);
    p.reluish_multiplier_exponent = exponent;
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_hard_swish(const EvalContext& ctx) {
  const HardSwishData& d = *ctx.data<HardSwishData>();
  const int64_t n = activation_elements(ctx.input(0));
  if (d.type == DataType::kInt8)
    ctx.kernel<kernels::HardSwishInt8Fn>()(d.params, n, ctx.input(0).data_as<const int8_t>(),
                                           ctx.output(0).data_as<int8_t>());
  else
    ctx.kernel<kernels::HardSwishFloatFn>()(n, ctx.input(0).data_as<const float>(), ctx.output(0).data_as<float>());
}

void describe_hard_swish(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const HardSwishData*>(node.op_data);
  describe_text(buffer, size, "%s", data_type_name(d->type));
}

}  // namespace

const OpRegistration kHardSwishOp = {117,     "HARD_SWISH",       1, prepare_hard_swish, eval_hard_swish,
                                     nullptr, describe_hard_swish};

}  // namespace tinyinfer
