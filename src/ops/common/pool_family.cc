// What MAX_POOL_2D, AVERAGE_POOL_2D and L2_POOL_2D share (pooling.h):
// checks, window, fused activation, dispatch to the node's registered kernel,
// and the rows hooks of conv + pool fusion. Float, int8 and int16 (which
// types an op has is the kernels it registers).
#include <cmath>
#include <cstdio>

#include "ops/common/binary_ops.h"
#include "ops/common/op_params.h"
#include "ops/common/pooling.h"
#include "runtime/passes/conv_pool_fusion.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

struct PoolData {
  DataType type;
  kernels::Window window;
  kernels::FloatClamp clamp;
  int32_t act_min, act_max;
  ActivationFunctionType activation;
  Padding padding;
};

// int8 / int16: values pass through unscaled, so TFLite Micro requires the
// input and output quantization to agree (scales within 1e-6).
Status prepare_quantized_pool(PrepareContext& ctx, PoolData* data) {
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, input, "input"));
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, output, "output"));
  if (std::fabs(static_cast<double>(input.quant.scale()) - static_cast<double>(output.quant.scale())) > 1e-6 ||
      input.quant.zero_point() != output.quant.zero_point())
    return ctx.error(StatusCode::kUnsupported, "%s pooling needs equal input and output quantization",
                     data_type_name(input.type));
  if (input.type == DataType::kInt8) {
    if (!int8_activation(data->activation, output.quant.scale(), output.quant.zero_point(), &data->act_min,
                         &data->act_max))
      return ctx.error(StatusCode::kUnsupported, "fused activation %s", activation_name(data->activation));
    return Status::ok();
  }
  // int16: TFLite's quantized activation range, as the binary ops derive it.
  BinaryOpData range;
  range.output_type = input.type;
  TI_RETURN_IF_ERROR(prepare_binary_activation(ctx, data->activation, &range));
  data->act_min = range.params.act_min;
  data->act_max = range.params.act_max;
  return Status::ok();
}

template <typename T>
void run_quantized_pool(const EvalContext& ctx, const PoolData& d, const kernels::Dims4& in, const void* input,
                        const kernels::Dims4& out, void* output) {
  ctx.kernel<kernels::PoolQuantizedFn<T>>()(d.window, d.act_min, d.act_max, in, static_cast<const T*>(input), out,
                                            static_cast<T*>(output));
}

// The node's kernel on `in` -> `out` (whole tensors or one fused band).
void run_pool(const EvalContext& ctx, const PoolData& d, const kernels::Dims4& in, const void* input,
              const kernels::Dims4& out, void* output) {
  switch (d.type) {
    case DataType::kInt8:
      run_quantized_pool<int8_t>(ctx, d, in, input, out, output);
      break;
    case DataType::kInt16:
      run_quantized_pool<int16_t>(ctx, d, in, input, out, output);
      break;
    default:  // float32, the only other type with kernels
      ctx.kernel<kernels::PoolFloatFn>()(d.window, d.clamp, in, static_cast<const float*>(input), out,
                                         static_cast<float*>(output));
      break;
  }
}

}  // namespace

