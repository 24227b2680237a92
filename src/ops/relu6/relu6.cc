// RELU6: min(max(x, 0), 6). int8 / int16 clamp the raw values at the input's
// quantized 0 and 6, as TFLite Micro's reference kernel does.
#include "ops/relu6/relu6.h"

#include <cmath>
#include <limits>

#include "ops/common/activation_common.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

struct Relu6Data {
  DataType type;
  kernels::Relu6QuantParams params;
};

Status prepare_relu6(PrepareContext& ctx) {
  Tensor input, output;
  TI_RETURN_IF_ERROR(prepare_unary_activation(ctx, &input, &output));
  auto* data = ctx.allocate_persistent_array<Relu6Data>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = Relu6Data();
  data->type = input.type;
  if (input.type == DataType::kInt8 || input.type == DataType::kInt16) {
    const bool is_int16 = input.type == DataType::kInt16;
    const int32_t type_min = is_int16 ? std::numeric_limits<int16_t>::min() : std::numeric_limits<int8_t>::min();
    const int32_t type_max = is_int16 ? std::numeric_limits<int16_t>::max() : std::numeric_limits<int8_t>::max();
    const int32_t zp = input.quant.zero_point();
    // 6 quantized with the input's parameters, saturated to the type
    // (TFLite's FloatToQuantizedType: float division, round half away).
    const double six = std::round(static_cast<double>(6.0f / input.quant.scale())) + zp;
    data->params.zero = zp;
    data->params.six = static_cast<int32_t>(six < type_min ? type_min : (six > type_max ? type_max : six));
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_relu6(const EvalContext& ctx) {
  const Relu6Data& d = *ctx.data<Relu6Data>();
  const int64_t n = activation_elements(ctx.input(0));
  if (d.type == DataType::kInt8)
    ctx.kernel<kernels::Relu6Int8Fn>()(d.params, n, ctx.input(0).data_as<const int8_t>(),
                                       ctx.output(0).data_as<int8_t>());
  else if (d.type == DataType::kInt16)
    ctx.kernel<kernels::Relu6Int16Fn>()(d.params, n, ctx.input(0).data_as<const int16_t>(),
                                        ctx.output(0).data_as<int16_t>());
  else
    ctx.kernel<kernels::Relu6FloatFn>()(n, ctx.input(0).data_as<const float>(), ctx.output(0).data_as<float>());
}

void describe_relu6(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const Relu6Data*>(node.op_data);
  describe_text(buffer, size, "%s", data_type_name(d->type));
}

}  // namespace

const OpRegistration kRelu6Op = {21, "RELU6", 3, prepare_relu6, eval_relu6, nullptr, describe_relu6};

}  // namespace tinyinfer
