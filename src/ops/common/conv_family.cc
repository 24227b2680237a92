// What CONV_2D and DEPTHWISE_CONV_2D share (conv_family.h): validation,
// parameter preparation, the scratch request and dispatch to the node's
// registered kernel. Float, int8 (per-channel), int16x8 (int16 activations,
// int8 weights: common/mm16_int16.h) and hybrid (int8 weights with float
// activations, the study's "compressed" model).
#include "ops/common/conv_family.h"

#include <cstdio>

#include "dsp/fixed_point.h"
#include "ops/common/mm16_int16.h"
#include "ops/common/op_params.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "runtime/passes/conv_pool_fusion.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

// kInt16: int64 bias / accumulator; kInt16Bias32: TFLite's int32 ones.
enum class ConvKind : uint8_t { kFloat, kInt8, kHybrid, kInt16, kInt16Bias32 };

// Persistent per op (the small fields first, no padding holes).
struct ConvData {
  ConvKind kind;
  bool depthwise;
  ActivationFunctionType activation;
  Padding padding;
  int32_t depth_multiplier;
  kernels::Window window;
  kernels::FloatClamp clamp;
  kernels::Requant requant;
  RequantSource requant_source;  // per-channel tables are derived into the scratch
  const float* filter_scales;    // hybrid: one per output channel
};

struct WindowOptions {
  Padding padding;
  int32_t stride_h, stride_w, dilation_h, dilation_w, depth_multiplier;
  ActivationFunctionType activation;
  bool int32_bias_accumulator;  // int16 without a bias: quantized_bias_type INT32
};

Status read_options(PrepareContext& ctx, bool depthwise, WindowOptions* o) {
  if (depthwise) {
    const auto* opt =
        format::options_as<fb::DepthwiseConv2DOptions>(ctx.info(), fb::BuiltinOptions::DepthwiseConv2DOptions);
    if (opt == nullptr) return ctx.error(StatusCode::kInvalidModel, "missing DepthwiseConv2DOptions");
    *o = {opt->padding(),
          opt->stride_h(),
          opt->stride_w(),
          opt->dilation_h_factor(),
          opt->dilation_w_factor(),
          opt->depth_multiplier(),
          opt->fused_activation_function(),
          false};
  } else {
    const auto* opt = format::options_as<fb::Conv2DOptions>(ctx.info(), fb::BuiltinOptions::Conv2DOptions);
    if (opt == nullptr) return ctx.error(StatusCode::kInvalidModel, "missing Conv2DOptions");
    *o = {opt->padding(),
          opt->stride_h(),
          opt->stride_w(),
          opt->dilation_h_factor(),
          opt->dilation_w_factor(),
          1,
          opt->fused_activation_function(),
          opt->quantized_bias_type() == fb::TensorType::INT32};
  }
  if (o->padding != Padding::SAME && o->padding != Padding::VALID)
    return ctx.error(StatusCode::kInvalidModel, "unknown padding %d", static_cast<int>(o->padding));
  // Bounds keep every index product inside int32 for shapes we accept.
  if (o->stride_h < 1 || o->stride_w < 1 || o->stride_h > 1024 || o->stride_w > 1024)
    return ctx.error(StatusCode::kInvalidModel, "stride %dx%d out of range", o->stride_h, o->stride_w);
  if (o->dilation_h < 1 || o->dilation_w < 1 || o->dilation_h > 1024 || o->dilation_w > 1024)
    return ctx.error(StatusCode::kInvalidModel, "dilation %dx%d out of range", o->dilation_h, o->dilation_w);
  return Status::ok();
}

