// int8 rescaling of CUMSUM and ADD_N (reduce_rescale.h).
#include "ops/common/reduce_rescale.h"

#include <cmath>

#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status check_int8_quant(const PrepareContext& ctx, const Tensor& t, const char* role) {
  if (!t.quant.is_quantized() || t.quant.per_channel())
    return ctx.error(StatusCode::kUnsupported, "%s tensor '%s' is int8: needs one scale and zero point", role, t.name);
  const float scale = t.quant.scale();
  if (!std::isfinite(scale) || !(scale > 0.0f))
    return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' has scale %g (must be finite and positive)", role,
                     t.name, static_cast<double>(scale));
  const int32_t zp = t.quant.zero_point();
  if (zp < -128 || zp > 127)
    return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' has zero point %d outside int8", role, t.name,
                     static_cast<int>(zp));
  return Status::ok();
}

// TFLite's QuantizeMultiplierSmallerThanOneExp: only multipliers below 1.
bool multiplier_below_one(double real, int32_t* multiplier, int32_t* shift) {
  int s = 0;
  quant::quantize_multiplier(real, multiplier, &s);
  *shift = s;
  return real < 1.0 && s <= 0;
}

}  // namespace

Status prepare_sum_rescale(const PrepareContext& ctx, const Tensor& input, const Tensor& output,
                           kernels::SumRescale* r) {
  TI_RETURN_IF_ERROR(check_int8_quant(ctx, input, "input"));
  TI_RETURN_IF_ERROR(check_int8_quant(ctx, output, "output"));
  *r = kernels::SumRescale();
  r->input_offset = -input.quant.zero_point();
  r->output_offset = output.quant.zero_point();
  const double twice_input_scale = 2.0 * static_cast<double>(input.quant.scale());
  multiplier_below_one(static_cast<double>(input.quant.scale()) / twice_input_scale, &r->input_multiplier,
                       &r->input_shift);
  const double out = twice_input_scale / (static_cast<double>(1 << kernels::reduce::kSumRescaleLeftShift) *
                                          static_cast<double>(output.quant.scale()));
  if (!multiplier_below_one(out, &r->output_multiplier, &r->output_shift))
    return ctx.error(StatusCode::kUnsupported,
                     "output scale %g is below 2^-19 x the input scale %g: the int8 sum cannot be rescaled",
                     static_cast<double>(output.quant.scale()), static_cast<double>(input.quant.scale()));
  return Status::ok();
}

}  // namespace tinyinfer
