// FULLY_CONNECTED: float, int8 (per-tensor or per-channel weights), int16x8
// (int16 activations, int8 weights, int64 or int32 bias) and hybrid (int8
// weights, float activations).
#include "ops/fully_connected/fully_connected.h"

#include <cstdio>

#include "dsp/fixed_point.h"
#include "ops/common/mm16_int16.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

// kInt16: int64 bias / accumulator; kInt16Bias32: TFLite's int32 ones.
enum class FcKind : uint8_t { kFloat, kInt8, kHybrid, kInt16, kInt16Bias32 };

// Persistent per op (the small fields first, no padding holes).
struct FcData {
  FcKind kind;
  ActivationFunctionType activation;
  bool kernel_scratch;  // the kernel has scratch after the table (else it gets null)
  int32_t batches, depth, units;
  kernels::FloatClamp clamp;
  kernels::Requant requant;
  RequantSource requant_source;  // per-channel tables are derived into the scratch
  const float* filter_scales;
  int32_t tensor_multiplier, tensor_shift;  // per-tensor weights: requant points here
};

// Per-tensor weights: TFLite derives the multiplier from the float product
// of the input and weight scales (per-channel ones use double products).
Status prepare_per_tensor_multiplier(PrepareContext& ctx, const Tensor& input, const Tensor& filter,
                                     const Tensor& output, FcData* data) {
  const float product = input.quant.scale() * filter.quant.scale();
  int shift = 0;
  quant::quantize_multiplier(static_cast<double>(product) / static_cast<double>(output.quant.scale()),
                             &data->tensor_multiplier, &shift);
  if (!requant_shift_supported(shift))
    return ctx.error(StatusCode::kUnsupported, "input x weight scale is 2^14 times the output scale or more");
  data->tensor_shift = shift;
  data->requant.multipliers = &data->tensor_multiplier;
  data->requant.shifts = &data->tensor_shift;
  data->requant.per_channel = false;
  return Status::ok();
}

// int8 or int16x8 (by the input's type) requantization.
Status prepare_fc_requant(PrepareContext& ctx, FcData* data, const Tensor& input, const Tensor& filter,
                          const Tensor& output) {
  TI_RETURN_IF_ERROR(mm16_check_activations(ctx, input, output));
  if (!filter.quant.is_quantized())
    return ctx.error(StatusCode::kInvalidModel, "weights '%s' are int8 without quantization", filter.name);
  const bool per_channel = filter.quant.per_channel();
  for (int32_t u = 0; per_channel && u < filter.quant.count; ++u)
    if (filter.quant.zero_points != nullptr && filter.quant.zero_points[u] != 0)
      return ctx.error(StatusCode::kUnsupported, "per-channel weights must be symmetric");
  kernels::Requant& rq = data->requant;
  if (per_channel)
    TI_RETURN_IF_ERROR(
        prepare_requant_multipliers(ctx, input, filter, output, data->units, &rq, &data->requant_source));
  else
    TI_RETURN_IF_ERROR(prepare_per_tensor_multiplier(ctx, input, filter, output, data));
  rq.input_offset = -input.quant.zero_point();
  rq.filter_offset = per_channel ? 0 : -filter.quant.zero_point();
  rq.output_offset = output.quant.zero_point();
  return mm16_fused_range(ctx, data->activation, output, &rq);
}

