// LOG_SOFTMAX over the innermost dimension: float32, and int8 with output
// scale 16/256, zero point 127 (fixed by the TFLite int8 spec).
#include "ops/log_softmax/log_softmax.h"

#include <algorithm>
#include <cmath>

#include "dsp/fixed_point.h"
#include "ops/common/activation_common.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

struct LogSoftmaxData {
  DataType type;
  int32_t rows, depth;
  kernels::LogSoftmaxInt8Params params;
};

// TFLite's PreprocessLogSoftmaxScalingExp with beta 1 and 5 integer bits.
Status prepare_int8_params(PrepareContext& ctx, float input_scale, kernels::LogSoftmaxInt8Params* p) {
  constexpr int kScaledDiffIntegerBits = 5;
  const double real_multiplier =
      std::min(static_cast<double>(input_scale) * static_cast<double>(1 << (31 - kScaledDiffIntegerBits)),
               static_cast<double>((int64_t{1} << 31) - 1));
  // TFLite requires a multiplier above 1 (aborts otherwise); at the top end
  // the shift must stay a valid int32 left shift.
  if (!(real_multiplier > 1.0) || real_multiplier >= static_cast<double>(int64_t{1} << 30))
    return ctx.error(StatusCode::kUnsupported, "int8 input scale %g out of range (2^-26, 16)",
                     static_cast<double>(input_scale));
  int shift = 0;
  quant::quantize_multiplier(real_multiplier, &p->input_multiplier, &shift);
  p->input_left_shift = shift;
  const double reverse = std::ldexp(1.0, 31 - shift) / static_cast<double>(p->input_multiplier);
  if (!(reverse < 1.0))
    return ctx.error(StatusCode::kUnsupported, "int8 input scale %g gives no reverse scaling below 1",
                     static_cast<double>(input_scale));
  quant::quantize_multiplier(reverse, &p->reverse_scaling_divisor, &shift);
  p->reverse_scaling_shift = shift;
  p->diff_min = -act::calculate_input_radius(kScaledDiffIntegerBits, p->input_left_shift, 31);
  return Status::ok();
}

Status prepare_log_softmax(PrepareContext& ctx) {
  Tensor input, output;
  TI_RETURN_IF_ERROR(prepare_unary_activation(ctx, &input, &output));
  if (input.shape.rank < 1) return ctx.error(StatusCode::kInvalidModel, "scalar input");
  auto* data = ctx.allocate_persistent_array<LogSoftmaxData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = LogSoftmaxData();
  data->type = input.type;
  data->depth = input.shape.dims[input.shape.rank - 1];
  data->rows = data->depth > 0 ? static_cast<int32_t>(input.shape.elements() / data->depth) : 0;
  if (input.type == DataType::kInt8) {
    if (output.quant.scale() != 16.0f / 256.0f || output.quant.zero_point() != 127)
      return ctx.error(StatusCode::kUnsupported, "int8 output must have scale 16/256 and zero point 127 (has %g, %d)",
                       static_cast<double>(output.quant.scale()), output.quant.zero_point());
    TI_RETURN_IF_ERROR(prepare_int8_params(ctx, input.quant.scale(), &data->params));
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_log_softmax(const EvalContext& ctx) {
  const LogSoftmaxData& d = *ctx.data<LogSoftmaxData>();
  if (d.type == DataType::kInt8)
    ctx.kernel<kernels::LogSoftmaxInt8Fn>()(d.params, d.rows, d.depth, ctx.input(0).data_as<const int8_t>(),
                                            ctx.output(0).data_as<int8_t>());
  else
    ctx.kernel<kernels::LogSoftmaxFloatFn>()(d.rows, d.depth, ctx.input(0).data_as<const float>(),
                                             ctx.output(0).data_as<float>());
}

void describe_log_softmax(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const LogSoftmaxData*>(node.op_data);
  describe_text(buffer, size, "%s, %d x %d", data_type_name(d->type), d->rows, d->depth);
}

}  // namespace

const OpRegistration kLogSoftmaxOp = {50,      "LOG_SOFTMAX",       2, prepare_log_softmax, eval_log_softmax,
                                      nullptr, describe_log_softmax};

}  // namespace tinyinfer
