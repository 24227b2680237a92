// PRELU: x >= 0 ? x : alpha * x with alpha broadcast against the input
// (TFLite's rule), float32, int8 and int16 (int8 alpha), TFLite Micro's
// two-multiplier requantization.
#include "ops/prelu/prelu.h"

#include "ops/common/activation_common.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

struct PreluData {
  DataType type;
  kernels::BroadcastShape shape;
  kernels::PreluQuantParams params;
};

Status prepare_prelu(PrepareContext& ctx) {
  if (ctx.input_count() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2 inputs (input, alpha) and 1 output");
  const Tensor input = ctx.input(0);
  const Tensor alpha = ctx.input(1);
  const Tensor output = ctx.output(0);
  if (input.type != output.type)
    return ctx.error(StatusCode::kInvalidModel, "input type %s and output type %s differ", data_type_name(input.type),
                     data_type_name(output.type));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type, alpha.type}, output.type)));
  auto* data = ctx.allocate_persistent_array<PreluData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = PreluData();
  data->type = input.type;
  TI_RETURN_IF_ERROR(prepare_broadcast(ctx, input, alpha, output, &data->shape));
  if (input.type == DataType::kInt8 || input.type == DataType::kInt16) {
    TI_RETURN_IF_ERROR(require_per_tensor_quant(ctx, input, "input"));
    TI_RETURN_IF_ERROR(require_per_tensor_quant(ctx, alpha, "alpha"));
    TI_RETURN_IF_ERROR(require_per_tensor_quant(ctx, output, "output"));
    kernels::PreluQuantParams& p = data->params;
    const double in_scale = input.quant.scale();
    const double out_scale = output.quant.scale();
    int shift = 0;
    quant::quantize_multiplier(in_scale / out_scale, &p.output_multiplier_1, &shift);
    p.output_shift_1 = shift;
    quant::quantize_multiplier(in_scale * static_cast<double>(alpha.quant.scale()) / out_scale, &p.output_multiplier_2,
                               &shift);
    p.output_shift_2 = shift;
    p.input_offset = -input.quant.zero_point();
    p.alpha_offset = -alpha.quant.zero_point();
    p.output_offset = output.quant.zero_point();
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_prelu(const EvalContext& ctx) {
  const PreluData& d = *ctx.data<PreluData>();
  if (d.type == DataType::kInt8)
    ctx.kernel<kernels::PreluInt8Fn>()(d.params, d.shape, ctx.input(0).data_as<const int8_t>(),
                                       ctx.input(1).data_as<const int8_t>(), ctx.output(0).data_as<int8_t>());
  else if (d.type == DataType::kInt16)
    ctx.kernel<kernels::PreluInt16Fn>()(d.params, d.shape, ctx.input(0).data_as<const int16_t>(),
                                        ctx.input(1).data_as<const int8_t>(), ctx.output(0).data_as<int16_t>());
  else
    ctx.kernel<kernels::PreluFloatFn>()(d.shape, ctx.input(0).data_as<const float>(),
                                        ctx.input(1).data_as<const float>(), ctx.output(0).data_as<float>());
}

void describe_prelu(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const PreluData*>(node.op_data);
  describe_text(buffer, size, "%s", data_type_name(d->type));
}

}  // namespace

const OpRegistration kPreluOp = {54, "PRELU", 1, prepare_prelu, eval_prelu, nullptr, describe_prelu};

}  // namespace tinyinfer
