// Full-integer quantization: calibrated int8 activations, int8 weights,
// int32 bias, and QUANTIZE/DEQUANTIZE around the model unless its I/O becomes
// int8; TFLite's int8 op versions.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

#include "convert/calibration.h"
#include "convert/quantize_graph.h"
#include "tinyinfer/model.h"

namespace tinyinfer::quant::internal {
namespace {

using format::ModelBytes;

// TFLite's op versions for int8 inputs and outputs.
int32_t int8_version(int32_t code, const fb::OperatorT& op) {
  switch (static_cast<OpCode>(code)) {
    case OpCode::kConv2d:
    case OpCode::kDepthwiseConv2d:
      return 3;
    case OpCode::kFullyConnected: {
      if (op.inputs.size() == 2) return 6;
      const auto* o = op.builtin_options.AsFullyConnectedOptions();
      if (o != nullptr && o->keep_num_dims) return 5;
      return 4;
    }
    case OpCode::kMaxPool2d:
    case OpCode::kAveragePool2d:
    case OpCode::kSoftmax:
    case OpCode::kAdd:
    case OpCode::kDequantize:
      return 2;
    case OpCode::kReshape:
    case OpCode::kQuantize:
      return 1;
  }
  return 1;
}

bool int8_supported(int32_t code) {
  switch (static_cast<OpCode>(code)) {
    case OpCode::kConv2d:
    case OpCode::kDepthwiseConv2d:
    case OpCode::kFullyConnected:
    case OpCode::kMaxPool2d:
    case OpCode::kAveragePool2d:
    case OpCode::kSoftmax:
    case OpCode::kAdd:
    case OpCode::kReshape:
      return true;
    default:
      return false;
  }
}

bool shares_input_quantization(int32_t code) {
  return code == static_cast<int32_t>(OpCode::kMaxPool2d) || code == static_cast<int32_t>(OpCode::kAveragePool2d) ||
         code == static_cast<int32_t>(OpCode::kReshape);
}

void set_activation(fb::TensorT* t, const ActivationQuantization& q) {
  t->type = fb::TensorType::INT8;
  set_quantization(t, {q.scale}, {q.zero_point}, 0);
}

ActivationQuantization quantization_of(const fb::TensorT& t) {
  return {t.quantization->scale[0], static_cast<int32_t>(t.quantization->zero_point[0])};
}

// Weights (per channel for the convolutions, per tensor for FULLY_CONNECTED
// unless options.fc_per_channel) and int32 bias of one CONV/DEPTHWISE/FC. A
// bias too large for int32 at input_scale * weight_scale widens that
// channel's weight scale until it fits.
Status quantize_weights_and_bias(Graph& g, std::size_t op_index, const QuantizeOptions& options,
                                 std::vector<bool>* done, QuantizeSummary* summary) {
  fb::OperatorT& op = *g.graph().operators[op_index];
  const int32_t code = g.code_of(op);
  const int32_t w = op.inputs[1];
  const int32_t b = op.inputs.size() > 2 ? op.inputs[2] : -1;
  if (!g.is_constant(w))
    return Status::error(StatusCode::kUnsupported, "op %zu (%s): weights '%s' are not constant", op_index,
                         op_code_name(code).text, g.name(w));
  if ((*done)[static_cast<std::size_t>(w)] || (b >= 0 && (*done)[static_cast<std::size_t>(b)]))
    return Status::error(StatusCode::kUnsupported, "op %zu (%s): weights or bias shared with another op", op_index,
                         op_code_name(code).text);
  const int32_t dim = weight_channel_dim(code);
  fb::TensorT& wt = g.tensor(w);
  if (static_cast<std::size_t>(dim) >= wt.shape.size())
    return Status::error(StatusCode::kInvalidModel, "op %zu: weights '%s' have rank %zu", op_index, wt.name.c_str(),
                         wt.shape.size());
  std::vector<float> weights;
  TI_RETURN_IF_ERROR(constant_as_float(g, w, &weights));
  const bool per_channel =
      options.per_channel && (code != static_cast<int32_t>(OpCode::kFullyConnected) || options.fc_per_channel);
  SymmetricWeights q = quantize_weights_symmetric(weights, wt.shape, dim, per_channel);
  const float input_scale = g.tensor(op.inputs[0]).quantization->scale[0];

  std::vector<float> bias;
  if (b >= 0) {
    if (!g.is_constant(b) || g.tensor(b).type != fb::TensorType::FLOAT32)
      return Status::error(StatusCode::kUnsupported, "op %zu (%s): bias '%s' is not a float constant", op_index,
                           op_code_name(code).text, g.name(b));
    TI_RETURN_IF_ERROR(constant_as_float(g, b, &bias));
    const int32_t channels = wt.shape[static_cast<std::size_t>(dim)];
    if (static_cast<int32_t>(bias.size()) != channels)
      return Status::error(StatusCode::kInvalidModel, "op %zu: bias has %zu values for %d channels", op_index,
                           bias.size(), channels);
    // Bias overflow: only possible with tiny weights next to a large bias.
    bool widened = false;
    float max_bias = 0;
    for (float v : bias) max_bias = std::max(max_bias, std::fabs(v));
    if (max_bias / (static_cast<double>(input_scale) * *std::min_element(q.scales.begin(), q.scales.end())) >
        kInt32Limit / 2) {
      for (std::size_t c = 0; c < q.scales.size(); ++c) {
        const float need = static_cast<float>(max_bias / (static_cast<double>(input_scale) * kInt32Limit / 2));
        if (q.scales[c] < need) q.scales[c] = need, widened = true;
      }
    }
    if (widened) {
      // Requantize with the widened scales.
      int64_t inner = 1;
      for (std::size_t d = static_cast<std::size_t>(dim) + 1; d < wt.shape.size(); ++d) inner *= wt.shape[d];
      for (std::size_t i = 0; i < weights.size(); ++i) {
        const std::size_t c =
            q.scales.size() > 1
                ? static_cast<std::size_t>((static_cast<int64_t>(i) / inner) % wt.shape[static_cast<std::size_t>(dim)])
                : 0;
        const long r = std::lround(weights[i] / q.scales[c]);
        q.values[i] = static_cast<int8_t>(std::clamp<long>(r, -kWeightMax, kWeightMax));
      }
      summary->notes.push_back(
          format_text("op %zu %s: weight scales widened so the bias fits int32", op_index, op_code_name(code).text));
    }
  }
  store_int8(g, w, q, dim);
  (*done)[static_cast<std::size_t>(w)] = true;
  ++summary->weight_tensors;

  if (b >= 0) {
    fb::TensorT& bt = g.tensor(b);
    std::vector<int32_t> values(bias.size());
    std::vector<float> scales(bias.size());
    for (std::size_t c = 0; c < bias.size(); ++c) {
      // float product, as TFLite compares bias scale to input * filter scale
      scales[c] = input_scale * q.scales[q.scales.size() > 1 ? c : 0];
      const double r = std::round(static_cast<double>(bias[c]) / scales[c]);
      values[c] = static_cast<int32_t>(std::clamp(r, -kInt32Limit, kInt32Limit));
    }
    if (q.scales.size() == 1) scales.resize(1);
    std::vector<uint8_t>& bytes = g.writable_data(b);
    bytes.resize(values.size() * sizeof(int32_t));
    std::memcpy(bytes.data(), values.data(), bytes.size());
    bt.type = fb::TensorType::INT32;
    set_quantization(&bt, scales, std::vector<int64_t>(scales.size(), 0), 0);
    (*done)[static_cast<std::size_t>(b)] = true;
    ++summary->bias_tensors;
  }
  summary->notes.push_back(format_text("op %zu %s: weights '%s' -> int8 %s, bias -> int32", op_index,
                                       op_code_name(code).text, wt.name.c_str(),
                                       q.scales.size() > 1 ? "per channel" : "per tensor"));
  return Status::ok();
}

}  // namespace

Status quantize_int8(Graph& g, const ModelBytes& float_bytes, const QuantizeOptions& options,
                     const std::vector<CalibrationSample>& calibration, QuantizeSummary* summary) {
  auto& ops = g.graph().operators;
  // Refuse before the (slow) calibration.
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const int32_t code = g.code_of(*ops[i]);
    for (int32_t t : ops[i]->outputs) {
      if (t >= 0 && g.tensor(t).type != fb::TensorType::FLOAT32)
        return Status::error(StatusCode::kUnsupported,
                             "op %zu (%s): output '%s' is %s; the int8 quantizer needs a float model", i,
                             op_code_name(code).text, g.name(t), fb::EnumNameTensorType(g.tensor(t).type));
    }
    if (!int8_supported(code))
      return Status::error(StatusCode::kUnsupported, "op %zu (%s): not supported by the int8 quantizer", i,
                           op_code_name(code).text);
  }
  for (int32_t t : g.graph().inputs)
    if (g.tensor(t).type != fb::TensorType::FLOAT32)
      return Status::error(StatusCode::kUnsupported, "model input '%s' is %s; the int8 quantizer needs a float model",
                           g.name(t), fb::EnumNameTensorType(g.tensor(t).type));
  if (calibration.empty())
    return Status::error(StatusCode::kInvalidArgument, "int8 quantization needs calibration samples");

