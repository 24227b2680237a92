// TRANSPOSE_CONV (TFLite op versions 1-5): inputs (output_shape, filter,
// input, optional bias); output [n, H, W, out_c] is the gradient-of-conv
// "deconvolution" of the input with stride and SAME / VALID padding, the
// padding derived from the output size as TFLite does. Float32, int8 (per
// tensor or per channel along dimension 0, int32 bias) and int16x8 (int64 or
// int16 bias), with the fused activation of the options.
#include "ops/transpose_conv/transpose_conv.h"

#include <cstdio>

#include "ops/common/mm16_int16.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

enum class TransposeConvKind : uint8_t { kFloat, kInt8, kInt16, kInt16Bias16 };

struct TransposeConvData {
  TransposeConvKind kind;
  ActivationFunctionType activation;
  Padding padding;
  kernels::Window window;
  kernels::FloatClamp clamp;
  kernels::Requant requant;
  RequantSource requant_source;  // per-channel tables are derived into the scratch
};

// A constant output_shape must name the output's own shape (the output
// tensor's shape is static here; TFLite would resize it).
Status check_output_shape(PrepareContext& ctx, const Tensor& shape, const Tensor& output) {
  if (shape.type != DataType::kInt32 || shape.shape.rank != 1 || shape.shape.dims[0] != 4)
    return ctx.error(StatusCode::kInvalidModel, "output_shape '%s' must be an int32 vector of 4", shape.name);
  if (!shape.is_constant) return Status::ok();
  const auto* dims = shape.data_as<const int32_t>();
  for (int32_t i = 0; i < 4; ++i)
    if (dims[i] != output.shape.dims[i])
      return ctx.error(StatusCode::kInvalidModel, "output_shape [%d,%d,%d,%d] differs from the output '%s'", dims[0],
                       dims[1], dims[2], dims[3], output.name);
  return Status::ok();
}

