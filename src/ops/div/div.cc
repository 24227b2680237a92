// DIV with TFLite broadcasting and fused activation: float32, int32 (not
// quantized) and int8, the types TFLite Micro implements.
#include "ops/div/div.h"

#include "ops/common/binary_ops.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

Status prepare_div(PrepareContext& ctx) {
  const auto* opt = format::options_as<fb::DivOptions>(ctx.info(), fb::BuiltinOptions::DivOptions);
  const ActivationFunctionType act = opt ? opt->fused_activation_function() : ActivationFunctionType::NONE;
  BinaryOpData* data = nullptr;
  TI_RETURN_IF_ERROR(prepare_binary_op(ctx, &data));
  const Tensor a = ctx.input(0);
  const Tensor b = ctx.input(1);
  const Tensor out = ctx.output(0);
  if (data->output_type == DataType::kInt32 && (a.quant.is_quantized() || b.quant.is_quantized()))
    return ctx.error(StatusCode::kUnsupported, "quantized int32 not supported (TFLite's int32 DIV is unquantized)");
  if (data->output_type == DataType::kInt8) {
    TI_RETURN_IF_ERROR(require_binary_quantized(ctx, a, "input 1", false));
    TI_RETURN_IF_ERROR(require_binary_quantized(ctx, b, "input 2", false));
    TI_RETURN_IF_ERROR(require_binary_quantized(ctx, out, "output", false));
    kernels::BinaryParams& p = data->params;
    p.input1_offset = -a.quant.zero_point();
    p.input2_offset = -b.quant.zero_point();
    p.output_offset = out.quant.zero_point();
    // In float as TFLite Micro computes it, so the multiplier matches to the bit.
    const auto real_multiplier = static_cast<double>(a.quant.scale() / (b.quant.scale() * out.quant.scale()));
    int shift = 0;
    quant::quantize_multiplier(real_multiplier, &p.output_multiplier, &shift);
    p.output_shift = shift;
  }
  return prepare_binary_activation(ctx, act, data);
}

}  // namespace

const OpRegistration kDivOp = {42, "DIV", 2, prepare_div, eval_binary_op, nullptr, describe_binary_op};

}  // namespace tinyinfer
