// SUB with TFLite broadcasting and fused activation: float32, int32 (not
// quantized), int8 and int16 with TFLite Micro's general rescale (int16's
// pot_scale_int16 option is ignored, as TFLite Micro does).
#include "ops/sub/sub.h"

#include <algorithm>

#include "ops/common/binary_ops.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

// TFLite Micro's CalculateOpDataSub: both inputs to 2 * max(input scales)
// after a left shift (int8 20, int16 15), the difference to the output scale.
// In float as TFLite Micro computes them, so the multipliers match to the bit.
Status prepare_sub_quantized(PrepareContext& ctx, kernels::BinaryParams* p) {
  const Tensor a = ctx.input(0);
  const Tensor b = ctx.input(1);
  const Tensor out = ctx.output(0);
  TI_RETURN_IF_ERROR(require_binary_quantized(ctx, a, "input 1", false));
  TI_RETURN_IF_ERROR(require_binary_quantized(ctx, b, "input 2", false));
  TI_RETURN_IF_ERROR(require_binary_quantized(ctx, out, "output", false));
  p->left_shift = out.type == DataType::kInt16 ? 15 : 20;
  p->input1_offset = -a.quant.zero_point();
  p->input2_offset = -b.quant.zero_point();
  p->output_offset = out.quant.zero_point();
  const float twice_max_input_scale = 2.0f * std::max(a.quant.scale(), b.quant.scale());
  const auto real_input1 = static_cast<double>(a.quant.scale() / twice_max_input_scale);
  const auto real_input2 = static_cast<double>(b.quant.scale() / twice_max_input_scale);
  const auto real_output = static_cast<double>(twice_max_input_scale /
                                               (static_cast<float>(int32_t{1} << p->left_shift) * out.quant.scale()));
  TI_RETURN_IF_ERROR(
      quantize_multiplier_below_one(ctx, real_input1, "input 1", &p->input1_multiplier, &p->input1_shift));
  TI_RETURN_IF_ERROR(
      quantize_multiplier_below_one(ctx, real_input2, "input 2", &p->input2_multiplier, &p->input2_shift));
  return quantize_multiplier_below_one(ctx, real_output, "output", &p->output_multiplier, &p->output_shift);
}

Status prepare_sub(PrepareContext& ctx) {
  const auto* opt = format::options_as<fb::SubOptions>(ctx.info(), fb::BuiltinOptions::SubOptions);
  const ActivationFunctionType act = opt ? opt->fused_activation_function() : ActivationFunctionType::NONE;
  BinaryOpData* data = nullptr;
  TI_RETURN_IF_ERROR(prepare_binary_op(ctx, &data));
  if (data->output_type == DataType::kInt32 &&
      (ctx.input(0).quant.is_quantized() || ctx.input(1).quant.is_quantized() || ctx.output(0).quant.is_quantized()))
    return ctx.error(StatusCode::kUnsupported, "quantized int32 not supported (TFLite's int32 SUB is unquantized)");
  if (data->output_type == DataType::kInt8 || data->output_type == DataType::kInt16)
    TI_RETURN_IF_ERROR(prepare_sub_quantized(ctx, &data->params));
  return prepare_binary_activation(ctx, act, data);
}

}  // namespace

const OpRegistration kSubOp = {41, "SUB", 5, prepare_sub, eval_binary_op, nullptr, describe_binary_op};

}  // namespace tinyinfer