  std::vector<TensorStats> stats;
  TI_RETURN_IF_ERROR(calibrate(float_bytes, options, calibration, &stats));
  summary->calibration_samples = static_cast<int32_t>(calibration.size());

  auto range_of = [&](int32_t t, float* lo, float* hi) -> Status {
    const TensorStats& s = stats[static_cast<std::size_t>(t)];
    if (!s.seen || s.min > s.max)
      return Status::error(StatusCode::kInvalidArgument, "tensor %d '%s' was never computed during calibration", t,
                           g.name(t));
    if (s.non_finite)
      return Status::error(StatusCode::kInvalidArgument, "tensor %d '%s' held NaN or infinity during calibration", t,
                           g.name(t));
    if (options.range == RangeMethod::kPercentile)
      s.percentile_range(options.percentile, lo, hi);
    else
      *lo = s.min, *hi = s.max;
    return Status::ok();
  };

  std::vector<bool> activation_done(static_cast<std::size_t>(g.tensor_count()), false);
  auto assign_calibrated = [&](int32_t t) -> Status {
    float lo = 0, hi = 0;
    TI_RETURN_IF_ERROR(range_of(t, &lo, &hi));
    const ActivationQuantization q = int8_activation_quantization(lo, hi);
    set_activation(&g.tensor(t), q);
    activation_done[static_cast<std::size_t>(t)] = true;
    ++summary->activation_tensors;
    return Status::ok();
  };

