// Builds small .tflite models in memory for tests (flatc object API of our
// schema subset), so engine tests do not depend on third-party files.
#pragma once

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "format/tflite_schema_generated.h"
#include "support/test_files.h"

namespace tinyinfer::testing {

namespace fb = ::tinyinfer::tflite;

class ModelBuilder {
 public:
  ModelBuilder() {
    model_.version = 3;
    model_.subgraphs.push_back(std::make_unique<fb::SubGraphT>());
    model_.buffers.push_back(std::make_unique<fb::BufferT>());  // buffer 0: empty sentinel
  }

  // Activation tensor (no data).
  int32_t tensor(fb::TensorType type, std::vector<int32_t> shape, float scale = 0.0f, int64_t zero_point = 0) {
    auto t = std::make_unique<fb::TensorT>();
    t->type = type;
    t->shape = std::move(shape);
    t->buffer = 0;
    t->name = "t" + std::to_string(graph().tensors.size());
    if (scale > 0.0f) {
      t->quantization = std::make_unique<fb::QuantizationParametersT>();
      t->quantization->scale = {scale};
      t->quantization->zero_point = {zero_point};
    }
    graph().tensors.push_back(std::move(t));
    return static_cast<int32_t>(graph().tensors.size() - 1);
  }

  // Constant tensor backed by a new buffer holding `values`.
  template <typename T>
  int32_t constant(fb::TensorType type, std::vector<int32_t> shape, const std::vector<T>& values,
                   std::vector<float> scales = {}, int32_t quantized_dimension = 0) {
    const int32_t index = tensor(type, std::move(shape));
    auto buffer = std::make_unique<fb::BufferT>();
    buffer->data.resize(values.size() * sizeof(T));
    std::memcpy(buffer->data.data(), values.data(), buffer->data.size());
    model_.buffers.push_back(std::move(buffer));
    graph().tensors[index]->buffer = static_cast<uint32_t>(model_.buffers.size() - 1);
    if (!scales.empty()) {
      auto& q = graph().tensors[index]->quantization;
      q = std::make_unique<fb::QuantizationParametersT>();
      q->scale = scales;
      q->zero_point.assign(scales.size(), 0);
      q->quantized_dimension = quantized_dimension;
    }
    return index;
  }

  int32_t opcode(fb::BuiltinOperator op, int32_t version = 1) {
    auto code = std::make_unique<fb::OperatorCodeT>();
    code->builtin_code = op;
    code->deprecated_builtin_code =
        static_cast<int8_t>(static_cast<int32_t>(op) < 127 ? static_cast<int32_t>(op) : 127);
    code->version = version;
    model_.operator_codes.push_back(std::move(code));
    return static_cast<int32_t>(model_.operator_codes.size() - 1);
  }

  fb::OperatorT& op(int32_t opcode_index, std::vector<int32_t> inputs, std::vector<int32_t> outputs) {
    auto op = std::make_unique<fb::OperatorT>();
    op->opcode_index = static_cast<uint32_t>(opcode_index);
    op->inputs = std::move(inputs);
    op->outputs = std::move(outputs);
    graph().operators.push_back(std::move(op));
    return *graph().operators.back();
  }

  void io(std::vector<int32_t> inputs, std::vector<int32_t> outputs) {
    graph().inputs = std::move(inputs);
    graph().outputs = std::move(outputs);
  }

  fb::ModelT& model() { return model_; }
  fb::SubGraphT& graph() { return *model_.subgraphs[0]; }

  AlignedBytes finish() const {
    flatbuffers::FlatBufferBuilder builder;
    builder.Finish(fb::Model::Pack(builder, &model_), fb::ModelIdentifier());
    AlignedBytes bytes(builder.GetSize());
    std::memcpy(bytes.data(), builder.GetBufferPointer(), builder.GetSize());
    return bytes;
  }

 private:
  fb::ModelT model_;
};

// A float model: input [1,4] -> FULLY_CONNECTED(3 units, RELU) -> SOFTMAX.
// Weights/bias chosen so the outputs are easy to check by hand.
inline ModelBuilder small_float_model() {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::FLOAT32, {1, 4});
  const int32_t w = b.constant<float>(fb::TensorType::FLOAT32, {3, 4}, {1, 0, 0, 0, /**/ 0, 1, 0, 0, /**/ 1, 1, 1, 1});
  const int32_t bias = b.constant<float>(fb::TensorType::FLOAT32, {3}, {0, 0, -10});
  const int32_t hidden = b.tensor(fb::TensorType::FLOAT32, {1, 3});
  const int32_t out = b.tensor(fb::TensorType::FLOAT32, {1, 3});
  fb::OperatorT& fc = b.op(b.opcode(fb::BuiltinOperator::FULLY_CONNECTED), {in, w, bias}, {hidden});
  fb::FullyConnectedOptionsT fc_options;
  fc_options.fused_activation_function = fb::ActivationFunctionType::RELU;
  fc.builtin_options.Set(fc_options);
  fb::OperatorT& softmax = b.op(b.opcode(fb::BuiltinOperator::SOFTMAX), {hidden}, {out});
  fb::SoftmaxOptionsT softmax_options;
  softmax_options.beta = 1.0f;
  softmax.builtin_options.Set(softmax_options);
  b.io({in}, {out});
  return b;
}

}  // namespace tinyinfer::testing
