#include "ops/common/op_params.h"

#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>

#include "dsp/fixed_point.h"
#include "runtime/arena_planner.h"

namespace tinyinfer {

bool float_activation(ActivationFunctionType act, kernels::FloatClamp* clamp) {
  *clamp = kernels::FloatClamp();
  switch (act) {
    case ActivationFunctionType::NONE:
      return true;
    case ActivationFunctionType::RELU:
      clamp->min = 0.0f;
      return true;
    case ActivationFunctionType::RELU6:
      clamp->min = 0.0f;
      clamp->max = 6.0f;
      return true;
    case ActivationFunctionType::RELU_N1_TO_1:
      clamp->min = -1.0f;
      clamp->max = 1.0f;
      return true;
    case ActivationFunctionType::TANH:
    case ActivationFunctionType::SIGN_BIT:
      return true;  // TFLite's CalculateActivationRange: no clamp
  }
  return false;  // a value outside the schema's enum
}

bool quantized_activation_range(ActivationFunctionType act, float scale, int32_t zero_point, int32_t qmin, int32_t qmax,
                                int32_t* act_min, int32_t* act_max) {
  auto quantize = [&](float real) { return zero_point + static_cast<int32_t>(std::round(real / scale)); };
  int32_t lo = qmin, hi = qmax;
  switch (act) {
    case ActivationFunctionType::NONE:
      break;
    case ActivationFunctionType::RELU:
      lo = quantize(0.0f);
      break;
    case ActivationFunctionType::RELU6:
      lo = quantize(0.0f);
      hi = quantize(6.0f);
      break;
    case ActivationFunctionType::RELU_N1_TO_1:
      lo = quantize(-1.0f);
      hi = quantize(1.0f);
      break;
    case ActivationFunctionType::TANH:
    case ActivationFunctionType::SIGN_BIT:
      break;  // TFLite: the type's whole range
    default:
      return false;  // a value outside the schema's enum
  }
  *act_min = lo > qmin ? lo : qmin;
  *act_max = hi < qmax ? hi : qmax;
  return true;
}

const char* activation_name(ActivationFunctionType act) {
  switch (act) {
    case ActivationFunctionType::NONE:
      return "NONE";
    case ActivationFunctionType::RELU:
      return "RELU";
    case ActivationFunctionType::RELU_N1_TO_1:
      return "RELU_N1_TO_1";
    case ActivationFunctionType::RELU6:
      return "RELU6";
    case ActivationFunctionType::TANH:
      return "TANH";
    case ActivationFunctionType::SIGN_BIT:
      return "SIGN_BIT";
  }
  return "UNKNOWN";
}

namespace {

// One channel's multiplier: the same double-precision expression at prepare
// (to validate) and at invoke (to derive), so both give the same table.
inline void channel_multiplier(double input_scale, float filter_scale, double output_scale, int32_t* multiplier,
                               int* shift) {
  quant::quantize_multiplier(input_scale * filter_scale / output_scale, multiplier, shift);
}

}  // namespace

Status prepare_requant_multipliers(PrepareContext& ctx, const Tensor& input, const Tensor& filter, const Tensor& output,
                                   int32_t channels, kernels::Requant* rq, RequantSource* source) {
  const bool per_channel = filter.quant.per_channel();
  const int32_t entries = per_channel ? channels : 1;
  if (filter.quant.count != entries)
    return ctx.error(StatusCode::kInvalidModel, "filter '%s' has %d scales for %d channels", filter.name,
                     filter.quant.count, channels);
  int32_t multiplier = 0;
  int shift = 0;
  for (int32_t c = 0; c < entries; ++c) {
    channel_multiplier(input.quant.scale(), filter.quant.scales[c], output.quant.scale(), &multiplier, &shift);
    if (!requant_shift_supported(shift))
      return ctx.error(StatusCode::kUnsupported,
                       "channel %d: input x filter scale is 2^14 times the output scale or more", c);
  }
  rq->per_channel = per_channel;
  *source = RequantSource();
  if (per_channel) {
    source->input_scale = input.quant.scale();
    source->output_scale = output.quant.scale();
    source->filter_scales = filter.quant.scales;
    source->channels = entries;
    rq->multipliers = nullptr;  // derived into the scratch at each invoke
    rq->shifts = nullptr;
    return Status::ok();
  }
  int32_t* pair = ctx.allocate_persistent_array<int32_t>(2);
  if (pair == nullptr) return ctx.arena_exhausted();
  pair[0] = multiplier;
  pair[1] = shift;
  rq->multipliers = pair;
  rq->shifts = pair + 1;
  return Status::ok();
}

std::size_t RequantSource::table_bytes() const {
  return align_up(2 * sizeof(int32_t) * static_cast<std::size_t>(channels));
}

void* requant_table_in_scratch(const RequantSource& source, void* scratch, bool derive, kernels::Requant* rq) {
  if (source.channels == 0) return scratch;
  auto* multipliers = static_cast<int32_t*>(scratch);
  int32_t* shifts = multipliers + source.channels;
  if (derive) {
    const double input_scale = source.input_scale, output_scale = source.output_scale;
    for (int32_t c = 0; c < source.channels; ++c) {
      int shift = 0;
      channel_multiplier(input_scale, source.filter_scales[c], output_scale, &multipliers[c], &shift);
      shifts[c] = shift;
    }
  }
  rq->multipliers = multipliers;
  rq->shifts = shifts;
  return static_cast<uint8_t*>(scratch) + source.table_bytes();
}

int32_t window_output_size(Padding padding, int32_t in, int32_t filter, int32_t stride, int32_t dilation) {
  const int64_t effective = int64_t{filter - 1} * dilation + 1;
  if (padding == Padding::SAME) return static_cast<int32_t>((int64_t{in} + stride - 1) / stride);
  if (effective > in) return 0;
  return static_cast<int32_t>((in - effective + stride) / stride);
}

int32_t window_leading_padding(int32_t in, int32_t filter, int32_t stride, int32_t dilation, int32_t out) {
  const int64_t effective = int64_t{filter - 1} * dilation + 1;
  const int64_t total = (int64_t{out} - 1) * stride + effective - in;
  return total > 0 ? static_cast<int32_t>(total / 2) : 0;
}

bool int8_bias_fits(const Tensor* bias, int64_t depth) {
  if (bias == nullptr || bias->type != DataType::kInt32) return true;
  // 256 of margin so that adding the output zero point cannot overflow either.
  const int64_t limit = int64_t{INT32_MAX} - depth * 255 * 128 - 256;
  const int32_t* values = bias->data_as<const int32_t>();
  for (int64_t i = 0; i < bias->shape.elements(); ++i)
    if (values[i] > limit || values[i] < -limit) return false;
  return true;
}

Status require_per_tensor_int8(const PrepareContext& ctx, const Tensor& t, const char* role) {
  if (!t.quant.is_quantized()) {
    return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' is int8 without quantization", role, t.name);
  }
  if (t.quant.per_channel()) {
    return ctx.error(StatusCode::kUnsupported, "%s tensor '%s' must be quantized per tensor", role, t.name);
  }
  return Status::ok();
}

void format_shape(const Shape& shape, char* buffer, std::size_t size) {
  if (size == 0) return;
  buffer[0] = '\0';
  std::size_t used = 0;
  if (shape.rank == 0) {
    std::snprintf(buffer, size, "scalar");
    return;
  }
  for (int32_t i = 0; i < shape.rank && used < size; ++i) {
    const int n = std::snprintf(buffer + used, size - used, i == 0 ? "%d" : "x%d", static_cast<int>(shape.dims[i]));
    if (n < 0) return;
    used += static_cast<std::size_t>(n);
  }
}

void describe_text(char* buffer, std::size_t size, const char* format, ...) {
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, size, format, args);
  va_end(args);
}

void describe_shape_change(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size) {
  char in[64], out[64];
  format_shape(tensors[node.inputs[0]].shape(), in, sizeof(in));
  format_shape(tensors[node.outputs[0]].shape(), out, sizeof(out));
  describe_text(buffer, size, "%s -> %s", in, out);
}

}  // namespace tinyinfer
