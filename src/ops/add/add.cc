// ADD with TFLite broadcasting (shapes aligned at the innermost dimension,
// a dimension of 1 repeats): float32 and int8 (AddData, the int8 kernel has a
// Cortex-M7 twin with its own parameter block), int16 and int32 (the generic
// binary op data and eval of common/binary_ops.h).
#include "ops/add/add.h"

#include <cstdio>
#include <limits>

#include "ops/add/add_params.h"
#include "ops/common/binary_elementwise.h"
#include "ops/common/q16_binary.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

struct AddData {
  BinaryElementwise common;
  kernels::AddInt8Params params;
};

// int16: TFLite Micro's general rescale (left shift 15). TFLite Micro takes
// this path for every int16 ADD and accepts any zero points.
Status prepare_add_int16(PrepareContext& ctx, kernels::BinaryParams* p) {
  const Tensor a = ctx.input(0);
  const Tensor b = ctx.input(1);
  const Tensor out = ctx.output(0);
  TI_RETURN_IF_ERROR(require_quantized_binary_operands(ctx, false));
  p->left_shift = 15;
  p->input1_offset = -a.quant.zero_point();
  p->input2_offset = -b.quant.zero_point();
  p->output_offset = out.quant.zero_point();
  const quant::AddRealMultipliers real =
      quant::add_real_multipliers(a.quant.scale(), b.quant.scale(), out.quant.scale(), p->left_shift);
  TI_RETURN_IF_ERROR(
      quantize_multiplier_below_one(ctx, real.input1, "input 1", &p->input1_multiplier, &p->input1_shift));
  TI_RETURN_IF_ERROR(
      quantize_multiplier_below_one(ctx, real.input2, "input 2", &p->input2_multiplier, &p->input2_shift));
  return quantize_multiplier_below_one(ctx, real.output, "output", &p->output_multiplier, &p->output_shift);
}

Status prepare_add_binary_op(PrepareContext& ctx, ActivationFunctionType act) {
  BinaryOpData* data = nullptr;
  TI_RETURN_IF_ERROR(prepare_binary_op(ctx, &data));
  if (data->output_type == DataType::kInt16) {
    TI_RETURN_IF_ERROR(prepare_add_int16(ctx, &data->params));
    return prepare_binary_activation(ctx, act, data);
  }
  if (ctx.input(0).quant.is_quantized() || ctx.input(1).quant.is_quantized() || ctx.output(0).quant.is_quantized())
    return ctx.error(StatusCode::kUnsupported, "quantized int32 not supported (TFLite's int32 ADD is unquantized)");
  // TFLite Micro clamps an int32 sum to the whole int32 range whatever the
  // fused activation says.
  data->activation = act;
  data->params.act_min = std::numeric_limits<int32_t>::min();
  data->params.act_max = std::numeric_limits<int32_t>::max();
  return Status::ok();
}

Status prepare_add(PrepareContext& ctx) {
  const auto* opt = format::options_as<fb::AddOptions>(ctx.info(), fb::BuiltinOptions::AddOptions);
  const ActivationFunctionType act = opt ? opt->fused_activation_function() : ActivationFunctionType::NONE;
  if (ctx.output_count() == 1 && uses_generic_binary_data(ctx.output(0).type)) return prepare_add_binary_op(ctx, act);
  auto* data = ctx.allocate_persistent_array<AddData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = AddData();
  TI_RETURN_IF_ERROR(prepare_binary_elementwise(ctx, act, &data->common));
  if (data->common.is_int8) {
    const Tensor a = ctx.input(0);
    const Tensor b = ctx.input(1);
    const Tensor out = ctx.output(0);
    quant::prepare_add_int8(a.quant.scale(), a.quant.zero_point(), b.quant.scale(), b.quant.zero_point(),
                            out.quant.scale(), out.quant.zero_point(), data->common.act_min, data->common.act_max,
                            &data->params);
    // The optimized kernel's per-byte tables, planned in the arena for this op.
    kernels::ScratchQuery query;
    query.in = {1, 1, 1, static_cast<int32_t>(a.shape.elements())};
    query.filter = {1, 1, 1, static_cast<int32_t>(b.shape.elements())};
    query.out = {1, 1, 1, static_cast<int32_t>(out.shape.elements())};
    query.small_arena = ctx.small_arena();
    ctx.request_scratch(ctx.kernel_scratch_bytes(query));
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_add(const EvalContext& ctx) {
  if (uses_generic_binary_data(ctx.output(0).type)) {
    eval_binary_op(ctx);
    return;
  }
  const AddData& d = *ctx.data<AddData>();
  if (d.common.is_int8) {
    ctx.kernel<kernels::AddInt8Fn>()(d.params, d.common.shape, ctx.input(0).data_as<const int8_t>(),
                                     ctx.input(1).data_as<const int8_t>(), ctx.output(0).data_as<int8_t>(),
                                     ctx.node.scratch);
  } else {
    ctx.kernel<kernels::AddFloatFn>()(d.common.clamp, d.common.shape, ctx.input(0).data_as<const float>(),
                                      ctx.input(1).data_as<const float>(), ctx.output(0).data_as<float>());
  }
}

void describe_add(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size) {
  if (uses_generic_binary_data(tensors[node.outputs[0]].type)) {
    describe_binary_op(node, tensors, buffer, size);
    return;
  }
  const auto* d = static_cast<const AddData*>(node.op_data);
  std::snprintf(buffer, size, "%s, %s", d->common.is_int8 ? "int8" : "float", activation_name(d->common.activation));
}

}  // namespace

const OpRegistration kAddOp = {0, "ADD", 5, prepare_add, eval_add, nullptr, describe_add};

}  // namespace tinyinfer
