// RSQRT (TFLite op versions 1-3): float32 and int8 quantized per tensor;
// other types (int16: version 3, which TFLite Micro does not run either) are
// refused by the kernel lookup.
#include "ops/rsqrt/rsqrt.h"

#include <cmath>

#include "dsp/fixed_point.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

// The kernel's fixed-point 1/sqrt carries 20 fractional bits that the
// requantization shifts back out (TFLite's kShift).
constexpr int kRsqrtFractionBits = 20;

struct RsqrtData {
  kernels::UnaryQuantParams params;
};

Status prepare_rsqrt(PrepareContext& ctx) {
  TI_RETURN_IF_ERROR(prepare_unary(ctx, /*same_type=*/true));
  const Tensor& input = ctx.input(0);
  if (input.type != DataType::kInt8) return Status::ok();
  auto* data = ctx.allocate_persistent_array<RsqrtData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = RsqrtData();
  kernels::UnaryQuantParams& p = data->params;
  TI_RETURN_IF_ERROR(prepare_unary_quantization(ctx, /*allow_unquantized_int16=*/false, &p));
  // As TFLite: sqrt and product in float, the reciprocal in double.
  const float output_scale = ctx.output(0).quant.scale();
  const double real = 1.0 / static_cast<double>(std::sqrt(input.quant.scale()) * output_scale);
  int shift = 0;
  quant::quantize_multiplier(real, &p.multiplier, &shift);
  p.shift = shift;
  // The kernel shifts right by 20 - shift; beyond 31 bits TFLite's rounding
  // shift is undefined, so such scales (output scale > ~2^11 / sqrt(input
  // scale)) are refused rather than guessed.
  if (p.multiplier == 0 || kRsqrtFractionBits - p.shift > 31)
    return ctx.error(StatusCode::kUnsupported,
                     "int8 rescale factor 1/(sqrt(input scale %g) * output scale %g) = %g is too small",
                     static_cast<double>(input.quant.scale()), static_cast<double>(output_scale), real);
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_rsqrt(const EvalContext& ctx) {
  const TensorSlot& in = ctx.input(0);
  if (in.type == DataType::kInt8) {
    ctx.kernel<kernels::UnaryInt8Fn>()(ctx.data<RsqrtData>()->params, in.elements(), in.data_as<const int8_t>(),
                                       ctx.output(0).data_as<int8_t>());
  } else {
    eval_unary_float(ctx);
  }
}

}  // namespace

const OpRegistration kRsqrtOp = {76, "RSQRT", 3, prepare_rsqrt, eval_rsqrt, nullptr, describe_unary};

}  // namespace tinyinfer
