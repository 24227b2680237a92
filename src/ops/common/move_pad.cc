#include "ops/common/move_pad.h"

#include <cstring>

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {

Status move_prepare_pad(PrepareContext& ctx, int32_t max_inputs) {
  if (ctx.input_count() < 2 || ctx.input_count() > max_inputs || !ctx.has_input(0) || !ctx.has_input(1) ||
      ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects %s and 1 output",
                     max_inputs == 2 ? "2 inputs (input, paddings)" : "2-3 inputs (input, paddings, value)");
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const Tensor paddings = ctx.input(1);
  const int32_t rank = input.shape.rank;
  int64_t pads[2 * kMaxRank] = {};
  TI_RETURN_IF_ERROR(move_read_paddings(ctx, paddings, rank, pads));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));

  auto* data = ctx.allocate_persistent_array<MovePadData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = MovePadData();
  data->value_input = -1;
  Shape want;
  want.rank = rank;
  kernels::PadGeometry& g = data->geometry;
  g.rank = rank;
  for (int32_t d = 0; d < rank; ++d) {
    const int64_t before = pads[2 * d], after = pads[2 * d + 1];
    if (before < 0 || after < 0 || before > (1 << 24) || after > (1 << 24))
      return ctx.error(StatusCode::kInvalidModel, "paddings of dimension %d (%d, %d) must be >= 0", static_cast<int>(d),
                       static_cast<int>(before), static_cast<int>(after));
    g.in_dims[d] = input.shape.dims[d];
    g.before[d] = static_cast<int32_t>(before);
    g.after[d] = static_cast<int32_t>(after);
    want.dims[d] = static_cast<int32_t>(input.shape.dims[d] + before + after);
  }
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  if (rank == 0) g.in_dims[0] = 1;
  move_simplify_pad(&g);

  const std::size_t element = data_type_size(input.type);
  if (ctx.has_input(2)) {
    const Tensor value = ctx.input(2);
    if (value.type != input.type || value.shape.elements() != 1)
      return ctx.error(StatusCode::kInvalidModel, "the pad value must be one %s element, is %s with %d elements",
                       data_type_name(input.type), data_type_name(value.type),
                       static_cast<int>(value.shape.elements()));
    // An int8 pad value must already be in the output's quantization (TFLite
    // checks int8 only; other types copy the value's bytes).
    if (value.type == DataType::kInt8) TI_RETURN_IF_ERROR(move_check_same_quant(ctx, value, output, "pad value"));
    if (value.is_constant && value.data != nullptr) {
      std::memcpy(data->value, value.data, element);
    } else {
      data->value_input = 2;
    }
  } else if (input.type == DataType::kInt8 && output.quant.is_quantized()) {
    // Quantized zero is the zero point (int16 is symmetric: TFLite pads it
    // with 0, as every other type).
    const auto v = static_cast<int8_t>(output.quant.zero_point());
    std::memcpy(data->value, &v, sizeof(v));
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void move_eval_pad(const EvalContext& ctx, kernels::MovePadFn kernel) {
  const MovePadData& d = *ctx.data<MovePadData>();
  const void* value = d.value_input >= 0 ? ctx.input(d.value_input).data : static_cast<const void*>(d.value);
  kernel(d.geometry, ctx.input(0).data, ctx.output(0).data, value);
}

}  // namespace tinyinfer
