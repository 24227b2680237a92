// Internals of the quantizer (src/convert/quantizer.cc and quantize_*.cc):
// the unpacked model as one graph, and the steps every mode shares.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "convert/model_writer.h"
#include "convert/quantizer.h"
#include "format/tflite_schema_generated.h"

namespace tinyinfer::quant::internal {

namespace fb = ::tinyinfer::tflite;

constexpr int32_t kInt8Min = -128;
constexpr int32_t kInt8Max = 127;
constexpr int32_t kWeightMax = 127;  // symmetric weights use [-127, 127]
constexpr double kInt32Limit = 2147483647.0;

std::string format_text(const char* format, ...) __attribute__((format(printf, 1, 2)));

inline int32_t effective_code(const fb::OperatorCodeT& code) {
  return std::max(static_cast<int32_t>(code.builtin_code), static_cast<int32_t>(code.deprecated_builtin_code));
}

// ---- Access to the unpacked model ----

class Graph {
 public:
  explicit Graph(fb::ModelT* model) : model_(*model), graph_(*model->subgraphs[0]) {}

  fb::ModelT& model() { return model_; }
  fb::SubGraphT& graph() { return graph_; }
  int32_t tensor_count() const { return static_cast<int32_t>(graph_.tensors.size()); }
  fb::TensorT& tensor(int32_t i) { return *graph_.tensors[static_cast<std::size_t>(i)]; }
  const char* name(int32_t i) { return tensor(i).name.c_str(); }

  int32_t code_of(const fb::OperatorT& op) const { return effective_code(*model_.operator_codes[op.opcode_index]); }
  int32_t version_of(const fb::OperatorT& op) const { return model_.operator_codes[op.opcode_index]->version; }

  bool is_constant(int32_t i) {
    const fb::TensorT& t = tensor(i);
    return t.buffer != 0 && t.buffer < model_.buffers.size() && model_.buffers[t.buffer] &&
           !model_.buffers[t.buffer]->data.empty();
  }
  const std::vector<uint8_t>& data(int32_t i) { return model_.buffers[tensor(i).buffer]->data; }

  // The tensor's buffer, copied first when other tensors share it, so
  // rewriting it changes only this tensor.
  std::vector<uint8_t>& writable_data(int32_t i) {
    fb::TensorT& t = tensor(i);
    int32_t users = 0;
    for (const auto& other : graph_.tensors) users += other->buffer == t.buffer ? 1 : 0;
    if (users > 1) {
      auto copy = std::make_unique<fb::BufferT>();
      copy->data = model_.buffers[t.buffer]->data;
      model_.buffers.push_back(std::move(copy));
      t.buffer = static_cast<uint32_t>(model_.buffers.size() - 1);
    }
    return model_.buffers[t.buffer]->data;
  }

  int64_t elements(int32_t i) {
    int64_t n = 1;
    for (int32_t d : tensor(i).shape) n *= d;
    return n;
  }

 private:
  fb::ModelT& model_;
  fb::SubGraphT& graph_;
};

void set_quantization(fb::TensorT* t, const std::vector<float>& scales, const std::vector<int64_t>& zero_points,
                      int32_t quantized_dimension);
// Float values of a constant: float32 as is, int8 with scales dequantized
// (a hybrid model's weights, so int8 mode accepts the study's compressed model).
Status constant_as_float(Graph& g, int32_t index, std::vector<float>* out);
void store_int8(Graph& g, int32_t index, const SymmetricWeights& w, int32_t channel_dim);
// Refuses ops whose options our schema subset does not declare: unpacking
// would silently drop them and change what the op computes.
Status check_options_known(Graph& g);
// Rebuilds operator_codes from (code, version) per op, so ops of one code
// that now need different versions get separate entries and unused ones go.
void assign_opcodes(Graph& g, const std::vector<int32_t>& op_codes, const std::vector<int32_t>& versions);
bool is_weighted_op(int32_t code);
int32_t weight_channel_dim(int32_t code);

// The two modes (quantize_hybrid.cc, quantize_int8.cc).
Status quantize_hybrid(Graph& g, const QuantizeOptions& options, QuantizeSummary* summary);
Status quantize_int8(Graph& g, const format::ModelBytes& float_bytes, const QuantizeOptions& options,
                     const std::vector<CalibrationSample>& calibration, QuantizeSummary* summary);

}  // namespace tinyinfer::quant::internal
