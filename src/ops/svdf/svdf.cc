// SVDF: float32 and TFLM's integer SVDF (int8 input and output, int16 or
// int8 state and time weights, int32 bias). Inputs: input [batches,
// input_size], weights_feature [filters, input_size], weights_time
// [filters, memory], bias [units] (optional), state [batches, filters *
// memory] (a variable tensor: kept across invokes, Interpreter::reset_state()).
#include "ops/svdf/svdf.h"

#include <cmath>

#include "dsp/fixed_point.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

struct SvdfData {
  kernels::SvdfDims dims;
  kernels::SvdfFloatParams float_params;
  kernels::SvdfQuantParams quant;
  DataType state_type;
  ActivationFunctionType activation;
};

constexpr int kInput = 0, kWeightsFeature = 1, kWeightsTime = 2, kBias = 3, kState = 4;

Status check_dims(PrepareContext& ctx, const Tensor& t, const char* role, int32_t d0, int32_t d1) {
  if (t.shape.rank != 2 || t.shape.dims[0] != d0 || t.shape.dims[1] != d1)
    return ctx.error(StatusCode::kInvalidModel, "%s '%s' must be [%d, %d]", role, t.name, d0, d1);
  return Status::ok();
}

bool svdf_float_activation(ActivationFunctionType act, kernels::SvdfFloatParams* p) {
  p->activation = kernels::SvdfFloatActivation::kClamp;
  if (act == ActivationFunctionType::TANH) {
    p->activation = kernels::SvdfFloatActivation::kTanh;
    return true;
  }
  if (act == ActivationFunctionType::SIGN_BIT) {
    p->activation = kernels::SvdfFloatActivation::kSignBit;
    return true;
  }
  return float_activation(act, &p->clamp);
}

// TFLM's integer parameters: both effective scales are products of float
// scales (computed in float, as TFLM does, then rounded to Q31).
Status prepare_quant(PrepareContext& ctx, const Tensor& input, const Tensor& weights_feature,
                     const Tensor& weights_time, const Tensor* bias, const Tensor& state, const Tensor& output,
                     SvdfData* d) {
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, input, "input"));
  TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, output, "output"));
  const Tensor* per_tensor[] = {&weights_feature, &weights_time, &state};
  for (const Tensor* t : per_tensor)
    if (!t->quant.is_quantized() || t->quant.per_channel())
      return ctx.error(StatusCode::kUnsupported, "'%s' must be quantized per tensor", t->name);
  if (input.shape.dims[1] > kMaxInt8AccumulationDepth)
    return ctx.error(StatusCode::kUnsupported, "input size %d could overflow the int32 accumulator",
                     input.shape.dims[1]);
  if (bias != nullptr) {
    if (bias->type != DataType::kInt32)
      return ctx.error(StatusCode::kUnsupported, "bias of type %s not supported (int32)", data_type_name(bias->type));
    const float expected = state.quant.scale() * weights_time.quant.scale();
    if (!bias->quant.is_quantized() ||
        std::fabs(static_cast<double>(bias->quant.scale()) - static_cast<double>(expected)) >= 1e-5)
      return ctx.error(StatusCode::kInvalidModel, "bias scale must be state scale x weights_time scale (%g)",
                       static_cast<double>(expected));
  }
  const float scale1 = input.quant.scale() * weights_feature.quant.scale() / state.quant.scale();
  const float scale2 = state.quant.scale() * weights_time.quant.scale() / output.quant.scale();
  int shift1 = 0, shift2 = 0;
  quant::quantize_multiplier(static_cast<double>(scale1), &d->quant.multiplier1, &shift1);
  quant::quantize_multiplier(static_cast<double>(scale2), &d->quant.multiplier2, &shift2);
  d->quant.shift1 = shift1;
  d->quant.shift2 = shift2;
  d->quant.input_zero_point = input.quant.zero_point();
  d->quant.state_zero_point = state.quant.zero_point();
  d->quant.output_zero_point = output.quant.zero_point();
  return Status::ok();
}

