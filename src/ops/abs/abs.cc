// ABS (TFLite op versions 1-5): float32; int8 and int16 quantized per tensor
// (int16 symmetric, zero points 0) with requantization when the input and
// output scales differ; int16 without quantization on raw integers. Other
// types (int32: version 5) are refused by the kernel lookup.
#include "ops/abs/abs.h"

#include "dsp/fixed_point.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

struct AbsData {
  kernels::UnaryQuantParams params;
};

Status prepare_abs(PrepareContext& ctx) {
  TI_RETURN_IF_ERROR(prepare_unary(ctx, /*same_type=*/true));
  const Tensor& input = ctx.input(0);
  if (input.type != DataType::kInt8 && input.type != DataType::kInt16) return Status::ok();
  auto* data = ctx.allocate_persistent_array<AbsData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = AbsData();
  kernels::UnaryQuantParams& p = data->params;
  TI_RETURN_IF_ERROR(prepare_unary_quantization(ctx, /*allow_unquantized_int16=*/true, &p));
  if (p.quantized && p.needs_rescale) {
    // TFLite divides the scales in float, then widens to double.
    const float ratio = input.quant.scale() / ctx.output(0).quant.scale();
    int shift = 0;
    quant::quantize_multiplier(static_cast<double>(ratio), &p.multiplier, &shift);
    p.shift = shift;
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_abs(const EvalContext& ctx) {
  const TensorSlot& in = ctx.input(0);
  const TensorSlot& out = ctx.output(0);
  switch (in.type) {
    case DataType::kInt8:
      ctx.kernel<kernels::UnaryInt8Fn>()(ctx.data<AbsData>()->params, in.elements(), in.data_as<const int8_t>(),
                                         out.data_as<int8_t>());
      break;
    case DataType::kInt16:
      ctx.kernel<kernels::UnaryInt16Fn>()(ctx.data<AbsData>()->params, in.elements(), in.data_as<const int16_t>(),
                                          out.data_as<int16_t>());
      break;
    default:
      eval_unary_float(ctx);
      break;
  }
}

}  // namespace

const OpRegistration kAbsOp = {101, "ABS", 5, prepare_abs, eval_abs, nullptr, describe_unary};

}  // namespace tinyinfer
