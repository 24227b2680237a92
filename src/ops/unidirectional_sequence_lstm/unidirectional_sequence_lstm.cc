// UNIDIRECTIONAL_SEQUENCE_LSTM: TFLM's standard LSTM in float32, int8 (int8
// activations and weights, int32 biases, int16 cell state) and 16x8 (int16
// activations, int8 weights, int64 biases, int16 cell state). Inputs in
// TFLite's order (24, absent optional ones -1): 0 input, 1-4 input weights,
// 5-8 recurrent weights (input, forget, cell, output gate), 9-11 peephole,
// 12-15 gate biases, 16-17 projection, 18 hidden state, 19 cell state,
// 20-23 layer norm. As TFLM, the peephole, projection and layer-norm
// variants and a missing input gate (CIFG) are refused.
#include "ops/unidirectional_sequence_lstm/unidirectional_sequence_lstm.h"

#include <algorithm>
#include <cmath>

#include "dsp/fixed_point.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;
using kernels::kLstmGates;

constexpr int kInput = 0, kInputWeights = 1, kRecurrentWeights = 5, kBias = 12, kHidden = 18, kCell = 19;

struct LstmData {
  kernels::LstmDims dims;
  kernels::LstmFloatParams float_params;
  kernels::LstmQuantParams quant;
};

// TFLM's gate product scale: float(input scale x weight scale) / 2^-12.
Status gate_scale(PrepareContext& ctx, const Tensor& x, const Tensor& w, bool wide, kernels::LstmScale* out) {
  constexpr float kGateScale = 1.0f / 4096.0f;  // Q3.12
  const double real = static_cast<double>(x.quant.scale() * w.quant.scale()) / static_cast<double>(kGateScale);
  int shift = 0;
  quant::quantize_multiplier(real, &out->multiplier, &shift);
  out->shift = shift;
  // The 64-bit requantization of the 16x8 kernel (and TFLM's) needs shift < 8.
  if ((wide && shift >= 8) || out->multiplier == 0)
    return ctx.error(StatusCode::kUnsupported, "weights '%s': gate scale %g out of range", w.name, real);
  return Status::ok();
}

kernels::LstmScale mul_scale(double a, double b, double out) {
  kernels::LstmScale s;
  int shift = 0;
  quant::quantize_multiplier(a * b / out, &s.multiplier, &shift);
  s.shift = shift;
  return s;
}

Status prepare_quant(PrepareContext& ctx, const Tensor& input, const Tensor& hidden, const Tensor& cell,
                     float cell_clip, LstmData* d) {
  kernels::LstmQuantParams& q = d->quant;
  const bool wide = input.type == DataType::kInt16;
  const Tensor* quantized[] = {&input, &hidden, &cell};
  for (const Tensor* t : quantized)
    if (!t->quant.is_quantized() || t->quant.per_channel())
      return ctx.error(StatusCode::kUnsupported, "'%s' must be quantized per tensor", t->name);
  for (int g = 0; g < kLstmGates; ++g) {
    const Tensor w = ctx.input(kInputWeights + g);
    const Tensor r = ctx.input(kRecurrentWeights + g);
    if (!w.quant.is_quantized() || w.quant.per_channel() || !r.quant.is_quantized() || r.quant.per_channel())
      return ctx.error(StatusCode::kUnsupported, "gate %d weights must be quantized per tensor (as TFLM's LSTM)", g);
    TI_RETURN_IF_ERROR(gate_scale(ctx, input, w, wide, &q.input_fc[g]));
    TI_RETURN_IF_ERROR(gate_scale(ctx, hidden, r, wide, &q.recurrent_fc[g]));
    q.input_weight_offset[g] = -w.quant.zero_point();
    q.recurrent_weight_offset[g] = -r.quant.zero_point();
  }
  q.input_offset = -input.quant.zero_point();
  q.hidden_offset = -hidden.quant.zero_point();
  // Cell scale 2^power, rounded as TFLM's CheckedLog2 (whose check TFLM ignores).
  const float cell_scale = cell.quant.scale();
  const float log2_scale = std::round(std::log(cell_scale) * (1.0f / std::log(2.0f)));
  if (log2_scale > 12.0f || log2_scale < -30.0f)
    return ctx.error(StatusCode::kUnsupported, "cell state scale %g out of range", static_cast<double>(cell_scale));
  q.cell_scale_power = static_cast<int32_t>(log2_scale);
  q.clip_cell = cell_clip > 0.0f;
  q.cell_clip = static_cast<int16_t>(
      std::min(std::max(static_cast<double>(cell_clip) / static_cast<double>(cell_scale), -32768.0), 32767.0));
  constexpr double kGateOutput = 1.0 / 32768.0;  // Q0.15 sigmoid / tanh results
  q.forget_times_cell = mul_scale(kGateOutput, cell_scale, cell_scale);
  q.input_times_cell_gate = mul_scale(kGateOutput, kGateOutput, cell_scale);
  q.output_times_tanh_cell = mul_scale(kGateOutput, kGateOutput, hidden.quant.scale());
  q.hidden_zero_point = hidden.quant.zero_point();
  q.hidden_min = wide ? INT16_MIN : INT8_MIN;
  q.hidden_max = wide ? INT16_MAX : INT8_MAX;
  return Status::ok();
}