  for (int32_t t : g.graph().inputs) TI_RETURN_IF_ERROR(assign_calibrated(t));

  std::vector<bool> constant_done(static_cast<std::size_t>(g.tensor_count()), false);
  std::vector<int32_t> versions(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) {
    fb::OperatorT& op = *ops[i];
    const int32_t code = g.code_of(op);
    // Constant float inputs other than weights/bias (ADD with a constant):
    // asymmetric int8 over their own range.
    for (std::size_t k = 0; k < op.inputs.size(); ++k) {
      const int32_t t = op.inputs[k];
      if (t < 0 || !g.is_constant(t) || g.tensor(t).type != fb::TensorType::FLOAT32) continue;
      if (is_weighted_op(code) && k >= 1) continue;
      if (constant_done[static_cast<std::size_t>(t)]) continue;
      std::vector<float> values;
      TI_RETURN_IF_ERROR(constant_as_float(g, t, &values));
      float lo = 0, hi = 0;
      for (float v : values) lo = std::min(lo, v), hi = std::max(hi, v);
      const ActivationQuantization q = int8_activation_quantization(lo, hi);
      std::vector<uint8_t>& bytes = g.writable_data(t);
      bytes.resize(values.size());
      for (std::size_t e = 0; e < values.size(); ++e) {
        const long r = std::lround(values[e] / q.scale) + q.zero_point;
        bytes[e] = static_cast<uint8_t>(static_cast<int8_t>(std::clamp<long>(r, kInt8Min, kInt8Max)));
      }
      set_activation(&g.tensor(t), q);
      constant_done[static_cast<std::size_t>(t)] = true;
    }
    // Activation inputs must have been quantized by now (ops are in order).
    for (std::size_t k = 0; k < op.inputs.size(); ++k) {
      const int32_t t = op.inputs[k];
      if (t < 0 || g.is_constant(t)) continue;
      if (!activation_done[static_cast<std::size_t>(t)])
        return Status::error(StatusCode::kInvalidModel, "op %zu (%s): input '%s' is read before it is written", i,
                             op_code_name(code).text, g.name(t));
    }
    if (is_weighted_op(code)) {
      if (op.inputs.size() < 2 || op.inputs[0] < 0 || op.inputs[1] < 0)
        return Status::error(StatusCode::kInvalidModel, "op %zu (%s): missing input or weights", i,
                             op_code_name(code).text);
      TI_RETURN_IF_ERROR(quantize_weights_and_bias(g, i, options, &constant_done, summary));
    }
    for (int32_t t : op.outputs) {
      if (t < 0) continue;
      if (code == static_cast<int32_t>(OpCode::kSoftmax)) {
        set_activation(&g.tensor(t), {1.0f / 256.0f, -128});
        activation_done[static_cast<std::size_t>(t)] = true;
        ++summary->activation_tensors;
      } else if (shares_input_quantization(code)) {
        set_activation(&g.tensor(t), quantization_of(g.tensor(op.inputs[0])));
        activation_done[static_cast<std::size_t>(t)] = true;
        ++summary->activation_tensors;
      } else {
        TI_RETURN_IF_ERROR(assign_calibrated(t));
      }
    }
    versions[i] = int8_version(code, op);
  }

