// QUANTIZE (TFLite op versions 1-3): float32 -> int8 / int16 per tensor or per
// channel (version 3), and the requantizations TFLite Micro has between
// integer types: int8 -> int8 / uint8 / int16 / int32, uint8 -> int8,
// int16 -> int8 / int16 / int32, int32 -> int8 / int16.
#include "ops/quantize/quantize.h"

#include <cmath>

#include "dsp/fixed_point.h"
#include "ops/common/op_params.h"
#include "ops/common/per_tensor_conversion.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

struct RequantizeData {
  kernels::RequantizeParams params;
  DataType input_type, output_type;
  float input_scale, output_scale;
};

Status require_per_tensor_scale(const PrepareContext& ctx, const Tensor& t, const char* role) {
  if (!t.quant.is_quantized())
    return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' is %s without quantization", role, t.name,
                     data_type_name(t.type));
  if (t.quant.per_channel())
    return ctx.error(StatusCode::kUnsupported, "%s tensor '%s' must be quantized per tensor", role, t.name);
  if (!(t.quant.scale() > 0.0f) || !std::isfinite(t.quant.scale()))
    return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' has scale %g", role, t.name,
                     static_cast<double>(t.quant.scale()));
  return Status::ok();
}

// Integer input: TFLite's Requantize with multiplier in_scale / out_scale
// (in double, as TFLite Micro computes it).
Status prepare_requantize(PrepareContext& ctx) {
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  if (input.shape.elements() != output.shape.elements())
    return ctx.error(StatusCode::kInvalidModel, "element counts differ");
  TI_RETURN_IF_ERROR(require_per_tensor_scale(ctx, input, "input"));
  TI_RETURN_IF_ERROR(require_per_tensor_scale(ctx, output, "output"));
  auto* data = ctx.allocate_persistent_array<RequantizeData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = RequantizeData();
  data->input_type = input.type;
  data->output_type = output.type;
  data->input_scale = input.quant.scale();
  data->output_scale = output.quant.scale();
  kernels::RequantizeParams& p = data->params;
  int shift = 0;
  quant::quantize_multiplier(static_cast<double>(input.quant.scale()) / static_cast<double>(output.quant.scale()),
                             &p.multiplier, &shift);
  p.shift = shift;
  p.input_zero_point = input.quant.zero_point();
  p.output_zero_point = output.quant.zero_point();
  ctx.node().op_data = data;
  return Status::ok();
}

Status prepare_quantize(PrepareContext& ctx) {
  if (ctx.input_count() != 1 || !ctx.has_input(0) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 1 input and 1 output");
  if (ctx.input(0).type == DataType::kFloat32) return prepare_per_tensor_conversion(ctx, false);
  return prepare_requantize(ctx);
}

template <typename In, typename Out>
void run_requantize(const EvalContext& ctx, const kernels::RequantizeParams& p) {
  ctx.kernel<kernels::RequantizeFn<In, Out>>()(p, ctx.input(0).elements(), ctx.input(0).data_as<const In>(),
                                               ctx.output(0).data_as<Out>());
}

template <typename In>
void requantize_from(const EvalContext& ctx, const RequantizeData& d) {
  switch (d.output_type) {
    case DataType::kInt8:
      run_requantize<In, int8_t>(ctx, d.params);
      break;
    case DataType::kUInt8:
      run_requantize<In, uint8_t>(ctx, d.params);
      break;
    case DataType::kInt16:
      run_requantize<In, int16_t>(ctx, d.params);
      break;
    case DataType::kInt32:
      run_requantize<In, int32_t>(ctx, d.params);
      break;
    default:  // no kernel is registered for another type
      break;
  }
}

void eval_quantize(const EvalContext& ctx) {
  const TensorSlot& input = ctx.input(0);
  const TensorSlot& output = ctx.output(0);
  if (input.type == DataType::kFloat32) {
    const auto& d = *ctx.data<ConversionData>();
    if (output.type == DataType::kInt16)
      run_conversion(d, ctx.kernel<kernels::QuantizeFloatFn<int16_t>>(), input.elements(), input.data_as<const float>(),
                     output.data_as<int16_t>());
    else
      run_conversion(d, ctx.kernel<kernels::QuantizeFn>(), input.elements(), input.data_as<const float>(),
                     output.data_as<int8_t>());
    return;
  }
  const auto& d = *ctx.data<RequantizeData>();
  switch (d.input_type) {
    case DataType::kInt8:
      requantize_from<int8_t>(ctx, d);
      break;
    case DataType::kUInt8:
      requantize_from<uint8_t>(ctx, d);
      break;
    case DataType::kInt16:
      requantize_from<int16_t>(ctx, d);
      break;
    case DataType::kInt32:
      requantize_from<int32_t>(ctx, d);
      break;
    default:  // no kernel is registered for another type
      break;
  }
}

void describe_quantize(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size) {
  if (tensors[node.inputs[0]].type == DataType::kFloat32) {
    describe_conversion(node, tensors, buffer, size);
    return;
  }
  const auto* d = static_cast<const RequantizeData*>(node.op_data);
  describe_text(buffer, size, "%s -> %s, scale %g -> %g, zero point %d -> %d", data_type_name(d->input_type),
                data_type_name(d->output_type), static_cast<double>(d->input_scale),
                static_cast<double>(d->output_scale), d->params.input_zero_point, d->params.output_zero_point);
}

}  // namespace

const OpRegistration kQuantizeOp = {114, "QUANTIZE", 3, prepare_quantize, eval_quantize, nullptr, describe_quantize};

}  // namespace tinyinfer
