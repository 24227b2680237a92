// SOFTMAX over the innermost dimension: float32, int8 -> int8 (output fixed
// at scale 1/256, zero point -128 by the TFLite int8 spec), int8 -> int16
// (1/65536, -32768) and int16 -> int16 (1/32768, 0, TFLite's table softmax).
#include "ops/softmax/softmax.h"

#include <cmath>
#include <cstdio>

#include "dsp/softmax_fixed_point.h"
#include "ops/common/op_params.h"
#include "ops/common/q16_int16_lut.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

// int8: the Q12.19 sum of depth exps of at most 1.0 stays in int32 below 4096.
constexpr int32_t kMaxInt8SoftmaxDepth = 4095;
// int16: the Q16.15 sum of up to depth exps of at most 32767 stays in int32.
constexpr int32_t kMaxInt16SoftmaxDepth = 65536;

struct SoftmaxData {
  DataType input_type, output_type;
  float beta;
  int32_t rows, depth;
  kernels::SoftmaxInt8Params params;  // int8 input
  kernels::SoftmaxInt16Params int16;  // int16 input
};

// |scale - want| within TFLite's tolerance of a thousandth of `want`.
bool scale_near(float scale, float want) { return std::fabs(scale - want) <= 0.001f * want; }

Status prepare_softmax_from_int8(PrepareContext& ctx, SoftmaxData* data) {
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, input, "input"));
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, output, "output"));
  if (output.type == DataType::kInt8) {
    if (output.quant.zero_point() != -128 || output.quant.scale() != 1.0f / 256.0f)
      return ctx.error(StatusCode::kUnsupported, "int8 output must have scale 1/256 and zero point -128 (has %g, %d)",
                       static_cast<double>(output.quant.scale()), output.quant.zero_point());
  } else if (output.quant.zero_point() != -32768 || !scale_near(output.quant.scale(), 1.0f / 65536.0f)) {
    return ctx.error(StatusCode::kUnsupported,
                     "int16 output of an int8 softmax must have scale 1/65536 and zero point -32768 (has %g, %d)",
                     static_cast<double>(output.quant.scale()), output.quant.zero_point());
  }
  // Deeper rows could overflow the Q12.19 sum of exponentials.
  if (data->depth > kMaxInt8SoftmaxDepth)
    return ctx.error(StatusCode::kUnsupported, "int8 rows of %d values (max %d)", data->depth, kMaxInt8SoftmaxDepth);
  quant::prepare_softmax_int8(data->beta, input.quant.scale(), &data->params);
  if (data->params.input_multiplier == 0 || data->params.input_left_shift < 0)
    return ctx.error(StatusCode::kUnsupported, "beta x input scale %g is too small for int8 softmax",
                     static_cast<double>(data->beta) * input.quant.scale());
  return Status::ok();
}

float exp_of(float x) { return std::exp(x); }
float one_over_one_plus(float x) { return 1.0f / (1.0f + x); }

// TFLite's int16 softmax: zero points 0, output scale 1/32768, the two
// tables built here as TFLite Micro builds them at prepare.
Status prepare_softmax_int16(PrepareContext& ctx, SoftmaxData* data) {
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, input, "input"));
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, output, "output"));
  if (input.quant.zero_point() != 0 || output.quant.zero_point() != 0)
    return ctx.error(StatusCode::kUnsupported, "int16 zero points must be 0 (input %d, output %d)",
                     input.quant.zero_point(), output.quant.zero_point());
  if (!scale_near(output.quant.scale(), 1.0f / 32768.0f))
    return ctx.error(StatusCode::kUnsupported, "int16 output must have scale 1/32768 (has %g)",
                     static_cast<double>(output.quant.scale()));
  if (data->depth > kMaxInt16SoftmaxDepth)
    return ctx.error(StatusCode::kUnsupported, "int16 rows of %d values (max %d)", data->depth, kMaxInt16SoftmaxDepth);
  kernels::SoftmaxInt16Params& p = data->int16;
  // The input difference scaled so that [-65535, 0] covers [-10, 0].
  const double rescale = static_cast<double>(input.quant.scale()) * static_cast<double>(data->beta) / (10.0 / 65535.0);
  int shift = 0;
  quant::quantize_multiplier(rescale, &p.input_multiplier, &shift);
  p.input_shift = shift;
  auto* exp_lut = ctx.allocate_persistent_array<int16_t>(quant::kInt16LutSize);
  auto* reciprocal_lut = ctx.allocate_persistent_array<int16_t>(quant::kInt16LutSize);
  if (exp_lut == nullptr || reciprocal_lut == nullptr) return ctx.arena_exhausted();
  // exp on [-10, 0] (exp(-10) is negligible in the sum), 1/(1 + x) on [0, 1].
  constexpr float kRange = 65535.0f;
  quant::populate_int16_lut(exp_of, 10.0f / kRange, 32767, 2.0f / kRange, 0, exp_lut);
  quant::populate_int16_lut(one_over_one_plus, 1.0f / kRange, -32768, 2.0f / kRange, 0, reciprocal_lut);
  p.exp_lut = exp_lut;
  p.one_over_one_plus_x_lut = reciprocal_lut;
  return Status::ok();
}

