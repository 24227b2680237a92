#include "convert/quantizer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "convert/model_writer.h"
#include "convert/quantize_graph.h"
#include "format/tflite_schema_generated.h"
#include "tinyinfer/model.h"

namespace tinyinfer::quant {

namespace fb = ::tinyinfer::tflite;
using format::ModelBytes;
using internal::format_text;
using internal::kInt8Max;
using internal::kInt8Min;
using internal::kWeightMax;

namespace {

// ---- Signatures ----

// A signature's inputs and outputs as positions in the graph's input and
// output lists, taken before the rewrite. The quantizer may give model I/O new
// tensors (it keeps the indices today: --io float leaves the float tensors in
// place and adds "<name>_int8" ones, --io int8 retypes them), so entries are
// mapped by position, which every mode preserves, not by index.
struct SignaturePositions {
  std::vector<std::vector<std::size_t>> inputs, outputs;  // per signature, per entry
};

Status signature_positions(const fb::ModelT& model, SignaturePositions* out) {
  const fb::SubGraphT& graph = *model.subgraphs[0];
  for (std::size_t s = 0; s < model.signature_defs.size(); ++s) {
    const fb::SignatureDefT& def = *model.signature_defs[s];
    // The loader runs single-subgraph models only and checked subgraph_index.
    if (def.subgraph_index != 0) {
      return Status::error(StatusCode::kUnsupported,
                           "signature %zu '%s': subgraph_index %u, the quantizer rewrites "
                           "subgraph 0 only",
                           s, def.signature_key.c_str(), def.subgraph_index);
    }
    for (int l = 0; l < 2; ++l) {
      const auto& entries = l == 0 ? def.inputs : def.outputs;
      const std::vector<int32_t>& io = l == 0 ? graph.inputs : graph.outputs;
      std::vector<std::size_t> positions;
      for (std::size_t e = 0; e < entries.size(); ++e) {
        const uint32_t index = entries[e]->tensor_index;
        const auto it = std::find(io.begin(), io.end(), static_cast<int32_t>(index));
        if (it == io.end()) {
          return Status::error(StatusCode::kUnsupported,
                               "signature %zu '%s': %s '%s' names tensor %u, not a model %s; the quantizer keeps "
                               "only signatures over model inputs/outputs",
                               s, def.signature_key.c_str(), l == 0 ? "input" : "output", entries[e]->name.c_str(),
                               index, l == 0 ? "input" : "output");
        }
        positions.push_back(static_cast<std::size_t>(it - io.begin()));
      }
      (l == 0 ? out->inputs : out->outputs).push_back(std::move(positions));
    }
  }
  return Status::ok();
}

// Points every signature entry at the rewritten model's input/output in the
// same position, and says so in the notes.
Status remap_signatures(fb::ModelT* model, const SignaturePositions& positions, QuantizeSummary* summary) {
  const fb::SubGraphT& graph = *model->subgraphs[0];
  for (std::size_t s = 0; s < model->signature_defs.size(); ++s) {
    fb::SignatureDefT& def = *model->signature_defs[s];
    int32_t moved = 0;
    for (int l = 0; l < 2; ++l) {
      auto& entries = l == 0 ? def.inputs : def.outputs;
      const std::vector<int32_t>& io = l == 0 ? graph.inputs : graph.outputs;
      const std::vector<std::size_t>& where = (l == 0 ? positions.inputs : positions.outputs)[s];
      for (std::size_t e = 0; e < entries.size(); ++e) {
        if (where[e] >= io.size() || io[where[e]] < 0) {
          return Status::error(StatusCode::kUnsupported,
                               "signature %zu '%s': %s '%s' has no counterpart in the quantized model (%zu %ss)", s,
                               def.signature_key.c_str(), l == 0 ? "input" : "output", entries[e]->name.c_str(),
                               io.size(), l == 0 ? "input" : "output");
        }
        const auto index = static_cast<uint32_t>(io[where[e]]);
        moved += entries[e]->tensor_index != index ? 1 : 0;
        entries[e]->tensor_index = index;
      }
    }
    summary->notes.push_back(format_text("signature '%s' kept: %zu input(s), %zu output(s)%s",
                                         def.signature_key.c_str(), def.inputs.size(), def.outputs.size(),
                                         moved > 0 ? format_text(", %d entry(ies) re-pointed", moved).c_str() : ""));
  }
  return Status::ok();
}

}  // namespace

SymmetricWeights quantize_weights_symmetric(const std::vector<float>& weights, const std::vector<int32_t>& shape,
                                            int32_t channel_dim, bool per_channel) {
  SymmetricWeights out;
  int64_t channels = 1, inner = 1;
  if (per_channel && channel_dim >= 0 && static_cast<std::size_t>(channel_dim) < shape.size()) {
    channels = shape[static_cast<std::size_t>(channel_dim)];
    for (std::size_t d = static_cast<std::size_t>(channel_dim) + 1; d < shape.size(); ++d) inner *= shape[d];
  }
  if (channels < 1) channels = 1;
  auto channel_of = [&](std::size_t i) {
    return channels == 1 ? std::size_t{0} : static_cast<std::size_t>((static_cast<int64_t>(i) / inner) % channels);
  };
  std::vector<float> max_abs(static_cast<std::size_t>(channels), 0.0f);
  for (std::size_t i = 0; i < weights.size(); ++i)
    max_abs[channel_of(i)] = std::max(max_abs[channel_of(i)], std::fabs(weights[i]));
  out.scales.resize(max_abs.size());
  for (std::size_t c = 0; c < max_abs.size(); ++c)
    out.scales[c] = max_abs[c] > 0.0f ? max_abs[c] / static_cast<float>(kWeightMax) : 1.0f / kWeightMax;
  out.values.resize(weights.size());
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const long r = std::lround(weights[i] / out.scales[channel_of(i)]);
    out.values[i] = static_cast<int8_t>(std::clamp<long>(r, -kWeightMax, kWeightMax));
  }
  return out;
}