Status prepare_svdf(PrepareContext& ctx) {
  if (ctx.input_count() != 5 || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 5 inputs (bias may be absent) and 1 output, has %d and %d",
                     ctx.input_count(), ctx.output_count());
  for (int i : {kInput, kWeightsFeature, kWeightsTime, kState})
    if (!ctx.has_input(i)) return ctx.error(StatusCode::kInvalidModel, "input %d is required", i);
  const Tensor input = ctx.input(kInput);
  const Tensor weights_feature = ctx.input(kWeightsFeature);
  const Tensor weights_time = ctx.input(kWeightsTime);
  const Tensor bias_tensor = ctx.has_input(kBias) ? ctx.input(kBias) : Tensor();
  const Tensor* bias = ctx.has_input(kBias) ? &bias_tensor : nullptr;
  const Tensor state = ctx.input(kState);
  const Tensor output = ctx.output(0);
  const auto* opt = format::options_as<fb::SVDFOptions>(ctx.info(), fb::BuiltinOptions::SVDFOptions);
  if (opt == nullptr) return ctx.error(StatusCode::kInvalidModel, "SVDFOptions missing");
  const int32_t rank = opt->rank();

  if (input.shape.rank != 2)
    return ctx.error(StatusCode::kUnsupported, "input must be 2-D [batches, input_size], has rank %d",
                     input.shape.rank);
  if (weights_feature.shape.rank != 2 || weights_time.shape.rank != 2)
    return ctx.error(StatusCode::kInvalidModel, "weights_feature and weights_time must be 2-D");
  kernels::SvdfDims dims;
  dims.batches = input.shape.dims[0];
  dims.input_size = input.shape.dims[1];
  dims.filters = weights_feature.shape.dims[0];
  dims.memory = weights_time.shape.dims[1];
  if (rank <= 0 || dims.filters % rank != 0)
    return ctx.error(StatusCode::kInvalidModel, "rank %d does not divide the %d filters", rank, dims.filters);
  dims.rank = rank;
  dims.units = dims.filters / rank;
  TI_RETURN_IF_ERROR(check_dims(ctx, weights_feature, "weights_feature", dims.filters, dims.input_size));
  TI_RETURN_IF_ERROR(check_dims(ctx, weights_time, "weights_time", dims.filters, dims.memory));
  TI_RETURN_IF_ERROR(check_dims(ctx, output, "output", dims.batches, dims.units));
  if (int64_t{dims.memory} * dims.filters > INT32_MAX)
    return ctx.error(StatusCode::kUnsupported, "state of %d x %d is too large", dims.memory, dims.filters);
  TI_RETURN_IF_ERROR(check_dims(ctx, state, "state", dims.batches, dims.memory * dims.filters));
  if (bias != nullptr && bias->shape.elements() != dims.units)
    return ctx.error(StatusCode::kInvalidModel, "bias has %lld elements for %d units",
                     static_cast<long long>(bias->shape.elements()), dims.units);
  if (!state.is_variable)
    return ctx.error(StatusCode::kInvalidModel, "state '%s' (input 4) must be a variable tensor", state.name);

  auto* d = ctx.allocate_persistent_array<SvdfData>(1);
  if (d == nullptr) return ctx.arena_exhausted();
  *d = SvdfData();
  d->dims = dims;
  d->state_type = state.type;
  d->activation = opt->fused_activation_function();
  TI_RETURN_IF_ERROR(
      ctx.use_kernel(signature({input.type, weights_feature.type, weights_time.type, state.type}, output.type)));
  if (input.type == DataType::kFloat32) {
    if (bias != nullptr && bias->type != DataType::kFloat32)
      return ctx.error(StatusCode::kUnsupported, "bias of type %s not supported (float32)", data_type_name(bias->type));
    if (!svdf_float_activation(d->activation, &d->float_params))
      return ctx.error(StatusCode::kUnsupported, "fused activation %s", activation_name(d->activation));
  } else {
    TI_RETURN_IF_ERROR(prepare_quant(ctx, input, weights_feature, weights_time, bias, state, output, d));
  }
  ctx.node().op_data = d;
  return Status::ok();
}

void eval_svdf(const EvalContext& ctx) {
  const SvdfData& d = *ctx.data<SvdfData>();
  const TensorSlot* bias = ctx.optional_input(kBias);
  void* const state = ctx.input(kState).data;
  if (ctx.input(kInput).type == DataType::kFloat32) {
    ctx.kernel<kernels::SvdfFloatFn>()(d.dims, d.float_params, ctx.input(kInput).data_as<const float>(),
                                       ctx.input(kWeightsFeature).data_as<const float>(),
                                       ctx.input(kWeightsTime).data_as<const float>(),
                                       bias ? bias->data_as<const float>() : nullptr, static_cast<float*>(state),
                                       ctx.output(0).data_as<float>(), ctx.node.scratch);
  } else if (d.state_type == DataType::kInt16) {
    ctx.kernel<kernels::SvdfInt8Int16Fn>()(
        d.dims, d.quant, ctx.input(kInput).data_as<const int8_t>(), ctx.input(kWeightsFeature).data_as<const int8_t>(),
        ctx.input(kWeightsTime).data_as<const int16_t>(), bias ? bias->data_as<const int32_t>() : nullptr,
        static_cast<int16_t*>(state), ctx.output(0).data_as<int8_t>(), ctx.node.scratch);
  } else {
    ctx.kernel<kernels::SvdfInt8Int8Fn>()(
        d.dims, d.quant, ctx.input(kInput).data_as<const int8_t>(), ctx.input(kWeightsFeature).data_as<const int8_t>(),
        ctx.input(kWeightsTime).data_as<const int8_t>(), bias ? bias->data_as<const int32_t>() : nullptr,
        static_cast<int8_t*>(state), ctx.output(0).data_as<int8_t>(), ctx.node.scratch);
  }
}

int64_t svdf_macs(const Node& node, const TensorSlot*) {
  const auto& d = static_cast<const SvdfData*>(node.op_data)->dims;
  return int64_t{d.batches} * d.filters * (d.input_size + d.memory);
}

void describe_svdf(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const SvdfData*>(node.op_data);
  describe_text(buffer, size, "%d batch x %d in -> %d units, rank %d, memory %d, %s state, %s", d->dims.batches,
                d->dims.input_size, d->dims.units, d->dims.rank, d->dims.memory, data_type_name(d->state_type),
                activation_name(d->activation));
}

}  // namespace

const OpRegistration kSvdfOp = {27, "SVDF", 4, prepare_svdf, eval_svdf, svdf_macs, describe_svdf};

}  // namespace tinyinfer