Status prepare_hybrid_scales(PrepareContext& ctx, ConvData* data, const Tensor& filter, int32_t out_channels,
                             int32_t channel_dim) {
  if (!filter.quant.is_quantized())
    return ctx.error(StatusCode::kInvalidModel, "hybrid filter '%s' has no scale", filter.name);
  if (filter.quant.per_channel() && filter.quant.quantized_dimension != channel_dim)
    return ctx.error(StatusCode::kUnsupported, "filter '%s' quantized along dimension %d, expected %d", filter.name,
                     filter.quant.quantized_dimension, channel_dim);
  for (int32_t c = 0; c < filter.quant.count; ++c) {
    if (filter.quant.zero_points != nullptr && filter.quant.zero_points[c] != 0)
      return ctx.error(StatusCode::kUnsupported, "hybrid filter '%s' has a non-zero zero point", filter.name);
  }
  if (filter.quant.per_channel()) {  // the kernels read the model's own scales
    if (filter.quant.count != out_channels)
      return ctx.error(StatusCode::kInvalidModel, "filter '%s' has %d scales for %d channels", filter.name,
                       filter.quant.count, out_channels);
    data->filter_scales = filter.quant.scales;
    return Status::ok();
  }
  float* scales = ctx.allocate_persistent_array<float>(out_channels);
  if (scales == nullptr) return ctx.arena_exhausted();
  for (int32_t c = 0; c < out_channels; ++c) scales[c] = filter.quant.scales[0];
  data->filter_scales = scales;
  return Status::ok();
}

}  // namespace