Status check_shape(PrepareContext& ctx, const Tensor& t, int32_t rank, int32_t d0, int32_t d1) {
  const bool ok = t.shape.rank == rank && t.shape.dims[0] == d0 && (rank == 1 || t.shape.dims[1] == d1);
  if (ok) return Status::ok();
  if (rank == 1) return ctx.error(StatusCode::kInvalidModel, "'%s' must be [%d]", t.name, d0);
  return ctx.error(StatusCode::kInvalidModel, "'%s' must be [%d, %d]", t.name, d0, d1);
}

// TFLM's tensor checks: which inputs must be there, which must not.
Status check_inputs(PrepareContext& ctx) {
  if (ctx.input_count() != 24 || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 24 inputs and 1 output, has %d and %d", ctx.input_count(),
                     ctx.output_count());
  for (int i : {kInput, kHidden, kCell})
    if (!ctx.has_input(i)) return ctx.error(StatusCode::kInvalidModel, "input %d is required", i);
  if (!ctx.has_input(kInputWeights) || !ctx.has_input(kRecurrentWeights) || !ctx.has_input(kBias))
    return ctx.error(StatusCode::kUnsupported, "no input gate (CIFG) is not supported (neither by TFLM)");
  for (int g = 0; g < kLstmGates; ++g)
    if (!ctx.has_input(kInputWeights + g) || !ctx.has_input(kRecurrentWeights + g) || !ctx.has_input(kBias + g))
      return ctx.error(StatusCode::kInvalidModel, "gate %d weights and bias are required", g);
  struct Variant {
    int first, last;
    const char* name;
  };
  constexpr Variant kVariants[] = {{9, 11, "peephole"}, {16, 17, "projection"}, {20, 23, "layer normalization"}};
  for (const Variant& v : kVariants)
    for (int i = v.first; i <= v.last; ++i)
      if (ctx.has_input(i))
        return ctx.error(StatusCode::kUnsupported, "%s (input %d) is not supported (neither by TFLM)", v.name, i);
  if (!ctx.input(kHidden).is_variable || !ctx.input(kCell).is_variable)
    return ctx.error(StatusCode::kInvalidModel, "hidden and cell state (inputs 18, 19) must be variable tensors");
  return Status::ok();
}