Status prepare_transpose_conv(PrepareContext& ctx) {
  if (ctx.input_count() < 3 || ctx.input_count() > 4 || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 3-4 inputs (output_shape, filter, input, bias) and 1 output");
  if (!ctx.has_input(0) || !ctx.has_input(1) || !ctx.has_input(2))
    return ctx.error(StatusCode::kInvalidModel, "output_shape, filter and input are required");
  const Tensor filter = ctx.input(1);
  const Tensor input = ctx.input(2);
  const bool has_bias = ctx.has_input(3);
  const Tensor bias_tensor = has_bias ? ctx.input(3) : Tensor();
  const Tensor* bias = has_bias ? &bias_tensor : nullptr;
  const Tensor output = ctx.output(0);
  for (const Tensor* t : {&input, &filter, &output})
    if (t->shape.rank != 4)
      return ctx.error(StatusCode::kInvalidModel, "'%s' must be 4-D, has rank %d", t->name, t->shape.rank);
  TI_RETURN_IF_ERROR(check_output_shape(ctx, ctx.input(0), output));
  const auto* opt = format::options_as<fb::TransposeConvOptions>(ctx.info(), fb::BuiltinOptions::TransposeConvOptions);
  if (opt == nullptr) return ctx.error(StatusCode::kInvalidModel, "missing TransposeConvOptions");
  const Padding padding = opt->padding();
  if (padding != Padding::SAME && padding != Padding::VALID)
    return ctx.error(StatusCode::kInvalidModel, "unknown padding %d", static_cast<int>(padding));
  const int32_t stride_h = opt->stride_h(), stride_w = opt->stride_w();
  if (stride_h < 1 || stride_w < 1 || stride_h > 1024 || stride_w > 1024)
    return ctx.error(StatusCode::kInvalidModel, "stride %dx%d out of range", stride_h, stride_w);
  const int32_t out_c = output.shape.dims[3], in_c = input.shape.dims[3];
  const int32_t kh = filter.shape.dims[1], kw = filter.shape.dims[2];
  if (filter.shape.dims[0] != out_c || filter.shape.dims[3] != in_c)
    return ctx.error(StatusCode::kInvalidModel, "filter [%d,%d,%d,%d] does not map %d to %d channels",
                     filter.shape.dims[0], kh, kw, filter.shape.dims[3], in_c, out_c);
  if (input.shape.dims[0] != output.shape.dims[0])
    return ctx.error(StatusCode::kInvalidModel, "batch %d in, %d out", input.shape.dims[0], output.shape.dims[0]);
  if (bias != nullptr && bias->shape.elements() != out_c)
    return ctx.error(StatusCode::kInvalidModel, "bias has %lld elements for %d channels",
                     static_cast<long long>(bias->shape.elements()), out_c);

  auto* data = ctx.allocate_persistent_array<TransposeConvData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = TransposeConvData();
  data->activation = opt->fused_activation_function();
  data->padding = padding;
  kernels::Window& w = data->window;
  w.stride_h = stride_h;
  w.stride_w = stride_w;
  w.filter_h = kh;
  w.filter_w = kw;
  // TFLite pads as for a conv from the output back to the input size.
  const int32_t out_h = output.shape.dims[1], out_w = output.shape.dims[2];
  w.pad_top = window_leading_padding(out_h, kh, stride_h, 1, window_output_size(padding, out_h, kh, stride_h, 1));
  w.pad_left = window_leading_padding(out_w, kw, stride_w, 1, window_output_size(padding, out_w, kw, stride_w, 1));

  // int16 without a bias: the int64 accumulator stands in for the bias type.
  const DataType no_bias = input.type == DataType::kInt16 ? kI64 : kAbsent;
  TI_RETURN_IF_ERROR(
      ctx.use_kernel(signature({input.type, filter.type, bias != nullptr ? bias->type : no_bias}, output.type)));
  if (input.type == DataType::kFloat32) {
    data->kind = TransposeConvKind::kFloat;
    if (!float_activation(data->activation, &data->clamp))
      return ctx.error(StatusCode::kUnsupported, "fused activation %s", activation_name(data->activation));
  } else {
    if (input.type == DataType::kInt8)
      data->kind = TransposeConvKind::kInt8;
    else
      data->kind =
          ctx.node().kernel->types.inputs[2] == kI16 ? TransposeConvKind::kInt16Bias16 : TransposeConvKind::kInt16;
    TI_RETURN_IF_ERROR(prepare_conv_requant(ctx, input, filter, output, out_c, 0, data->activation, &data->requant,
                                            &data->requant_source));
  }
  kernels::ScratchQuery query;
  query.window = w;
  query.in = nhwc(input.shape);
  query.filter = nhwc(filter.shape);
  query.out = nhwc(output.shape);
  query.small_arena = ctx.small_arena();
  ctx.request_scratch(data->requant_source.table_bytes() + ctx.kernel_scratch_bytes(query));
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_transpose_conv(const EvalContext& ctx) {
  const TransposeConvData& d = *ctx.data<TransposeConvData>();
  const TensorSlot& filter = ctx.input(1);
  const TensorSlot& input = ctx.input(2);
  const TensorSlot* bias = ctx.optional_input(3);
  const TensorSlot& output = ctx.output(0);
  const kernels::Dims4 in = nhwc(input), f = nhwc(filter), out = nhwc(output);
  kernels::Requant rq = d.requant;
  void* const scratch = requant_table_in_scratch(d.requant_source, ctx.node.scratch, true, &rq);
  const void* const b = bias != nullptr ? bias->data : nullptr;
  switch (d.kind) {
    case TransposeConvKind::kFloat:
      ctx.kernel<kernels::TransposeConvFloatFn>()(d.window, d.clamp, in, input.data_as<const float>(), f,
                                                  filter.data_as<const float>(), static_cast<const float*>(b), out,
                                                  output.data_as<float>(), scratch);
      break;
    case TransposeConvKind::kInt8:
      ctx.kernel<kernels::TransposeConvInt8Fn>()(d.window, rq, in, input.data_as<const int8_t>(), f,
                                                 filter.data_as<const int8_t>(), static_cast<const int32_t*>(b), out,
                                                 output.data_as<int8_t>(), scratch);
      break;
    case TransposeConvKind::kInt16:
      ctx.kernel<kernels::TransposeConvInt16Fn>()(d.window, rq, in, input.data_as<const int16_t>(), f,
                                                  filter.data_as<const int8_t>(), static_cast<const int64_t*>(b), out,
                                                  output.data_as<int16_t>(), scratch);
      break;
    case TransposeConvKind::kInt16Bias16:
      ctx.kernel<kernels::TransposeConvInt16Bias16Fn>()(d.window, rq, in, input.data_as<const int16_t>(), f,
                                                        filter.data_as<const int8_t>(), static_cast<const int16_t*>(b),
                                                        out, output.data_as<int16_t>(), scratch);
      break;
  }
}

int64_t transpose_conv_macs(const Node& node, const TensorSlot* tensors) {
  const TensorSlot& filter = tensors[node.inputs[1]];
  return tensors[node.inputs[2]].elements() * filter.dims[0] * filter.dims[1] * filter.dims[2];
}

void describe_transpose_conv(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const TransposeConvData*>(node.op_data);
  static const char* const kKindNames[] = {"float", "int8", "int16x8", "int16x8 (int16 bias)"};
  describe_text(buffer, size, "%s, filter %dx%d, stride %dx%d, %s, %s", kKindNames[static_cast<int>(d->kind)],
                d->window.filter_h, d->window.filter_w, d->window.stride_h, d->window.stride_w,
                d->padding == Padding::SAME ? "SAME" : "VALID", activation_name(d->activation));
}

}  // namespace

const OpRegistration kTransposeConvOp = {
    67, "TRANSPOSE_CONV", 5, prepare_transpose_conv, eval_transpose_conv, transpose_conv_macs, describe_transpose_conv};

}  // namespace tinyinfer
