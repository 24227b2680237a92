// RELU: max(x, 0); int8 / int16 requantize to the output scale first
// (TFLite Micro's reference RELU), int16 symmetric.
#include "ops/relu/relu.h"

#include <limits>

#include "ops/common/activation_common.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

struct ReluData {
  DataType type;
  kernels::ReluQuantParams params;
};

Status prepare_relu(PrepareContext& ctx) {
  Tensor input, output;
  TI_RETURN_IF_ERROR(prepare_unary_activation(ctx, &input, &output));
  auto* data = ctx.allocate_persistent_array<ReluData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = ReluData();
  data->type = input.type;
  if (input.type == DataType::kInt8 || input.type == DataType::kInt16) {
    const bool is_int16 = input.type == DataType::kInt16;
    if (is_int16) {
      TI_RETURN_IF_ERROR(require_zero_point(ctx, input, "input", 0));
      TI_RETURN_IF_ERROR(require_zero_point(ctx, output, "output", 0));
    }
    kernels::ReluQuantParams& p = data->params;
    // TFLite divides the float scales in float, then widens: the multiplier
    // must come from the same rounded quotient to be bit-exact.
    const auto real_multiplier = static_cast<double>(input.quant.scale() / output.quant.scale());
    int shift = 0;
    quant::quantize_multiplier(real_multiplier, &p.output_multiplier, &shift);
    p.output_shift = shift;
    p.input_offset = input.quant.zero_point();
    p.output_offset = output.quant.zero_point();
    const int32_t type_min = is_int16 ? std::numeric_limits<int16_t>::min() : std::numeric_limits<int8_t>::min();
    const int32_t type_max = is_int16 ? std::numeric_limits<int16_t>::max() : std::numeric_limits<int8_t>::max();
    // Real zero in output units (zp + round(0 / scale)); no upper bound.
    const int32_t zero = p.output_offset;
    p.act_min = zero > type_min ? zero : type_min;
    p.act_max = type_max;
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_relu(const EvalContext& ctx) {
  const ReluData& d = *ctx.data<ReluData>();
  const int64_t n = activation_elements(ctx.input(0));
  if (d.type == DataType::kInt8)
    ctx.kernel<kernels::ReluInt8Fn>()(d.params, n, ctx.input(0).data_as<const int8_t>(),
                                      ctx.output(0).data_as<int8_t>());
  else if (d.type == DataType::kInt16)
    ctx.kernel<kernels::ReluInt16Fn>()(d.params, n, ctx.input(0).data_as<const int16_t>(),
                                       ctx.output(0).data_as<int16_t>());
  else
    ctx.kernel<kernels::ReluFloatFn>()(n, ctx.input(0).data_as<const float>(), ctx.output(0).data_as<float>());
}

void describe_relu(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const ReluData*>(node.op_data);
  describe_text(buffer, size, "%s", data_type_name(d->type));
}

}  // namespace

// Versions 2 and 3 add int8 and int16.
const OpRegistration kReluOp = {19, "RELU", 3, prepare_relu, eval_relu, nullptr, describe_relu};

}  // namespace tinyinfer