ActivationQuantization int8_activation_quantization(float min, float max) {
  double lo = std::min(0.0, static_cast<double>(min));
  double hi = std::max(0.0, static_cast<double>(max));
  if (hi - lo < 1e-8) hi = lo + 1e-3;  // a tensor that is always 0
  ActivationQuantization q;
  q.scale = static_cast<float>((hi - lo) / 255.0);
  const double zp = std::round(kInt8Min - lo / q.scale);
  q.zero_point = static_cast<int32_t>(std::clamp(zp, static_cast<double>(kInt8Min), static_cast<double>(kInt8Max)));
  return q;
}

Status quantize_model(const void* bytes, std::size_t size, const QuantizeOptions& options,
                      const std::vector<CalibrationSample>& calibration, ModelBytes* out, QuantizeSummary* summary) {
  *summary = QuantizeSummary();
  if (bytes == nullptr || size == 0) return Status::error(StatusCode::kInvalidArgument, "quantize: no model bytes");
  ModelBytes input(size);
  std::memcpy(input.data(), bytes, size);
  Model model;
  TI_RETURN_IF_ERROR(Model::load(input.data(), input.size(), &model));
  // Unpacking keeps only what our schema subset declares: refuse models
  // carrying more (sparsity, builtin_options_2, ...) rather than drop it.
  TI_RETURN_IF_ERROR(format::check_round_trip_preserves(input.data(), input.size()));
  if (options.range == RangeMethod::kPercentile && !(options.percentile > 50.0 && options.percentile <= 100.0))
    return Status::error(StatusCode::kInvalidArgument, "percentile %g must be in (50, 100]", options.percentile);

  // SignatureDef.deprecated_tag (field 3) is deprecated in the TFLite schema
  // and our subset declares it so: unpacking drops it, which is harmless, but say so.
  if (const auto* defs = fb::GetModel(input.data())->signature_defs()) {
    constexpr flatbuffers::voffset_t kDeprecatedTag = 4 + 2 * 3;
    for (uint32_t s = 0; s < defs->size(); ++s) {
      if (reinterpret_cast<const flatbuffers::Table*>(defs->Get(s))->GetOptionalFieldOffset(kDeprecatedTag) != 0) {
        summary->notes.push_back(
            format_text("signature %u: its deprecated_tag (deprecated in the TFLite schema) "
                        "is not written",
                        s));
      }
    }
  }

  fb::ModelT unpacked;
  fb::GetModel(input.data())->UnPackTo(&unpacked);
  SignaturePositions signatures;
  TI_RETURN_IF_ERROR(signature_positions(unpacked, &signatures));
  internal::Graph g(&unpacked);
  TI_RETURN_IF_ERROR(internal::check_options_known(g));
  if (options.mode == QuantizeMode::kHybrid)
    TI_RETURN_IF_ERROR(internal::quantize_hybrid(g, options, summary));
  else
    TI_RETURN_IF_ERROR(internal::quantize_int8(g, input, options, calibration, summary));
  // The converter's min_runtime_version was computed for the float ops; we do
  // not recompute it, and a stale value would be wrong, so it goes.
  auto& metadata = unpacked.metadata;
  for (auto it = metadata.begin(); it != metadata.end();) {
    if ((*it)->name == "min_runtime_version") {
      bool tensor_uses_buffer = false;
      for (const auto& t : g.graph().tensors) tensor_uses_buffer |= t->buffer == (*it)->buffer;
      if (!tensor_uses_buffer && (*it)->buffer < unpacked.buffers.size() && unpacked.buffers[(*it)->buffer])
        unpacked.buffers[(*it)->buffer]->data.clear();
      it = metadata.erase(it);
      summary->notes.push_back("metadata 'min_runtime_version' dropped (it described the float model)");
    } else {
      ++it;
    }
  }
  TI_RETURN_IF_ERROR(remap_signatures(&unpacked, signatures, summary));
  return format::write_and_verify_model(&unpacked, out);
}

}  // namespace tinyinfer::quant