Status prepare_lstm(PrepareContext& ctx) {
  TI_RETURN_IF_ERROR(check_inputs(ctx));
  const auto* opt = format::options_as<fb::UnidirectionalSequenceLSTMOptions>(
      ctx.info(), fb::BuiltinOptions::UnidirectionalSequenceLSTMOptions);
  if (opt == nullptr) return ctx.error(StatusCode::kInvalidModel, "UnidirectionalSequenceLSTMOptions missing");
  if (opt->fused_activation_function() != ActivationFunctionType::TANH)
    return ctx.error(StatusCode::kUnsupported, "cell activation %s not supported (TANH, as TFLM)",
                     activation_name(opt->fused_activation_function()));
  if (opt->diagonal_recurrent_tensors())
    return ctx.error(StatusCode::kUnsupported, "diagonal recurrent weights are not supported (neither by TFLM)");
  const Tensor input = ctx.input(kInput);
  const Tensor hidden = ctx.input(kHidden);
  const Tensor cell = ctx.input(kCell);
  const Tensor output = ctx.output(0);
  if (input.shape.rank != 3)
    return ctx.error(StatusCode::kUnsupported, "input must be 3-D, has rank %d", input.shape.rank);
  if (hidden.shape.rank < 2) return ctx.error(StatusCode::kInvalidModel, "hidden state must be [batches, units]");
  kernels::LstmDims dims;
  dims.time_major = opt->time_major();
  dims.batches = input.shape.dims[dims.time_major ? 1 : 0];
  dims.steps = input.shape.dims[dims.time_major ? 0 : 1];
  dims.input_size = input.shape.dims[2];
  dims.units = hidden.shape.dims[1];
  for (int g = 0; g < kLstmGates; ++g) {
    TI_RETURN_IF_ERROR(check_shape(ctx, ctx.input(kInputWeights + g), 2, dims.units, dims.input_size));
    TI_RETURN_IF_ERROR(check_shape(ctx, ctx.input(kRecurrentWeights + g), 2, dims.units, dims.units));
    TI_RETURN_IF_ERROR(check_shape(ctx, ctx.input(kBias + g), 1, dims.units, 0));
  }
  const int64_t state_elements = int64_t{dims.batches} * dims.units;
  if (hidden.shape.elements() != state_elements || cell.shape.elements() != state_elements)
    return ctx.error(StatusCode::kInvalidModel, "hidden and cell state must hold %d x %d elements", dims.batches,
                     dims.units);
  if (output.shape.rank != 3 || output.shape.dims[0] != input.shape.dims[0] ||
      output.shape.dims[1] != input.shape.dims[1] || output.shape.dims[2] != dims.units)
    return ctx.error(StatusCode::kInvalidModel, "output must be [%d, %d, %d]", input.shape.dims[0], input.shape.dims[1],
                     dims.units);
  // Types: hidden and output as the input, all weights alike, all biases alike.
  const DataType weights = ctx.input(kInputWeights).type, bias = ctx.input(kBias).type;
  for (int g = 0; g < kLstmGates; ++g)
    if (ctx.input(kInputWeights + g).type != weights || ctx.input(kRecurrentWeights + g).type != weights ||
        ctx.input(kBias + g).type != bias)
      return ctx.error(StatusCode::kUnsupported, "all gate weights (and all biases) must share one type");
  if (hidden.type != input.type || output.type != input.type)
    return ctx.error(StatusCode::kUnsupported, "hidden state and output must have the input's type %s",
                     data_type_name(input.type));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type, weights, cell.type, bias}, output.type)));

  auto* d = ctx.allocate_persistent_array<LstmData>(1);
  if (d == nullptr) return ctx.arena_exhausted();
  *d = LstmData();
  d->dims = dims;
  d->float_params.cell_clip = opt->cell_clip();
  if (input.type != DataType::kFloat32)
    TI_RETURN_IF_ERROR(prepare_quant(ctx, input, hidden, cell, opt->cell_clip(), d));
  // The reference's four state rows, or the kernel's layout where it asks for more.
  kernels::ScratchQuery query;
  query.in = {dims.batches, dims.steps, 1, dims.input_size};
  query.out = {dims.batches, dims.steps, 1, dims.units};
  query.small_arena = ctx.small_arena();
  ctx.request_scratch(
      std::max(kernels::lstm_scratch_bytes(dims.units, data_type_size(cell.type)), ctx.kernel_scratch_bytes(query)));
  ctx.node().op_data = d;
  return Status::ok();
}

template <typename Act, typename W, typename Bias, typename Cell>
kernels::LstmTensors<Act, W, Bias, Cell> lstm_tensors(const EvalContext& ctx) {
  kernels::LstmTensors<Act, W, Bias, Cell> t;
  t.input = ctx.input(kInput).data_as<const Act>();
  for (int g = 0; g < kLstmGates; ++g) {
    t.input_weights[g] = ctx.input(kInputWeights + g).data_as<const W>();
    t.recurrent_weights[g] = ctx.input(kRecurrentWeights + g).data_as<const W>();
    t.bias[g] = ctx.input(kBias + g).data_as<const Bias>();
  }
  t.hidden = ctx.input(kHidden).data_as<Act>();
  t.cell = ctx.input(kCell).data_as<Cell>();
  t.output = ctx.output(0).data_as<Act>();
  return t;
}

void eval_lstm(const EvalContext& ctx) {
  const LstmData& d = *ctx.data<LstmData>();
  switch (ctx.input(kInput).type) {
    case DataType::kFloat32:
      ctx.kernel<kernels::LstmFloatFn>()(d.dims, d.float_params, lstm_tensors<float, float, float, float>(ctx),
                                         ctx.node.scratch);
      break;
    case DataType::kInt8:
      ctx.kernel<kernels::LstmInt8Fn>()(d.dims, d.quant, lstm_tensors<int8_t, int8_t, int32_t, int16_t>(ctx),
                                        ctx.node.scratch);
      break;
    default:
      ctx.kernel<kernels::LstmInt16Fn>()(d.dims, d.quant, lstm_tensors<int16_t, int8_t, int64_t, int16_t>(ctx),
                                         ctx.node.scratch);
      break;
  }
}

int64_t lstm_macs(const Node& node, const TensorSlot*) {
  const auto& d = static_cast<const LstmData*>(node.op_data)->dims;
  return int64_t{d.batches} * d.steps * kLstmGates * d.units * (d.input_size + d.units);
}

void describe_lstm(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto& d = static_cast<const LstmData*>(node.op_data)->dims;
  describe_text(buffer, size, "%d batch x %d steps x %d in -> %d units, %s", d.batches, d.steps, d.input_size, d.units,
                d.time_major ? "time major" : "batch major");
}

}  // namespace

const OpRegistration kUnidirectionalSequenceLstmOp = {
    44, "UNIDIRECTIONAL_SEQUENCE_LSTM", 4, prepare_lstm, eval_lstm, lstm_macs, describe_lstm};

}  // namespace tinyinfer
