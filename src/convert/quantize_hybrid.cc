// Hybrid quantization: int8 weights (symmetric, per channel for the
// convolutions), float activations; TFLite's hybrid op versions.
#include <algorithm>
#include <vector>

#include "convert/quantize_graph.h"
#include "tinyinfer/model.h"

namespace tinyinfer::quant::internal {
namespace {

// TFLite's op versions for float input x int8 weights (the rules of
// TFLite's tools/versioning/op_version.cc, checked in the same order).
// FULLY_CONNECTED: per-channel hybrid 12; otherwise a missing bias (exactly
// two inputs; an omitted bias written as -1 still counts as an input) 6,
// keep_num_dims 5, asymmetric_quantize_inputs 9, else 3.
int32_t hybrid_version(int32_t code, bool per_channel, const fb::OperatorT& op) {
  switch (static_cast<OpCode>(code)) {
    case OpCode::kConv2d:
      return per_channel ? 5 : 2;
    case OpCode::kDepthwiseConv2d:
      return per_channel ? 6 : 4;
    case OpCode::kFullyConnected: {
      if (per_channel) return 12;
      if (op.inputs.size() == 2) return 6;
      const auto* o = op.builtin_options.AsFullyConnectedOptions();
      if (o != nullptr && o->keep_num_dims) return 5;
      if (o != nullptr && o->asymmetric_quantize_inputs) return 9;
      return 3;
    }
    default:
      return 1;
  }
}

}  // namespace

Status quantize_hybrid(Graph& g, const QuantizeOptions& options, QuantizeSummary* summary) {
  auto& ops = g.graph().operators;
  std::vector<int32_t> versions(ops.size()), codes(ops.size());
  std::vector<bool> done(static_cast<std::size_t>(g.tensor_count()), false);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    fb::OperatorT& op = *ops[i];
    const int32_t code = g.code_of(op);
    codes[i] = code;
    versions[i] = g.version_of(op);
    if (!is_weighted_op(code) || op.inputs.size() < 2 || op.inputs[1] < 0) continue;
    const int32_t w = op.inputs[1];
    if (!g.is_constant(w)) continue;
    if (op.inputs[0] < 0 || g.tensor(op.inputs[0]).type != fb::TensorType::FLOAT32) continue;
    // Per-channel hybrid FULLY_CONNECTED is TFLite op version 12, past what the
    // engine (max 9) and most runtimes read, so FC weights get one scale.
    const bool per_channel = options.per_channel && code != static_cast<int32_t>(OpCode::kFullyConnected);
    fb::TensorT& wt = g.tensor(w);
    if (wt.type == fb::TensorType::INT8) {
      const bool pc = wt.quantization && wt.quantization->scale.size() > 1;
      versions[i] = std::max(versions[i], hybrid_version(code, pc, op));
      continue;  // already hybrid
    }
    if (wt.type != fb::TensorType::FLOAT32) continue;
    if (!done[static_cast<std::size_t>(w)]) {
      std::vector<float> values;
      TI_RETURN_IF_ERROR(constant_as_float(g, w, &values));
      const int32_t dim = weight_channel_dim(code);
      if (static_cast<std::size_t>(dim) >= wt.shape.size())
        return Status::error(StatusCode::kInvalidModel, "op %zu: weights '%s' have rank %zu", i, wt.name.c_str(),
                             wt.shape.size());
      const SymmetricWeights q = quantize_weights_symmetric(values, wt.shape, dim, per_channel);
      store_int8(g, w, q, dim);
      done[static_cast<std::size_t>(w)] = true;
      ++summary->weight_tensors;
      summary->notes.push_back(
          format_text("op %zu %s: weights '%s' -> int8, %s (%zu scale%s)", i, op_code_name(code).text, wt.name.c_str(),
                      per_channel ? "per channel" : "per tensor", q.scales.size(), q.scales.size() == 1 ? "" : "s"));
    }
    versions[i] = hybrid_version(code, per_channel, op);
  }
  // A weight tensor shared with a non-weight use would now feed int8 data to
  // an op expecting float: refuse rather than write a broken model.
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const fb::OperatorT& op = *ops[i];
    for (std::size_t k = 0; k < op.inputs.size(); ++k) {
      const int32_t t = op.inputs[k];
      if (t < 0 || !done[static_cast<std::size_t>(t)]) continue;
      if (!(is_weighted_op(g.code_of(op)) && k == 1))
        return Status::error(StatusCode::kUnsupported, "op %zu (%s) also reads weights '%s' as a float input", i,
                             op_code_name(g.code_of(op)).text, g.name(t));
    }
  }
  assign_opcodes(g, codes, versions);
  return Status::ok();
}

}  // namespace tinyinfer::quant::internal
