#include "ops/common/binary_ops.h"

#include <cmath>
#include <limits>
#include <type_traits>

#include "dsp/fixed_point.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

// TFLite's CalculateActivationRange<int32_t>: the quantized range with scale
// 1 and zero point 0 (the real bounds are the integer ones).
bool int32_activation_range(ActivationFunctionType act, int32_t* act_min, int32_t* act_max) {
  return quantized_activation_range(act, 1.0f, 0, std::numeric_limits<int32_t>::min(),
                                    std::numeric_limits<int32_t>::max(), act_min, act_max);
}

// A comparison input's rescale: scale as a Q31 multiplier and power of two.
// TFLite takes scales below 1 only; a larger one is kept exact as long as
// (q - zero point) << 8 << shift stays inside int32.
Status comparison_multiplier(const PrepareContext& ctx, const Tensor& t, const char* role, int32_t* multiplier,
                             int32_t* shift) {
  int s = 0;
  quant::quantize_multiplier(static_cast<double>(t.quant.scale()), multiplier, &s);
  const int max_shift = t.type == DataType::kInt8 ? 15 : 7;  // |q - zp| << 8 below 2^16 / 2^24
  if (s > max_shift)
    return ctx.error(StatusCode::kUnsupported, "%s tensor '%s': scale %g too large to rescale in int32", role, t.name,
                     static_cast<double>(t.quant.scale()));
  *shift = s;
  return Status::ok();
}

template <typename T>
void run_kernel(const EvalContext& ctx, const BinaryOpData& d) {
  const T* input1 = ctx.input(0).data_as<const T>();
  const T* input2 = ctx.input(1).data_as<const T>();
  if constexpr (std::is_same_v<T, bool>) {
    // Bool inputs always give a bool output (BinaryFn<bool> is CompareFn<bool>).
    ctx.kernel<kernels::BinaryFn<bool>>()(d.params, d.shape, input1, input2, ctx.output(0).data_as<bool>());
  } else if (d.output_type == DataType::kBool) {
    ctx.kernel<kernels::CompareFn<T>>()(d.params, d.shape, input1, input2, ctx.output(0).data_as<bool>());
  } else {
    ctx.kernel<kernels::BinaryFn<T>>()(d.params, d.shape, input1, input2, ctx.output(0).data_as<T>());
  }
}

}  // namespace

Status prepare_binary_op(PrepareContext& ctx, BinaryOpData** data) {
  if (ctx.input_count() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2 inputs and 1 output");
  const Tensor a = ctx.input(0);
  const Tensor b = ctx.input(1);
  const Tensor out = ctx.output(0);
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({a.type, b.type}, out.type)));
  auto* d = ctx.allocate_persistent_array<BinaryOpData>(1);
  if (d == nullptr) return ctx.arena_exhausted();
  *d = BinaryOpData();
  d->input_type = a.type;
  d->output_type = out.type;
  TI_RETURN_IF_ERROR(prepare_broadcast(ctx, a, b, out, &d->shape));
  ctx.node().op_data = d;
  *data = d;
  return Status::ok();
}

Status prepare_binary_activation(PrepareContext& ctx, ActivationFunctionType act, BinaryOpData* data) {
  data->activation = act;
  bool supported = true;
  switch (data->output_type) {
    case DataType::kFloat32:
      supported = float_activation(act, &data->params.clamp);
      break;
    case DataType::kInt32:
      supported = int32_activation_range(act, &data->params.act_min, &data->params.act_max);
      break;
    case DataType::kInt8:
    case DataType::kInt16: {
      const Quantization q = ctx.output(0).quant;
      const bool is_int8 = data->output_type == DataType::kInt8;
      supported = quantized_activation_range(act, q.scale(), q.zero_point(), is_int8 ? -128 : -32768,
                                             is_int8 ? 127 : 32767, &data->params.act_min, &data->params.act_max);
      break;
    }
    default:
      supported = act == ActivationFunctionType::NONE;
      break;
  }
  if (!supported)
    return ctx.error(StatusCode::kUnsupported, "fused activation %s not supported for %s outputs", activation_name(act),
                     data_type_name(data->output_type));
  return Status::ok();
}

