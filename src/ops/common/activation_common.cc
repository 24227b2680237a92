#include "ops/common/activation_common.h"

#include <cmath>
#include <cstdlib>
#include <limits>

#include "dsp/fixed_point.h"
#include "ops/common/op_params.h"

namespace tinyinfer {

Status require_per_tensor_quant(const PrepareContext& ctx, const Tensor& t, const char* role) {
  if (!t.quant.is_quantized())
    return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' is %s without quantization", role, t.name,
                     data_type_name(t.type));
  if (t.quant.per_channel())
    return ctx.error(StatusCode::kUnsupported, "%s tensor '%s' must be quantized per tensor", role, t.name);
  const float scale = t.quant.scale();
  if (!(scale > 0.0f) || !std::isfinite(scale))
    return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' has scale %g (must be positive)", role, t.name,
                     static_cast<double>(scale));
  return Status::ok();
}

Status require_zero_point(const PrepareContext& ctx, const Tensor& t, const char* role, int32_t zero_point) {
  if (t.quant.zero_point() != zero_point)
    return ctx.error(StatusCode::kUnsupported, "%s %s tensor '%s' must have zero point %d (has %d)",
                     data_type_name(t.type), role, t.name, zero_point, t.quant.zero_point());
  return Status::ok();
}

Status prepare_unary_activation(PrepareContext& ctx, Tensor* input, Tensor* output) {
  if (ctx.input_count() != 1 || !ctx.has_input(0) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 1 input and 1 output");
  *input = ctx.input(0);
  *output = ctx.output(0);
  if (input->type != output->type)
    return ctx.error(StatusCode::kInvalidModel, "input type %s and output type %s differ", data_type_name(input->type),
                     data_type_name(output->type));
  if (input->shape != output->shape) {
    char a[64], b[64];
    format_shape(input->shape, a, sizeof(a));
    format_shape(output->shape, b, sizeof(b));
    return ctx.error(StatusCode::kInvalidModel, "input shape %s and output shape %s differ", a, b);
  }
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input->type}, output->type)));
  if (input->type == DataType::kInt8 || input->type == DataType::kInt16) {
    TI_RETURN_IF_ERROR(require_per_tensor_quant(ctx, *input, "input"));
    TI_RETURN_IF_ERROR(require_per_tensor_quant(ctx, *output, "output"));
  }
  return Status::ok();
}

Status prepare_sigmoid_family(PrepareContext& ctx, const SigmoidFamilySpec& spec) {
  Tensor input, output;
  TI_RETURN_IF_ERROR(prepare_unary_activation(ctx, &input, &output));
  auto* data = ctx.allocate_persistent_array<SigmoidFamilyData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = SigmoidFamilyData();
  data->type = input.type;
  kernels::SigmoidQuantParams& p = data->params;
  if (input.type == DataType::kInt8) {
    const float want_scale = 1.0f / static_cast<float>(spec.int8_output_scale_inverse);
    if (output.quant.zero_point() != spec.int8_output_zero_point || output.quant.scale() != want_scale)
      return ctx.error(StatusCode::kUnsupported, "int8 output must have scale 1/%d and zero point %d (has %g, %d)",
                       spec.int8_output_scale_inverse, spec.int8_output_zero_point,
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
    act::prepare_int16_lut_input_scaling(input.quant.scale(), spec.int16_max_pot_shift, &p.input_multiplier,
                                         &p.input_left_shift);
    if (p.input_multiplier > 32767)
      return ctx.error(StatusCode::kUnsupported, "int16 input scale %g too large (max about 2.67)",
                       static_cast<double>(input.quant.scale()));
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void describe_sigmoid_family(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const SigmoidFamilyData*>(node.op_data);
  describe_text(buffer, size, "%s", data_type_name(d->type));
}

namespace act {

int32_t calculate_input_radius(int integer_bits, int left_shift, int total_signed_bits) {
  const double max_input_rescaled = 1.0 * static_cast<double>((1 << integer_bits) - 1) *
                                    std::ldexp(1.0, total_signed_bits - integer_bits) / std::ldexp(1.0, left_shift);
  const double radius = std::floor(max_input_rescaled);
  const double int32_max = static_cast<double>(std::numeric_limits<int32_t>::max());
  return static_cast<int32_t>(radius > int32_max ? int32_max : radius);
}

bool checked_log2(float x, int* log2_result) {
  // float log with TFLite's constant, then round half away from zero.
  const float x_log2 = std::log(x) * (1.0f / std::log(2.0f));
  const float x_log2_rounded = std::round(x_log2);
  const float x_log2_fracpart = x_log2 - x_log2_rounded;
  *log2_result = static_cast<int>(x_log2_rounded);
  return std::abs(x_log2_fracpart) < 1e-3f;
}

int16_t downscale_int32_to_int16_multiplier(int32_t multiplier) {
  constexpr int32_t kRoundingOffset = 1 << 15;
  if (multiplier >= std::numeric_limits<int32_t>::max() - kRoundingOffset) return std::numeric_limits<int16_t>::max();
  return static_cast<int16_t>((multiplier + kRoundingOffset) >> 16);
}

void quantize_signed_multiplier(double real_multiplier, int32_t* multiplier, int* shift) {
  const bool negative = real_multiplier < 0.0;
  quant::quantize_multiplier(negative ? -real_multiplier : real_multiplier, multiplier, shift);
  if (negative) *multiplier = -*multiplier;
}

void prepare_q4_input_scaling(float input_scale, int32_t* multiplier, int32_t* left_shift, int32_t* radius) {
  constexpr int kInputIntegerBits = 4;
  const double real = static_cast<double>(input_scale) * static_cast<double>(1 << (31 - kInputIntegerBits));
  int shift = 0;
  const double q = std::frexp(real, &shift);
  *multiplier = static_cast<int32_t>(std::round(q * static_cast<double>(int64_t{1} << 31)));
  *left_shift = shift;
  *radius = calculate_input_radius(kInputIntegerBits, shift, 31);
}

void prepare_int16_lut_input_scaling(float input_scale, int max_pot_shift, int32_t* multiplier, int32_t* left_shift) {
  constexpr int kInputIntegerBits = 3;
  int scale_log2 = 0;
  bool pot = checked_log2(input_scale, &scale_log2);
  int shift = (15 - kInputIntegerBits) + scale_log2;
  pot = pot && shift >= 0 && shift <= max_pot_shift;
  if (pot) {
    *multiplier = 0;
    *left_shift = shift;
    return;
  }
  double m = static_cast<double>(input_scale) * 4096.0 * 3.0;
  shift = 0;
  while (m <= 32767.0 / 2.0 && shift <= 30) {
    ++shift;
    m *= 2.0;
  }
  *multiplier = static_cast<int32_t>(m);
  *left_shift = shift;
}

}  // namespace act

}  // namespace tinyinfer