  // Model I/O: int8 as is, or float through QUANTIZE / DEQUANTIZE.
  std::vector<int32_t> codes(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) codes[i] = g.code_of(*ops[i]);
  if (!options.int8_io) {
    // The float tensor keeps the original name and index (what users and
    // signatures refer to); a new "<name>_int8" tensor carries the int8 side.
    auto split_off_int8 = [&](int32_t t) {
      fb::TensorT& original = g.tensor(t);
      auto q = std::make_unique<fb::TensorT>();
      q->shape = original.shape;
      q->shape_signature = original.shape_signature;
      q->type = fb::TensorType::INT8;
      q->buffer = 0;
      q->name = original.name + "_int8";
      q->quantization = std::move(original.quantization);
      original.type = fb::TensorType::FLOAT32;
      g.graph().tensors.push_back(std::move(q));
      return g.tensor_count() - 1;
    };
    auto redirect = [&](int32_t from, int32_t to, bool inputs, bool outputs) {
      for (auto& op : ops) {
        if (inputs)
          for (int32_t& t : op->inputs) t = t == from ? to : t;
        if (outputs)
          for (int32_t& t : op->outputs) t = t == from ? to : t;
      }
    };
    std::vector<std::unique_ptr<fb::OperatorT>> prologue, epilogue;
    for (int32_t in : g.graph().inputs) {
      const int32_t q = split_off_int8(in);
      redirect(in, q, true, false);
      auto op = std::make_unique<fb::OperatorT>();
      op->inputs = {in};
      op->outputs = {q};
      prologue.push_back(std::move(op));
    }
    for (int32_t out : g.graph().outputs) {
      const int32_t q = split_off_int8(out);
      redirect(out, q, true, true);
      auto op = std::make_unique<fb::OperatorT>();
      op->inputs = {q};
      op->outputs = {out};
      epilogue.push_back(std::move(op));
    }
    std::vector<int32_t> all_codes, all_versions;
    std::vector<std::unique_ptr<fb::OperatorT>> all_ops;
    for (auto& op : prologue) {
      all_ops.push_back(std::move(op));
      all_codes.push_back(static_cast<int32_t>(OpCode::kQuantize));
      all_versions.push_back(1);
    }
    for (std::size_t i = 0; i < ops.size(); ++i) {
      all_ops.push_back(std::move(ops[i]));
      all_codes.push_back(codes[i]);
      all_versions.push_back(versions[i]);
    }
    for (auto& op : epilogue) {
      all_ops.push_back(std::move(op));
      all_codes.push_back(static_cast<int32_t>(OpCode::kDequantize));
      all_versions.push_back(2);
    }
    ops = std::move(all_ops);
    codes = std::move(all_codes);
    versions = std::move(all_versions);
    summary->notes.push_back(format_text("float model I/O kept: %zu QUANTIZE and %zu DEQUANTIZE op(s) added",
                                         prologue.size(), epilogue.size()));
  }
  assign_opcodes(g, codes, versions);
  return Status::ok();
}

}  // namespace tinyinfer::quant::internal
