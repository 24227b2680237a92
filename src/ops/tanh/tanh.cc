// TANH: float32; int8 with output scale 1/128, zero point 0 (gemmlowp fixed
// point); int16 symmetric with output scale 2^-15 (TFLite Micro's
// interpolated lookup table).
#include "ops/tanh/tanh.h"

#include "ops/common/activation_common.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

struct TanhData {
  DataType type;
  kernels::SigmoidQuantParams params;
};

Status prepare_tanh(PrepareContext& ctx) {
  Tensor input, output;
  TI_RETURN_IF_ERROR(prepare_unary_activation(ctx, &input, &output));
  auto* data = ctx.allocate_persistent_array<TanhData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = TanhData();
  data->type = input.type;
  kernels::SigmoidQuantParams& p = data->params;
  if (input.type == DataType::kInt8) {
    if (output.quant.zero_point() != 0 || output.quant.scale() != 1.0f / 128.0f)
      return ctx.error(StatusCode::kUnsupported, "int8 output must have scale 1/128 and zero point 0 (has %g, %d)",
                       static_cast<double>(output.quant.scale()), output.quant.zero_point());
    p.input_zero_point = input.quant.zero_point();
    act::prepare_q4_input_scaling(input.quant.scale(), &p.input_multiplier, &p.input_left_shift, &p.input_range_radius);
  } else if (input.type == DataType::kInt16) {
    TI_RETURN_IF_ERROR(require_zero_point(ctx, input, "input", 0));
    TI_RETURN_IF_ERROR(require_zero_point(ctx, output, "output", 0));
    int out_log2 = 0;
    if (!act::checked_log2(output.quant.scale(), &out_log2) || out_log2 != -15)
      return ctx.error(StatusCode::kUnsupported, "int16 output must have scale 2^-15 (has %g)",
                       static_cast<double>(output.quant.scale()));
    act::prepare_int16_lut_input_scaling(input.quant.scale(), 1, &p.input_multiplier, &p.input_left_shift);
    if (p.input_multiplier > 32767)
      return ctx.error(StatusCode::kUnsupported, "int16 input scale %g too large (max about 2.67)",
                       static_cast<double>(input.quant.scale()));
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_tanh(const EvalContext& ctx) {
  const TanhData& d = *ctx.data<TanhData>();
  const int64_t n = activation_elements(ctx.input(0));
  if (d.type == DataType::kInt8)
    ctx.kernel<kernels::TanhInt8Fn>()(d.params, n, ctx.input(0).data_as<const int8_t>(),
                                      ctx.output(0).data_as<int8_t>());
  else if (d.type == DataType::kInt16)
    ctx.kernel<kernels::TanhInt16Fn>()(d.params, n, ctx.input(0).data_as<const int16_t>(),
                                       ctx.output(0).data_as<int16_t>());
  else
    ctx.kernel<kernels::TanhFloatFn>()(n, ctx.input(0).data_as<const float>(), ctx.output(0).data_as<float>());
}

int64_t tanh_macs(const Node&, const TensorSlot*) { return 0; }

void describe_tanh(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const TanhData*>(node.op_data);
  describe_text(buffer, size, "%s", data_type_name(d->type));
}

}  // namespace

const OpRegistration kTanhOp = {28, "TANH", 3, prepare_tanh, eval_tanh, tanh_macs, describe_tanh};

}  // namespace tinyinfer