Status prepare_softmax(PrepareContext& ctx) {
  if (ctx.input_count() != 1 || !ctx.has_input(0) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 1 input and 1 output");
  const Tensor& input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const auto* opt = format::options_as<fb::SoftmaxOptions>(ctx.info(), fb::BuiltinOptions::SoftmaxOptions);
  const float beta = opt ? opt->beta() : 1.0f;
  if (!std::isfinite(beta) || beta <= 0.0f)
    return ctx.error(StatusCode::kInvalidModel, "beta %g must be positive", static_cast<double>(beta));
  if (input.shape != output.shape) return ctx.error(StatusCode::kInvalidModel, "input and output differ in shape");
  if (input.shape.rank < 1) return ctx.error(StatusCode::kInvalidModel, "scalar input");
  auto* data = ctx.allocate_persistent_array<SoftmaxData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = SoftmaxData();
  data->beta = beta;
  data->input_type = input.type;
  data->output_type = output.type;
  data->depth = input.shape.dims[input.shape.rank - 1];
  data->rows = data->depth > 0 ? static_cast<int32_t>(input.shape.elements() / data->depth) : 0;
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  if (input.type == DataType::kInt8) TI_RETURN_IF_ERROR(prepare_softmax_from_int8(ctx, data));
  if (input.type == DataType::kInt16) TI_RETURN_IF_ERROR(prepare_softmax_int16(ctx, data));
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_softmax(const EvalContext& ctx) {
  const SoftmaxData& d = *ctx.data<SoftmaxData>();
  if (d.input_type == DataType::kInt16) {
    ctx.kernel<kernels::SoftmaxInt16Fn>()(d.int16, d.rows, d.depth, ctx.input(0).data_as<const int16_t>(),
                                          ctx.output(0).data_as<int16_t>());
  } else if (d.input_type == DataType::kInt8 && d.output_type == DataType::kInt16) {
    ctx.kernel<kernels::SoftmaxFromInt8Fn<int16_t>>()(d.params, d.rows, d.depth, ctx.input(0).data_as<const int8_t>(),
                                                      ctx.output(0).data_as<int16_t>());
  } else if (d.input_type == DataType::kInt8) {
    ctx.kernel<kernels::SoftmaxInt8Fn>()(d.params, d.rows, d.depth, ctx.input(0).data_as<const int8_t>(),
                                         ctx.output(0).data_as<int8_t>());
  } else {
    ctx.kernel<kernels::SoftmaxFloatFn>()(d.beta, d.rows, d.depth, ctx.input(0).data_as<const float>(),
                                          ctx.output(0).data_as<float>());
  }
}

void describe_softmax(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const SoftmaxData*>(node.op_data);
  describe_text(buffer, size, "%s -> %s, beta %g, %d x %d", data_type_name(d->input_type),
                data_type_name(d->output_type), static_cast<double>(d->beta), d->rows, d->depth);
}

}  // namespace

const OpRegistration kSoftmaxOp = {25, "SOFTMAX", 3, prepare_softmax, eval_softmax, nullptr, describe_softmax};

}  // namespace tinyinfer
