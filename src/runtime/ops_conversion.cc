// RESHAPE, QUANTIZE (float -> int8) and DEQUANTIZE (int8 -> float).
#include <cstdio>
#include <cstring>

#include "runtime/op_params.h"

namespace tinyinfer {
namespace {

struct ConversionData {
  float scale;
  int32_t zero_point;
};

Status prepare_reshape(PrepareContext& ctx) {
  // The optional second input (the new shape) only repeats what the output
  // tensor's static shape already says; we trust and check the latter.
  if (ctx.input_count() < 1 || ctx.input_count() > 2 || !ctx.has_input(0) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 1-2 inputs and 1 output");
  const Tensor& input = ctx.input(0);
  const Tensor& output = ctx.output(0);
  if (input.type != output.type || input.bytes != output.bytes)
    return ctx.error(StatusCode::kInvalidModel, "%s of %u bytes cannot reshape to %s of %u bytes",
                     data_type_name(input.type), static_cast<unsigned>(input.bytes),
                     data_type_name(output.type), static_cast<unsigned>(output.bytes));
  return ctx.use_kernel(signature({input.type}, output.type));
}

void eval_reshape(const EvalContext& ctx) {
  ctx.kernel<kernels::CopyFn>()(ctx.input(0).data, ctx.output(0).data, ctx.output(0).bytes());
}

Status prepare_quantize_pair(PrepareContext& ctx, DataType from) {
  if (ctx.input_count() != 1 || !ctx.has_input(0) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 1 input and 1 output");
  const Tensor& input = ctx.input(0);
  const Tensor& output = ctx.output(0);
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  if (input.shape.elements() != output.shape.elements())
    return ctx.error(StatusCode::kInvalidModel, "element counts differ");
  const Tensor& quantized = from == DataType::kInt8 ? input : output;
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, quantized, from == DataType::kInt8 ? "input" : "output"));
  auto* data = ctx.allocate_persistent_array<ConversionData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  data->scale = quantized.quant.scale();
  data->zero_point = quantized.quant.zero_point();
  ctx.node().op_data = data;
  return Status::ok();
}

Status prepare_quantize(PrepareContext& ctx) {
  return prepare_quantize_pair(ctx, DataType::kFloat32);
}
Status prepare_dequantize(PrepareContext& ctx) {
  return prepare_quantize_pair(ctx, DataType::kInt8);
}

void eval_quantize(const EvalContext& ctx) {
  const auto& d = *ctx.data<ConversionData>();
  ctx.kernel<kernels::QuantizeFn>()(d.scale, d.zero_point, ctx.input(0).elements(), ctx.input(0).data_as<const float>(),
                       ctx.output(0).data_as<int8_t>());
}

void eval_dequantize(const EvalContext& ctx) {
  const auto& d = *ctx.data<ConversionData>();
  ctx.kernel<kernels::DequantizeFn>()(d.scale, d.zero_point, ctx.input(0).elements(),
                         ctx.input(0).data_as<const int8_t>(), ctx.output(0).data_as<float>());
}

int64_t no_macs(const Node&, const TensorSlot*) { return 0; }

void describe_reshape(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size) {
  char in[64], out[64];
  format_shape(tensors[node.inputs[0]].shape(), in, sizeof(in));
  format_shape(tensors[node.outputs[0]].shape(), out, sizeof(out));
  describe_text(buffer, size, "%s -> %s", in, out);
}

void describe_conversion(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const ConversionData*>(node.op_data);
  describe_text(buffer, size, "scale %g, zero point %d", static_cast<double>(d->scale), d->zero_point);
}

}  // namespace

const OpRegistration kReshapeOp = {22, "RESHAPE", 2, prepare_reshape, eval_reshape, no_macs, describe_reshape};
const OpRegistration kQuantizeOp = {114, "QUANTIZE", 2, prepare_quantize, eval_quantize, no_macs,
                                    describe_conversion};
const OpRegistration kDequantizeOp = {6, "DEQUANTIZE", 4, prepare_dequantize, eval_dequantize, no_macs,
                                      describe_conversion};

}  // namespace tinyinfer