Status prepare_fc(PrepareContext& ctx) {
  if (ctx.input_count() < 2 || ctx.input_count() > 3 || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2-3 inputs and 1 output");
  if (!ctx.has_input(0) || !ctx.has_input(1))
    return ctx.error(StatusCode::kInvalidModel, "input and weights are required");
  const Tensor& input = ctx.input(0);
  const Tensor& filter = ctx.input(1);
  const Tensor bias_tensor = ctx.has_input(2) ? ctx.input(2) : Tensor();
  const Tensor* bias = ctx.has_input(2) ? &bias_tensor : nullptr;
  const Tensor output = ctx.output(0);
  const auto* opt =
      format::options_as<fb::FullyConnectedOptions>(ctx.info(), fb::BuiltinOptions::FullyConnectedOptions);
  const ActivationFunctionType act = opt ? opt->fused_activation_function() : ActivationFunctionType::NONE;
  if (opt != nullptr && opt->weights_format() != fb::FullyConnectedOptionsWeightsFormat::DEFAULT)
    return ctx.error(StatusCode::kUnsupported, "shuffled weights format");
  if (filter.shape.rank != 2)
    return ctx.error(StatusCode::kInvalidModel, "weights must be 2-D, got rank %d", filter.shape.rank);
  // float32 weights and biases may be computed at run time (a weight-only
  // model's DEQUANTIZE output); quantized ones are checked against their
  // values at prepare, so they must be constant.
  if (!filter.is_constant && filter.type != DataType::kFloat32)
    return ctx.error(StatusCode::kUnsupported, "%s weights '%s' must be constant", data_type_name(filter.type),
                     filter.name);
  if (bias != nullptr && !bias->is_constant && bias->type != DataType::kFloat32)
    return ctx.error(StatusCode::kUnsupported, "%s bias '%s' must be constant", data_type_name(bias->type), bias->name);
  const int32_t units = filter.shape.dims[0];
  const int32_t depth = filter.shape.dims[1];
  const int64_t in_elements = input.shape.elements();
  if (in_elements % depth != 0)
    return ctx.error(StatusCode::kInvalidModel, "input of %lld elements is not a multiple of depth %d",
                     static_cast<long long>(in_elements), depth);
  const int64_t batches = in_elements / depth;
  if (output.shape.elements() != batches * units)
    return ctx.error(StatusCode::kInvalidModel, "output has %lld elements, expected %lld x %d",
                     static_cast<long long>(output.shape.elements()), static_cast<long long>(batches), units);
  if (bias != nullptr && bias->shape.elements() != units)
    return ctx.error(StatusCode::kInvalidModel, "bias has %lld elements for %d units",
                     static_cast<long long>(bias->shape.elements()), units);

  auto* data = ctx.allocate_persistent_array<FcData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = FcData();
  data->batches = static_cast<int32_t>(batches);
  data->depth = depth;
  data->units = units;
  data->activation = act;

  const bool weights_per_channel = filter.quant.per_channel();
  if (weights_per_channel && filter.quant.quantized_dimension != 0)
    return ctx.error(StatusCode::kUnsupported, "weights quantized along dimension %d",
                     filter.quant.quantized_dimension);

  // int16 without a bias: the accumulator width stands in for the bias type.
  const bool bias32 = opt != nullptr && opt->quantized_bias_type() == fb::TensorType::INT32;
  const DataType no_bias = input.type != DataType::kInt16 ? kAbsent : bias32 ? kI32 : kI64;
  TI_RETURN_IF_ERROR(
      ctx.use_kernel(signature({input.type, filter.type, bias != nullptr ? bias->type : no_bias}, output.type)));
  if (input.type == DataType::kFloat32) {  // float32 or hybrid (int8 weights)
    if (!float_activation(act, &data->clamp))
      return ctx.error(StatusCode::kUnsupported, "fused activation %s", activation_name(act));
    data->kind = filter.type == DataType::kFloat32 ? FcKind::kFloat : FcKind::kHybrid;
    if (data->kind == FcKind::kHybrid) {
      if (!filter.quant.is_quantized())
        return ctx.error(StatusCode::kInvalidModel, "hybrid weights '%s' have no scale", filter.name);
      if (filter.quant.zero_point() != 0)
        return ctx.error(StatusCode::kUnsupported, "hybrid weights '%s' have a non-zero zero point", filter.name);
      float* scales = ctx.allocate_persistent_array<float>(units);
      if (scales == nullptr) return ctx.arena_exhausted();
      for (int32_t u = 0; u < units; ++u) scales[u] = filter.quant.scales[weights_per_channel ? u : 0];
      data->filter_scales = scales;
    }
  } else if (input.type == DataType::kInt16) {  // the int64 accumulator needs no depth limit
    data->kind = ctx.node().kernel->types.inputs[2] == kI32 ? FcKind::kInt16Bias32 : FcKind::kInt16;
    TI_RETURN_IF_ERROR(prepare_fc_requant(ctx, data, input, filter, output));
  } else {  // int8
    data->kind = FcKind::kInt8;
    if (depth > kMaxInt8AccumulationDepth)
      return ctx.error(StatusCode::kUnsupported, "depth %d could overflow the int32 accumulator", depth);
    if (!int8_bias_fits(bias, depth))
      return ctx.error(StatusCode::kInvalidModel, "bias '%s' is so large the int32 accumulator could overflow",
                       bias->name);
    TI_RETURN_IF_ERROR(prepare_fc_requant(ctx, data, input, filter, output));
  }
  kernels::ScratchQuery query;
  query.in = {data->batches, 1, 1, depth};
  query.filter = {units, 1, 1, depth};
  query.out = {data->batches, 1, 1, units};
  query.small_arena = ctx.small_arena();
  const std::size_t kernel_bytes = ctx.kernel_scratch_bytes(query);
  data->kernel_scratch = kernel_bytes > 0;
  ctx.request_scratch(data->requant_source.table_bytes() + kernel_bytes);
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_fc(const EvalContext& ctx) {
  const FcData& d = *ctx.data<FcData>();
  const TensorSlot& input = ctx.input(0);
  const TensorSlot& filter = ctx.input(1);
  const TensorSlot* bias = ctx.optional_input(2);
  const TensorSlot& output = ctx.output(0);
  switch (d.kind) {
    case FcKind::kFloat:
      ctx.kernel<kernels::FullyConnectedFloatFn>()(
          d.clamp, d.batches, d.depth, d.units, input.data_as<const float>(), filter.data_as<const float>(),
          bias ? bias->data_as<const float>() : nullptr, output.data_as<float>(), ctx.node.scratch);
      break;
    case FcKind::kHybrid:
      ctx.kernel<kernels::FullyConnectedHybridFn>()(
          d.clamp, d.batches, d.depth, d.units, input.data_as<const float>(), filter.data_as<const int8_t>(),
          d.filter_scales, bias ? bias->data_as<const float>() : nullptr, output.data_as<float>(), ctx.node.scratch);
      break;
    default: {  // quantized: the per-channel table first
      kernels::Requant requant = d.requant;
      void* const kernel_scratch = requant_table_in_scratch(d.requant_source, ctx.node.scratch, true, &requant);
      void* const scratch = d.kernel_scratch ? kernel_scratch : nullptr;
      const auto* weights = filter.data_as<const int8_t>();
      if (d.kind == FcKind::kInt8) {
        ctx.kernel<kernels::FullyConnectedInt8Fn>()(requant, d.batches, d.depth, d.units, input.data_as<const int8_t>(),
                                                    weights, bias ? bias->data_as<const int32_t>() : nullptr,
                                                    output.data_as<int8_t>(), scratch);
      } else if (d.kind == FcKind::kInt16) {
        ctx.kernel<kernels::FullyConnectedInt16Fn>()(
            requant, d.batches, d.depth, d.units, input.data_as<const int16_t>(), weights,
            bias ? bias->data_as<const int64_t>() : nullptr, output.data_as<int16_t>(), scratch);
      } else {
        ctx.kernel<kernels::FullyConnectedInt16Bias32Fn>()(
            requant, d.batches, d.depth, d.units, input.data_as<const int16_t>(), weights,
            bias ? bias->data_as<const int32_t>() : nullptr, output.data_as<int16_t>(), scratch);
      }
      break;
    }
  }
}

int64_t fc_macs(const Node& node, const TensorSlot*) {
  const auto* d = static_cast<const FcData*>(node.op_data);
  return int64_t{d->batches} * d->depth * d->units;
}

void describe_fc(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const FcData*>(node.op_data);
  static const char* const kKindNames[] = {"float", "int8", "hybrid", "int16x8", "int16x8 (int32 bias)"};
  const char* kind = kKindNames[static_cast<int>(d->kind)];
  describe_text(buffer, size, "%s, %d batch x %d in -> %d units, %s", kind, d->batches, d->depth, d->units,
                activation_name(d->activation));
}

}  // namespace

const OpRegistration kFullyConnectedOp = {9, "FULLY_CONNECTED", 9, prepare_fc, eval_fc, fc_macs, describe_fc};

}  // namespace tinyinfer