Status require_binary_quantized(const PrepareContext& ctx, const Tensor& t, const char* role, bool zero_point_zero) {
  if (!t.quant.is_quantized())
    return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' is %s without quantization", role, t.name,
                     data_type_name(t.type));
  if (t.quant.per_channel())
    return ctx.error(StatusCode::kUnsupported, "%s tensor '%s' must be quantized per tensor", role, t.name);
  const float scale = t.quant.scale();
  if (!(scale > 0.0f) || !std::isfinite(scale))
    return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' has scale %g", role, t.name,
                     static_cast<double>(scale));
  const int32_t zp = t.quant.zero_point();
  const bool is_int8 = t.type == DataType::kInt8;
  if (zp < (is_int8 ? -128 : -32768) || zp > (is_int8 ? 127 : 32767))
    return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s': zero point %d outside %s", role, t.name, zp,
                     data_type_name(t.type));
  if (zero_point_zero && zp != 0)
    return ctx.error(StatusCode::kUnsupported, "%s tensor '%s': %s zero point %d, must be 0", role, t.name,
                     data_type_name(t.type), zp);
  return Status::ok();
}

Status quantize_multiplier_below_one(const PrepareContext& ctx, double real, const char* what, int32_t* multiplier,
                                     int32_t* shift) {
  int s = 0;
  if (real > 0.0 && real < 1.0) quant::quantize_multiplier(real, multiplier, &s);
  if (!(real > 0.0 && real < 1.0) || s > 0)
    return ctx.error(StatusCode::kUnsupported, "%s multiplier %g not below 1 (scales out of TFLite's range)", what,
                     real);
  *shift = s;
  return Status::ok();
}

Status prepare_comparison(PrepareContext& ctx) {
  BinaryOpData* d = nullptr;
  TI_RETURN_IF_ERROR(prepare_binary_op(ctx, &d));
  if (d->input_type != DataType::kInt8 && d->input_type != DataType::kInt16) return Status::ok();
  const Tensor a = ctx.input(0);
  const Tensor b = ctx.input(1);
  TI_RETURN_IF_ERROR(require_binary_quantized(ctx, a, "input 1", false));
  TI_RETURN_IF_ERROR(require_binary_quantized(ctx, b, "input 2", false));
  kernels::BinaryParams& p = d->params;
  p.left_shift = 8;
  p.input1_offset = -a.quant.zero_point();
  p.input2_offset = -b.quant.zero_point();
  TI_RETURN_IF_ERROR(comparison_multiplier(ctx, a, "input 1", &p.input1_multiplier, &p.input1_shift));
  TI_RETURN_IF_ERROR(comparison_multiplier(ctx, b, "input 2", &p.input2_multiplier, &p.input2_shift));
  return Status::ok();
}

void eval_binary_op(const EvalContext& ctx) {
  const BinaryOpData& d = *ctx.data<BinaryOpData>();
  switch (d.input_type) {
    case DataType::kFloat32:
      run_kernel<float>(ctx, d);
      break;
    case DataType::kInt8:
      run_kernel<int8_t>(ctx, d);
      break;
    case DataType::kInt16:
      run_kernel<int16_t>(ctx, d);
      break;
    case DataType::kInt32:
      run_kernel<int32_t>(ctx, d);
      break;
    case DataType::kInt64:
      run_kernel<int64_t>(ctx, d);
      break;
    case DataType::kBool:
      run_kernel<bool>(ctx, d);
      break;
    default:  // no kernel is registered for another type
      break;
  }
}

void describe_binary_op(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const BinaryOpData*>(node.op_data);
  describe_text(buffer, size, "%s -> %s, %s", data_type_name(d->input_type), data_type_name(d->output_type),
                activation_name(d->activation));
}

}  // namespace tinyinfer
