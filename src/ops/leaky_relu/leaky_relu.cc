// LEAKY_RELU: x >= 0 ? x : alpha * x, float32, int8 and int16 (two
// requantization multipliers, TFLite Micro's reference scheme).
#include "ops/leaky_relu/leaky_relu.h"

#include <cmath>

#include "ops/common/activation_common.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

struct LeakyReluData {
  DataType type;
  float alpha;
  kernels::LeakyReluQuantParams params;
};

Status prepare_leaky_relu(PrepareContext& ctx) {
  Tensor input, output;
  TI_RETURN_IF_ERROR(prepare_unary_activation(ctx, &input, &output));
  const auto* opt = format::options_as<fb::LeakyReluOptions>(ctx.info(), fb::BuiltinOptions::LeakyReluOptions);
  const float alpha = opt ? opt->alpha() : 0.0f;
  if (!std::isfinite(alpha))
    return ctx.error(StatusCode::kInvalidModel, "alpha %g is not finite", static_cast<double>(alpha));
  auto* data = ctx.allocate_persistent_array<LeakyReluData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = LeakyReluData();
  data->type = input.type;
  data->alpha = alpha;
  if (input.type == DataType::kInt8 || input.type == DataType::kInt16) {
    kernels::LeakyReluQuantParams& p = data->params;
    p.input_offset = input.quant.zero_point();
    p.output_offset = output.quant.zero_point();
    const float in_scale = input.quant.scale();
    const float out_scale = output.quant.scale();
    // Both ratios in float, then widened, exactly as TFLite Micro does.
    int shift = 0;
    act::quantize_signed_multiplier(static_cast<double>(in_scale * alpha / out_scale), &p.multiplier_alpha, &shift);
    p.shift_alpha = shift;
    quant::quantize_multiplier(static_cast<double>(in_scale / out_scale), &p.multiplier_identity, &shift);
    p.shift_identity = shift;
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_leaky_relu(const EvalContext& ctx) {
  const LeakyReluData& d = *ctx.data<LeakyReluData>();
  const int64_t n = activation_elements(ctx.input(0));
  if (d.type == DataType::kInt8)
    ctx.kernel<kernels::LeakyReluInt8Fn>()(d.params, n, ctx.input(0).data_as<const int8_t>(),
                                           ctx.output(0).data_as<int8_t>());
  else if (d.type == DataType::kInt16)
    ctx.kernel<kernels::LeakyReluInt16Fn>()(d.params, n, ctx.input(0).data_as<const int16_t>(),
                                            ctx.output(0).data_as<int16_t>());
  else
    ctx.kernel<kernels::LeakyReluFloatFn>()(d.alpha, n, ctx.input(0).data_as<const float>(),
                                            ctx.output(0).data_as<float>());
}

void describe_leaky_relu(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const LeakyReluData*>(node.op_data);
  describe_text(buffer, size, "%s, alpha %g", data_type_name(d->type), static_cast<double>(d->alpha));
}

}  // namespace

const OpRegistration kLeakyReluOp = {98,      "LEAKY_RELU",       2, prepare_leaky_relu, eval_leaky_relu,
                                     nullptr, describe_leaky_relu};

}  // namespace tinyinfer
