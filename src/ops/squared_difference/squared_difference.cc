// SQUARED_DIFFERENCE with TFLite broadcasting: float32, int32, int8 and int16
// (zero points 0) with TFLite Micro's rescale.
#include "ops/squared_difference/squared_difference.h"

#include <algorithm>

#include "ops/common/binary_ops.h"

namespace tinyinfer {
namespace {

// TFLite Micro's PrepareQuantized: inputs to 2 * max(input scales) after a
// left shift (int8 7, int16 0: the squared difference stays inside int32),
// the square to the output scale, in double as TFLite Micro computes it.
Status prepare_squared_difference_quantized(PrepareContext& ctx, kernels::BinaryParams* p) {
  const Tensor a = ctx.input(0);
  const Tensor b = ctx.input(1);
  const Tensor out = ctx.output(0);
  const bool is_int16 = out.type == DataType::kInt16;
  TI_RETURN_IF_ERROR(require_binary_quantized(ctx, a, "input 1", is_int16));
  TI_RETURN_IF_ERROR(require_binary_quantized(ctx, b, "input 2", is_int16));
  TI_RETURN_IF_ERROR(require_binary_quantized(ctx, out, "output", is_int16));
  p->left_shift = is_int16 ? 0 : 7;
  p->input1_offset = -a.quant.zero_point();
  p->input2_offset = -b.quant.zero_point();
  p->output_offset = out.quant.zero_point();
  p->act_min = is_int16 ? -32768 : -128;
  p->act_max = is_int16 ? 32767 : 127;
  const double twice_max_input_scale = 2.0 * static_cast<double>(std::max(a.quant.scale(), b.quant.scale()));
  const double real_input1 = static_cast<double>(a.quant.scale()) / twice_max_input_scale;
  const double real_input2 = static_cast<double>(b.quant.scale()) / twice_max_input_scale;
  // (1 << 2 * left_shift) * output scale is a float product in TFLite Micro.
  const double real_output =
      (twice_max_input_scale * twice_max_input_scale) /
      static_cast<double>(static_cast<float>(int32_t{1} << (p->left_shift * 2)) * out.quant.scale());
  TI_RETURN_IF_ERROR(
      quantize_multiplier_below_one(ctx, real_input1, "input 1", &p->input1_multiplier, &p->input1_shift));
  TI_RETURN_IF_ERROR(
      quantize_multiplier_below_one(ctx, real_input2, "input 2", &p->input2_multiplier, &p->input2_shift));
  int shift = 0;
  quant::quantize_multiplier(real_output, &p->output_multiplier, &shift);
  // A factor above 1 (shift > 0) is allowed as in TFLite Micro, whose
  // MultiplyByQuantizedMultiplier shifts the square left the same way.
  p->output_shift = shift;
  return Status::ok();
}

Status prepare_squared_difference(PrepareContext& ctx) {
  BinaryOpData* data = nullptr;
  TI_RETURN_IF_ERROR(prepare_binary_op(ctx, &data));
  if (data->output_type == DataType::kInt8 || data->output_type == DataType::kInt16)
    return prepare_squared_difference_quantized(ctx, &data->params);
  return Status::ok();
}

}  // namespace

const OpRegistration kSquaredDifferenceOp = {
    99, "SQUARED_DIFFERENCE", 2, prepare_squared_difference, eval_binary_op, nullptr, describe_binary_op};

}  // namespace tinyinfer