Status prepare_conv_family(PrepareContext& ctx, bool depthwise) {
  if (ctx.input_count() < 2 || ctx.input_count() > 3 || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2-3 inputs and 1 output, has %d and %d", ctx.input_count(),
                     ctx.output_count());
  if (!ctx.has_input(0) || !ctx.has_input(1))
    return ctx.error(StatusCode::kInvalidModel, "input and filter are required");
  const Tensor& input = ctx.input(0);
  const Tensor& filter = ctx.input(1);
  const Tensor bias_tensor = ctx.has_input(2) ? ctx.input(2) : Tensor();
  const Tensor* bias = ctx.has_input(2) ? &bias_tensor : nullptr;
  const Tensor output = ctx.output(0);
  if (input.shape.rank != 4 || filter.shape.rank != 4 || output.shape.rank != 4)
    return ctx.error(StatusCode::kInvalidModel, "input, filter and output must be 4-D (got %d, %d, %d)",
                     input.shape.rank, filter.shape.rank, output.shape.rank);
  // float32 filters and biases may be computed at run time (a weight-only
  // model's DEQUANTIZE output); quantized ones are checked against their
  // values at prepare, so they must be constant.
  if (!filter.is_constant && filter.type != DataType::kFloat32)
    return ctx.error(StatusCode::kUnsupported, "%s filter '%s' must be constant", data_type_name(filter.type),
                     filter.name);
  if (bias != nullptr && !bias->is_constant && bias->type != DataType::kFloat32)
    return ctx.error(StatusCode::kUnsupported, "%s bias '%s' must be constant", data_type_name(bias->type), bias->name);

  WindowOptions o{};
  TI_RETURN_IF_ERROR(read_options(ctx, depthwise, &o));
  const int32_t in_c = input.shape.dims[3];
  const int32_t out_c = output.shape.dims[3];
  const int32_t kh = filter.shape.dims[1], kw = filter.shape.dims[2];
  int32_t depth_multiplier = 1;
  if (depthwise) {
    if (filter.shape.dims[0] != 1 || filter.shape.dims[3] != out_c)
      return ctx.error(StatusCode::kInvalidModel, "depthwise filter must be [1, kh, kw, %d]", out_c);
    if (out_c % in_c != 0)
      return ctx.error(StatusCode::kInvalidModel, "output channels %d not a multiple of input channels %d", out_c,
                       in_c);
    depth_multiplier = out_c / in_c;
    if (o.depth_multiplier != 0 && o.depth_multiplier != depth_multiplier)
      return ctx.error(StatusCode::kInvalidModel, "depth_multiplier %d disagrees with shapes (%d -> %d channels)",
                       o.depth_multiplier, in_c, out_c);
  } else {
    // A filter depth below the input's is a grouped convolution (TFLite's
    // groups = input depth / filter depth): each group of out_c / groups
    // filters reads its own slice of the input channels.
    const int32_t filter_c = filter.shape.dims[3];
    const bool groups_fit = filter_c > 0 && in_c % filter_c == 0 && out_c % (in_c / filter_c) == 0;
    if (filter.shape.dims[0] != out_c || !groups_fit) {
      return ctx.error(StatusCode::kInvalidModel,
                       "filter [%d,%d,%d,%d] does not map %d to %d channels (its depth must divide the input's, "
                       "and the groups the output channels)",
                       filter.shape.dims[0], kh, kw, filter_c, in_c, out_c);
    }
  }
  if (input.shape.dims[0] != output.shape.dims[0])
    return ctx.error(StatusCode::kInvalidModel, "batch %d in, %d out", input.shape.dims[0], output.shape.dims[0]);
  const int32_t out_h = window_output_size(o.padding, input.shape.dims[1], kh, o.stride_h, o.dilation_h);
  const int32_t out_w = window_output_size(o.padding, input.shape.dims[2], kw, o.stride_w, o.dilation_w);
  if (out_h != output.shape.dims[1] || out_w != output.shape.dims[2])
    return ctx.error(StatusCode::kInvalidModel, "output is %dx%d, the window gives %dx%d", output.shape.dims[1],
                     output.shape.dims[2], out_h, out_w);
  if (bias != nullptr && bias->shape.elements() != out_c)
    return ctx.error(StatusCode::kInvalidModel, "bias has %lld elements for %d channels",
                     static_cast<long long>(bias->shape.elements()), out_c);

  auto* data = ctx.allocate_persistent_array<ConvData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = ConvData();
  data->depthwise = depthwise;
  data->depth_multiplier = depth_multiplier;
  data->activation = o.activation;
  data->padding = o.padding;
  kernels::Window& w = data->window;
  w.stride_h = o.stride_h;
  w.stride_w = o.stride_w;
  w.dilation_h = o.dilation_h;
  w.dilation_w = o.dilation_w;
  w.filter_h = kh;
  w.filter_w = kw;
  w.pad_top = window_leading_padding(input.shape.dims[1], kh, o.stride_h, o.dilation_h, out_h);
  w.pad_left = window_leading_padding(input.shape.dims[2], kw, o.stride_w, o.dilation_w, out_w);

  const int32_t channel_dim = depthwise ? 3 : 0;
  const DataType in_t = input.type, f_t = filter.type, out_t = output.type;
  // int16 without a bias: the accumulator width stands in for the bias type.
  const DataType no_bias = in_t != DataType::kInt16 ? kAbsent : o.int32_bias_accumulator ? kI32 : kI64;
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({in_t, f_t, bias != nullptr ? bias->type : no_bias}, out_t)));
  if (in_t == DataType::kFloat32) {  // float32 or hybrid (int8 filter)
    if (!float_activation(o.activation, &data->clamp))
      return ctx.error(StatusCode::kUnsupported, "fused activation %s", activation_name(o.activation));
    data->kind = f_t == DataType::kFloat32 ? ConvKind::kFloat : ConvKind::kHybrid;
    if (data->kind == ConvKind::kHybrid)
      TI_RETURN_IF_ERROR(prepare_hybrid_scales(ctx, data, filter, out_c, channel_dim));
  } else if (in_t == DataType::kInt16) {  // int16x8: the int64 accumulator needs no depth limit
    const bool bias32 = ctx.node().kernel->types.inputs[2] == kI32;
    data->kind = bias32 ? ConvKind::kInt16Bias32 : ConvKind::kInt16;
    TI_RETURN_IF_ERROR(prepare_conv_requant(ctx, input, filter, output, out_c, channel_dim, o.activation,
                                            &data->requant, &data->requant_source));
  } else {  // int8
    data->kind = ConvKind::kInt8;
    const int64_t depth = int64_t{kh} * kw * (depthwise ? 1 : filter.shape.dims[3]);
    if (depth > kMaxInt8AccumulationDepth)
      return ctx.error(StatusCode::kUnsupported, "%lld products per output could overflow the int32 accumulator",
                       static_cast<long long>(depth));
    if (!int8_bias_fits(bias, depth))
      return ctx.error(StatusCode::kInvalidModel, "bias '%s' is so large the int32 accumulator could overflow",
                       bias->name);
    TI_RETURN_IF_ERROR(prepare_conv_requant(ctx, input, filter, output, out_c, channel_dim, o.activation,
                                            &data->requant, &data->requant_source));
  }
  // The kernel's working memory, planned in the arena for this op only.
  kernels::ScratchQuery query;
  query.window = data->window;
  query.depth_multiplier = depth_multiplier;
  query.in = {input.shape.dims[0], input.shape.dims[1], input.shape.dims[2], in_c};
  query.filter = {filter.shape.dims[0], kh, kw, filter.shape.dims[3]};
  query.out = {output.shape.dims[0], out_h, out_w, out_c};
  query.small_arena = ctx.small_arena();
  ctx.request_scratch(data->requant_source.table_bytes() + ctx.kernel_scratch_bytes(query));
  ctx.node().op_data = data;
  return Status::ok();
}

