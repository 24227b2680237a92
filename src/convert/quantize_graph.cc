#include "convert/quantize_graph.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>

#include "tinyinfer/model.h"

namespace tinyinfer::quant::internal {

std::string format_text(const char* format, ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof(buffer), format, args);
  va_end(args);
  return buffer;
}

void set_quantization(fb::TensorT* t, const std::vector<float>& scales, const std::vector<int64_t>& zero_points,
                      int32_t quantized_dimension) {
  t->quantization = std::make_unique<fb::QuantizationParametersT>();
  t->quantization->scale = scales;
  t->quantization->zero_point = zero_points;
  t->quantization->quantized_dimension = quantized_dimension;
}

// Float values of a constant: float32 as is, int8 with scales dequantized
// (a hybrid model's weights, so int8 mode accepts the study's compressed model).
Status constant_as_float(Graph& g, int32_t index, std::vector<float>* out) {
  const fb::TensorT& t = g.tensor(index);
  const std::vector<uint8_t>& bytes = g.data(index);
  const int64_t n = g.elements(index);
  if (t.type == fb::TensorType::FLOAT32) {
    out->resize(static_cast<std::size_t>(n));
    std::memcpy(out->data(), bytes.data(), out->size() * sizeof(float));
    return Status::ok();
  }
  if (t.type == fb::TensorType::INT8 && t.quantization && !t.quantization->scale.empty()) {
    const auto& q = *t.quantization;
    const int32_t dim = q.scale.size() > 1 ? q.quantized_dimension : 0;
    int64_t inner = 1;
    for (std::size_t d = static_cast<std::size_t>(dim) + 1; d < t.shape.size(); ++d) inner *= t.shape[d];
    out->resize(static_cast<std::size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
      const std::size_t c = q.scale.size() > 1 ? static_cast<std::size_t>((i / inner) % t.shape[dim]) : 0;
      const int64_t zp = c < q.zero_point.size() ? q.zero_point[c] : 0;
      (*out)[static_cast<std::size_t>(i)] =
          q.scale[c] * static_cast<float>(static_cast<int8_t>(bytes[static_cast<std::size_t>(i)]) - zp);
    }
    return Status::ok();
  }
  return Status::error(StatusCode::kUnsupported, "tensor %d '%s': constant of this type cannot be requantized", index,
                       t.name.c_str());
}

void store_int8(Graph& g, int32_t index, const SymmetricWeights& w, int32_t channel_dim) {
  std::vector<uint8_t>& bytes = g.writable_data(index);
  bytes.resize(w.values.size());
  std::memcpy(bytes.data(), w.values.data(), w.values.size());
  fb::TensorT& t = g.tensor(index);
  t.type = fb::TensorType::INT8;
  set_quantization(&t, w.scales, std::vector<int64_t>(w.scales.size(), 0), w.scales.size() > 1 ? channel_dim : 0);
}

// Refuses ops whose options our schema subset does not declare: unpacking
// would silently drop them and change what the op computes.
Status check_options_known(Graph& g) {
  for (std::size_t i = 0; i < g.graph().operators.size(); ++i) {
    const fb::OperatorT& op = *g.graph().operators[i];
    if (op.builtin_options.type != fb::BuiltinOptions::NONE && op.builtin_options.value == nullptr) {
      return Status::error(StatusCode::kUnsupported,
                           "op %zu (%s): builtin options type %d is outside tinyinfer's schema subset; "
                           "refusing to drop them",
                           i, op_code_name(g.code_of(op)).text, static_cast<int>(op.builtin_options.type));
    }
    if (!op.custom_options.empty())
      return Status::error(StatusCode::kUnsupported, "op %zu (%s): custom options", i,
                           op_code_name(g.code_of(op)).text);
  }
  return Status::ok();
}

// Rebuilds operator_codes from (code, version) per op, so ops of one code
// that now need different versions get separate entries and unused ones go.
void assign_opcodes(Graph& g, const std::vector<int32_t>& op_codes, const std::vector<int32_t>& versions) {
  std::vector<std::unique_ptr<fb::OperatorCodeT>> codes;
  auto& ops = g.graph().operators;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const int32_t code = op_codes[i];
    int32_t index = -1;
    for (std::size_t c = 0; c < codes.size(); ++c)
      if (effective_code(*codes[c]) == code && codes[c]->version == versions[i]) index = static_cast<int32_t>(c);
    if (index < 0) {
      auto entry = std::make_unique<fb::OperatorCodeT>();
      entry->builtin_code = static_cast<fb::BuiltinOperator>(code);
      entry->deprecated_builtin_code = static_cast<int8_t>(std::min(code, 127));
      entry->version = versions[i];
      codes.push_back(std::move(entry));
      index = static_cast<int32_t>(codes.size() - 1);
    }
    ops[i]->opcode_index = static_cast<uint32_t>(index);
  }
  g.model().operator_codes = std::move(codes);
}

bool is_weighted_op(int32_t code) {
  return code == static_cast<int32_t>(OpCode::kConv2d) || code == static_cast<int32_t>(OpCode::kDepthwiseConv2d) ||
         code == static_cast<int32_t>(OpCode::kFullyConnected);
}

int32_t weight_channel_dim(int32_t code) { return code == static_cast<int32_t>(OpCode::kDepthwiseConv2d) ? 3 : 0; }

}  // namespace tinyinfer::quant::internal
