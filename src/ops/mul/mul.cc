// MUL with TFLite broadcasting (shapes aligned at the innermost dimension, a
// dimension of 1 repeats): float32 and int8 (MulData), int16 and int32 (the
// generic binary op data and eval of common/binary_ops.h); other types are
// refused by the kernel lookup with the signatures that exist.
#include "ops/mul/mul.h"

#include <cstdio>

#include "dsp/fixed_point.h"
#include "ops/common/binary_elementwise.h"
#include "ops/common/q16_binary.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

struct MulData {
  BinaryElementwise common;
  kernels::MulInt8Params params;
};

// int16: TFLite Micro requires zero points 0; the product's real factor
// in1_scale * in2_scale / out_scale (in double) as one multiplier.
Status prepare_mul_int16(PrepareContext& ctx, kernels::BinaryParams* p) {
  const Tensor a = ctx.input(0);
  const Tensor b = ctx.input(1);
  const Tensor out = ctx.output(0);
  TI_RETURN_IF_ERROR(require_quantized_binary_operands(ctx, true));
  const double real_multiplier = static_cast<double>(a.quant.scale()) * static_cast<double>(b.quant.scale()) /
                                 static_cast<double>(out.quant.scale());
  // A multiplier above 1 shifts the product left, wrapping in int32 as
  // TFLite's does (multiply_by_quantized_multiplier).
  int shift = 0;
  quant::quantize_multiplier(real_multiplier, &p->output_multiplier, &shift);
  p->output_shift = shift;
  return Status::ok();
}

Status prepare_mul_binary_op(PrepareContext& ctx, ActivationFunctionType act) {
  BinaryOpData* data = nullptr;
  TI_RETURN_IF_ERROR(prepare_binary_op(ctx, &data));
  if (data->output_type == DataType::kInt16) TI_RETURN_IF_ERROR(prepare_mul_int16(ctx, &data->params));
  return prepare_binary_activation(ctx, act, data);
}

Status prepare_mul(PrepareContext& ctx) {
  const auto* opt = format::options_as<fb::MulOptions>(ctx.info(), fb::BuiltinOptions::MulOptions);
  const ActivationFunctionType act = opt ? opt->fused_activation_function() : ActivationFunctionType::NONE;
  if (ctx.output_count() == 1 && uses_generic_binary_data(ctx.output(0).type)) return prepare_mul_binary_op(ctx, act);
  auto* data = ctx.allocate_persistent_array<MulData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = MulData();
  TI_RETURN_IF_ERROR(prepare_binary_elementwise(ctx, act, &data->common));
  if (data->common.is_int8) {
    const Quantization a = ctx.input(0).quant;
    const Quantization b = ctx.input(1).quant;
    const Quantization out = ctx.output(0).quant;
    kernels::MulInt8Params& p = data->params;
    p.input1_offset = -a.zero_point();
    p.input2_offset = -b.zero_point();
    p.output_offset = out.zero_point();
    p.act_min = data->common.act_min;
    p.act_max = data->common.act_max;
    // In double as TFLite does, so the multiplier matches to the last bit.
    const double real_multiplier =
        static_cast<double>(a.scale()) * static_cast<double>(b.scale()) / static_cast<double>(out.scale());
    int shift = 0;
    quant::quantize_multiplier(real_multiplier, &p.output_multiplier, &shift);
    p.output_shift = shift;
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_mul(const EvalContext& ctx) {
  if (uses_generic_binary_data(ctx.output(0).type)) {
    eval_binary_op(ctx);
    return;
  }
  const MulData& d = *ctx.data<MulData>();
  if (d.common.is_int8) {
    ctx.kernel<kernels::MulInt8Fn>()(d.params, d.common.shape, ctx.input(0).data_as<const int8_t>(),
                                     ctx.input(1).data_as<const int8_t>(), ctx.output(0).data_as<int8_t>());
  } else {
    ctx.kernel<kernels::MulFloatFn>()(d.common.clamp, d.common.shape, ctx.input(0).data_as<const float>(),
                                      ctx.input(1).data_as<const float>(), ctx.output(0).data_as<float>());
  }
}

void describe_mul(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size) {
  if (uses_generic_binary_data(tensors[node.outputs[0]].type)) {
    describe_binary_op(node, tensors, buffer, size);
    return;
  }
  const auto* d = static_cast<const MulData*>(node.op_data);
  std::snprintf(buffer, size, "%s, %s", d->common.is_int8 ? "int8" : "float", activation_name(d->common.activation));
}

}  // namespace

// Versions past 2 add types (int16, int32, ...); what has no kernel is refused by the lookup.
const OpRegistration kMulOp = {18, "MUL", 7, prepare_mul, eval_mul, nullptr, describe_mul};

}  // namespace tinyinfer
