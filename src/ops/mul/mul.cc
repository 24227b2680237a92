// MUL with TFLite broadcasting (shapes aligned at the innermost dimension, a
// dimension of 1 repeats), float32 and int8; other types are refused by the
// kernel lookup with the signatures that exist.
#include "ops/mul/mul.h"

#include <cstdio>

#include "dsp/fixed_point.h"
#include "ops/common/binary_elementwise.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

struct MulData {
  BinaryElementwise common;
  kernels::MulInt8Params params;
};

Status prepare_mul(PrepareContext& ctx) {
  const auto* opt = format::options_as<fb::MulOptions>(ctx.info(), fb::BuiltinOptions::MulOptions);
  const ActivationFunctionType act = opt ? opt->fused_activation_function() : ActivationFunctionType::NONE;
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
  const MulData& d = *ctx.data<MulData>();
  if (d.common.is_int8) {
    ctx.kernel<kernels::MulInt8Fn>()(d.params, d.common.shape, ctx.input(0).data_as<const int8_t>(),
                                     ctx.input(1).data_as<const int8_t>(), ctx.output(0).data_as<int8_t>());
  } else {
    ctx.kernel<kernels::MulFloatFn>()(d.common.clamp, d.common.shape, ctx.input(0).data_as<const float>(),
                                      ctx.input(1).data_as<const float>(), ctx.output(0).data_as<float>());
  }
}

int64_t mul_macs(const Node&, const TensorSlot*) { return 0; }

void describe_mul(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const MulData*>(node.op_data);
  std::snprintf(buffer, size, "%s, %s", d->common.is_int8 ? "int8" : "float", activation_name(d->common.activation));
}

}  // namespace

// Versions past 2 add types (int16, int32, ...), which the kernel lookup refuses.
const OpRegistration kMulOp = {18, "MUL", 7, prepare_mul, eval_mul, mul_macs, describe_mul};

}  // namespace tinyinfer