Status prepare_pool(PrepareContext& ctx) {
  if (ctx.input_count() != 1 || !ctx.has_input(0) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 1 input and 1 output");
  const Tensor& input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const auto* opt = format::options_as<fb::Pool2DOptions>(ctx.info(), fb::BuiltinOptions::Pool2DOptions);
  if (opt == nullptr) return ctx.error(StatusCode::kInvalidModel, "missing Pool2DOptions");
  if (input.shape.rank != 4 || output.shape.rank != 4)
    return ctx.error(StatusCode::kInvalidModel, "input and output must be 4-D");
  if (input.type != output.type)
    return ctx.error(StatusCode::kInvalidModel, "input %s, output %s", data_type_name(input.type),
                     data_type_name(output.type));
  const int32_t fh = opt->filter_height(), fw = opt->filter_width();
  const int32_t sh = opt->stride_h(), sw = opt->stride_w();
  if (fh < 1 || fw < 1 || fh > 4096 || fw > 4096 || sh < 1 || sw < 1 || sh > 4096 || sw > 4096)
    return ctx.error(StatusCode::kInvalidModel, "filter %dx%d / stride %dx%d out of range", fh, fw, sh, sw);
  const Padding padding = opt->padding();
  if (padding != Padding::SAME && padding != Padding::VALID)
    return ctx.error(StatusCode::kInvalidModel, "unknown padding");
  if (input.shape.dims[0] != output.shape.dims[0] || input.shape.dims[3] != output.shape.dims[3])
    return ctx.error(StatusCode::kInvalidModel, "batch/channels differ between input and output");
  const int32_t out_h = window_output_size(padding, input.shape.dims[1], fh, sh, 1);
  const int32_t out_w = window_output_size(padding, input.shape.dims[2], fw, sw, 1);
  if (out_h != output.shape.dims[1] || out_w != output.shape.dims[2])
    return ctx.error(StatusCode::kInvalidModel, "output is %dx%d, the window gives %dx%d", output.shape.dims[1],
                     output.shape.dims[2], out_h, out_w);

  auto* data = ctx.allocate_persistent_array<PoolData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = PoolData();
  data->activation = opt->fused_activation_function();
  data->padding = padding;
  data->type = input.type;
  kernels::Window& w = data->window;
  w.filter_h = fh;
  w.filter_w = fw;
  w.stride_h = sh;
  w.stride_w = sw;
  w.pad_top = window_leading_padding(input.shape.dims[1], fh, sh, 1, out_h);
  w.pad_left = window_leading_padding(input.shape.dims[2], fw, sw, 1, out_w);
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  if (input.type == DataType::kFloat32) {
    if (!float_activation(data->activation, &data->clamp))
      return ctx.error(StatusCode::kUnsupported, "fused activation %s", activation_name(data->activation));
  } else {  // int8, int16
    TI_RETURN_IF_ERROR(prepare_quantized_pool(ctx, data));
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_pool(const EvalContext& ctx) {
  const PoolData& d = *ctx.data<PoolData>();
  const TensorSlot& input = ctx.input(0);
  const TensorSlot& output = ctx.output(0);
  run_pool(ctx, d, nhwc(input), input.data, nhwc(output), output.data);
}

namespace {

int32_t pool_rows_per_output_row(const Node& node) {
  const auto* d = static_cast<const PoolData*>(node.op_data);
  const bool bandable = d->padding == Padding::VALID && d->window.stride_h == d->window.filter_h;
  return bandable ? d->window.filter_h : 0;
}

// Pools one band of input rows (VALID, non-overlapping vertically) into
// output row out_row.
void pool_rows(const EvalContext& ctx, const void* rows_in, int32_t in_rows, int32_t out_row) {
  const PoolData& d = *ctx.data<PoolData>();
  const TensorSlot& output = ctx.output(0);
  kernels::Dims4 in = nhwc(ctx.input(0));
  kernels::Dims4 out = nhwc(output);
  in.h = in_rows;
  out.h = 1;
  const std::size_t row_bytes = static_cast<std::size_t>(out.w) * out.c * data_type_size(output.type);
  uint8_t* out_bytes = static_cast<uint8_t*>(output.data) + static_cast<std::size_t>(out_row) * row_bytes;
  run_pool(ctx, d, in, rows_in, out, out_bytes);
}

}  // namespace

const RowFusion kPoolRowFusion = {nullptr, pool_rows_per_output_row, pool_rows};

void describe_pool(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const PoolData*>(node.op_data);
  describe_text(buffer, size, "%s, filter %dx%d, stride %dx%d, %s, %s", data_type_name(d->type), d->window.filter_h,
                d->window.filter_w, d->window.stride_h, d->window.stride_w,
                d->padding == Padding::SAME ? "SAME" : "VALID", activation_name(d->activation));
}

}  // namespace tinyinfer