namespace {

// Runs the kernel for the given (possibly partial) input/output views. The
// per-channel requantization table sits at the start of the op's scratch:
// derived on the first call of an invoke (derive_table), reused by the
// later bands of a fused conv.
void run_conv_kernel(const EvalContext& ctx, const ConvData& d, const kernels::Window& window, const kernels::Dims4& in,
                     const void* input_data, const kernels::Dims4& out, void* output_data, bool derive_table) {
  const TensorSlot& filter = ctx.input(1);
  const TensorSlot* bias = ctx.optional_input(2);
  const kernels::Dims4 f = nhwc(filter);
  const auto* input_float = static_cast<const float*>(input_data);
  const auto* input_int8 = static_cast<const int8_t*>(input_data);
  auto* output_float = static_cast<float*>(output_data);
  auto* output_int8 = static_cast<int8_t*>(output_data);
  const auto* input_int16 = static_cast<const int16_t*>(input_data);
  auto* output_int16 = static_cast<int16_t*>(output_data);
  kernels::Requant requant = d.requant;
  void* const scratch = requant_table_in_scratch(d.requant_source, ctx.node.scratch, derive_table, &requant);
  switch (d.kind) {
    case ConvKind::kFloat: {
      const float* b = bias ? bias->data_as<const float>() : nullptr;
      if (d.depthwise)
        ctx.kernel<kernels::DepthwiseFloatFn>()(window, d.depth_multiplier, d.clamp, in, input_float, f,
                                                filter.data_as<const float>(), b, out, output_float, scratch);
      else
        ctx.kernel<kernels::Conv2dFloatFn>()(window, d.clamp, in, input_float, f, filter.data_as<const float>(), b, out,
                                             output_float, scratch);
      break;
    }
    case ConvKind::kHybrid: {
      const float* b = bias ? bias->data_as<const float>() : nullptr;
      if (d.depthwise) {
        ctx.kernel<kernels::DepthwiseHybridFn>()(window, d.depth_multiplier, d.clamp, in, input_float, f,
                                                 filter.data_as<const int8_t>(), d.filter_scales, b, out, output_float,
                                                 scratch);
      } else {
        ctx.kernel<kernels::Conv2dHybridFn>()(window, d.clamp, in, input_float, f, filter.data_as<const int8_t>(),
                                              d.filter_scales, b, out, output_float, scratch);
      }
      break;
    }
    case ConvKind::kInt8: {
      const int32_t* b = bias ? bias->data_as<const int32_t>() : nullptr;
      if (d.depthwise)
        ctx.kernel<kernels::DepthwiseInt8Fn>()(window, d.depth_multiplier, requant, in, input_int8, f,
                                               filter.data_as<const int8_t>(), b, out, output_int8, scratch);
      else
        ctx.kernel<kernels::Conv2dInt8Fn>()(window, requant, in, input_int8, f, filter.data_as<const int8_t>(), b, out,
                                            output_int8, scratch);
      break;
    }
    case ConvKind::kInt16: {
      const int64_t* b = bias ? bias->data_as<const int64_t>() : nullptr;
      if (d.depthwise)
        ctx.kernel<kernels::DepthwiseInt16Fn>()(window, d.depth_multiplier, requant, in, input_int16, f,
                                                filter.data_as<const int8_t>(), b, out, output_int16, scratch);
      else
        ctx.kernel<kernels::Conv2dInt16Fn>()(window, requant, in, input_int16, f, filter.data_as<const int8_t>(), b,
                                             out, output_int16, scratch);
      break;
    }
    case ConvKind::kInt16Bias32:  // CONV_2D only: DEPTHWISE_CONV_2D registers no int32-bias int16 kernel
      ctx.kernel<kernels::Conv2dInt16Bias32Fn>()(window, requant, in, input_int16, f, filter.data_as<const int8_t>(),
                                                 bias ? bias->data_as<const int32_t>() : nullptr, out, output_int16,
                                                 scratch);
      break;
  }
}

}  // namespace

void eval_conv_family(const EvalContext& ctx) {
  const ConvData& d = *ctx.data<ConvData>();
  run_conv_kernel(ctx, d, d.window, nhwc(ctx.input(0)), ctx.input(0).data, nhwc(ctx.output(0)), ctx.output(0).data,
                  true);
}

namespace {

// Output rows [row_begin, row_begin + rows) of a batch-1 conv: the kernel sees
// the input from the first row those outputs read (never a negative padding)
// and an output of `rows` rows.
void eval_conv_rows(const EvalContext& ctx, int32_t row_begin, int32_t rows, void* rows_out) {
  const ConvData& d = *ctx.data<ConvData>();
  const TensorSlot& input = ctx.input(0);
  kernels::Dims4 in = nhwc(input);
  kernels::Dims4 out = nhwc(ctx.output(0));
  kernels::Window window = d.window;
  const int32_t first_input_row = row_begin * window.stride_h - window.pad_top;
  const auto* input_bytes = static_cast<const uint8_t*>(input.data);
  if (first_input_row >= 0) {
    input_bytes += static_cast<std::size_t>(first_input_row) * in.w * in.c * data_type_size(input.type);
    in.h -= first_input_row;
    window.pad_top = 0;
  } else {
    window.pad_top = -first_input_row;
  }
  out.h = rows;
  run_conv_kernel(ctx, d, window, in, input_bytes, out, rows_out, row_begin == 0);
}

}  // namespace

const RowFusion kConvRowFusion = {eval_conv_rows, nullptr, nullptr};

int64_t conv_macs(const Node& node, const TensorSlot* tensors) {
  const auto* d = static_cast<const ConvData*>(node.op_data);
  const TensorSlot& filter = tensors[node.inputs[1]];
  const TensorSlot& output = tensors[node.outputs[0]];
  const int64_t taps = int64_t{filter.dims[1]} * filter.dims[2];
  return output.elements() * taps * (d->depthwise ? 1 : filter.dims[3]);
}

void describe_conv(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const ConvData*>(node.op_data);
  static const char* const kKindNames[] = {"float", "int8", "hybrid", "int16x8", "int16x8 (int32 bias)"};
  const char* kind = kKindNames[static_cast<int>(d->kind)];
  if (d->depthwise) {
    describe_text(buffer, size, "%s, filter %dx%d, stride %dx%d, dilation %dx%d, %s, multiplier %d, %s", kind,
                  d->window.filter_h, d->window.filter_w, d->window.stride_h, d->window.stride_w, d->window.dilation_h,
                  d->window.dilation_w, d->padding == Padding::SAME ? "SAME" : "VALID", d->depth_multiplier,
                  activation_name(d->activation));
  } else {
    describe_text(buffer, size, "%s, filter %dx%d, stride %dx%d, dilation %dx%d, %s, %s", kind, d->window.filter_h,
                  d->window.filter_w, d->window.stride_h, d->window.stride_w, d->window.dilation_h,
                  d->window.dilation_w, d->padding == Padding::SAME ? "SAME" : "VALID", activation_name(d->activation));
  }
}

}  // namespace tinyinfer
