#include "mnist_tflite_export.h"

#include <cstdio>
#include <cstring>
#include <memory>

#include "convert/model_writer.h"
#include "format/tflite_schema_generated.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer::train {
namespace {

namespace fb = ::tinyinfer::tflite;

// Assembles the subgraph tensor by tensor; buffer 0 stays the empty sentinel
// TFLite readers expect.
class GraphBuilder {
 public:
  explicit GraphBuilder(fb::ModelT* model) : model_(model) {
    model_->subgraphs.push_back(std::make_unique<fb::SubGraphT>());
    model_->subgraphs[0]->name = "main";
    model_->buffers.push_back(std::make_unique<fb::BufferT>());
  }

  int32_t activation(const std::string& name, std::vector<int32_t> shape) {
    auto t = std::make_unique<fb::TensorT>();
    t->type = fb::TensorType::FLOAT32;
    t->shape_signature = shape;
    t->shape = std::move(shape);
    t->buffer = 0;
    t->name = name;
    graph().tensors.push_back(std::move(t));
    return static_cast<int32_t>(graph().tensors.size() - 1);
  }

  // A constant float tensor; false when `values` does not fill `shape`.
  bool constant(const std::string& name, std::vector<int32_t> shape, const std::vector<float>& values, int32_t* index,
                std::string* error) {
    std::size_t elements = 1;
    for (int32_t d : shape) elements *= static_cast<std::size_t>(d);
    if (values.size() != elements) {
      *error = "tensor '" + name + "' has " + std::to_string(values.size()) + " values, its shape needs " +
               std::to_string(elements);
      return false;
    }
    *index = activation(name, std::move(shape));
    auto buffer = std::make_unique<fb::BufferT>();
    buffer->data.resize(values.size() * sizeof(float));
    std::memcpy(buffer->data.data(), values.data(), buffer->data.size());
    model_->buffers.push_back(std::move(buffer));
    graph().tensors[*index]->buffer = static_cast<uint32_t>(model_->buffers.size() - 1);
    return true;
  }

  // One operator code per distinct builtin (version 1: float everywhere).
  uint32_t opcode(fb::BuiltinOperator op) {
    for (std::size_t i = 0; i < model_->operator_codes.size(); ++i)
      if (model_->operator_codes[i]->builtin_code == op) return static_cast<uint32_t>(i);
    auto code = std::make_unique<fb::OperatorCodeT>();
    code->builtin_code = op;
    code->version = 1;
    model_->operator_codes.push_back(std::move(code));
    return static_cast<uint32_t>(model_->operator_codes.size() - 1);
  }

  fb::OperatorT& op(fb::BuiltinOperator code, std::vector<int32_t> inputs, std::vector<int32_t> outputs) {
    auto op = std::make_unique<fb::OperatorT>();
    op->opcode_index = opcode(code);
    op->inputs = std::move(inputs);
    op->outputs = std::move(outputs);
    graph().operators.push_back(std::move(op));
    return *graph().operators.back();
  }

  fb::SubGraphT& graph() { return *model_->subgraphs[0]; }

 private:
  fb::ModelT* model_;
};

void set_conv_options(fb::OperatorT* op) {
  fb::Conv2DOptionsT options;
  options.padding = fb::Padding::VALID;
  options.stride_w = options.stride_h = 1;
  options.fused_activation_function = fb::ActivationFunctionType::RELU;
  op->builtin_options.Set(options);
}

void set_pool_options(fb::OperatorT* op) {
  fb::Pool2DOptionsT options;
  options.padding = fb::Padding::VALID;
  options.stride_w = options.stride_h = 2;
  options.filter_width = options.filter_height = 2;
  options.fused_activation_function = fb::ActivationFunctionType::NONE;
  op->builtin_options.Set(options);
}

void set_fc_options(fb::OperatorT* op, fb::ActivationFunctionType activation) {
  fb::FullyConnectedOptionsT options;
  options.fused_activation_function = activation;
  op->builtin_options.Set(options);
}

bool build_model(const MnistWeights& w, fb::ModelT* model, std::string* error) {
  model->description = kMnistModelDescription;
  GraphBuilder g(model);
  const int32_t input = g.activation("input", {1, 28, 28, 1});

  int32_t dw_filter, dw_bias, c2_filter, c2_bias, c3_filter, c3_bias, fc1_w, fc1_b, fc2_w, fc2_b;
  if (!g.constant("conv1/depthwise_filter", {1, 3, 3, 32}, w.dw_filter, &dw_filter, error) ||
      !g.constant("conv1/bias", {32}, w.dw_bias, &dw_bias, error) ||
      !g.constant("conv2/filter", {64, 3, 3, 32}, w.conv2_filter, &c2_filter, error) ||
      !g.constant("conv2/bias", {64}, w.conv2_bias, &c2_bias, error) ||
      !g.constant("conv3/filter", {64, 3, 3, 64}, w.conv3_filter, &c3_filter, error) ||
      !g.constant("conv3/bias", {64}, w.conv3_bias, &c3_bias, error) ||
      !g.constant("fc1/weights", {64, 576}, w.fc1_weights, &fc1_w, error) ||
      !g.constant("fc1/bias", {64}, w.fc1_bias, &fc1_b, error) ||
      !g.constant("fc2/weights", {10, 64}, w.fc2_weights, &fc2_w, error) ||
      !g.constant("fc2/bias", {10}, w.fc2_bias, &fc2_b, error))
    return false;

  const int32_t conv1 = g.activation("conv1/relu", {1, 26, 26, 32});
  const int32_t pool1 = g.activation("pool1", {1, 13, 13, 32});
  const int32_t conv2 = g.activation("conv2/relu", {1, 11, 11, 64});
  const int32_t pool2 = g.activation("pool2", {1, 5, 5, 64});
  const int32_t conv3 = g.activation("conv3/relu", {1, 3, 3, 64});
  const int32_t fc1 = g.activation("fc1/relu", {1, 64});
  const int32_t logits = g.activation("fc2/logits", {1, 10});
  const int32_t probabilities = g.activation("probabilities", {1, 10});

  {
    fb::OperatorT& op = g.op(fb::BuiltinOperator::DEPTHWISE_CONV_2D, {input, dw_filter, dw_bias}, {conv1});
    fb::DepthwiseConv2DOptionsT options;
    options.padding = fb::Padding::VALID;
    options.stride_w = options.stride_h = 1;
    options.depth_multiplier = 32;
    options.fused_activation_function = fb::ActivationFunctionType::RELU;
    op.builtin_options.Set(options);
  }
  set_pool_options(&g.op(fb::BuiltinOperator::MAX_POOL_2D, {conv1}, {pool1}));
  set_conv_options(&g.op(fb::BuiltinOperator::CONV_2D, {pool1, c2_filter, c2_bias}, {conv2}));
  set_pool_options(&g.op(fb::BuiltinOperator::MAX_POOL_2D, {conv2}, {pool2}));
  set_conv_options(&g.op(fb::BuiltinOperator::CONV_2D, {pool2, c3_filter, c3_bias}, {conv3}));
  // FULLY_CONNECTED flattens its [1,3,3,64] input in NHWC order itself (no RESHAPE).
  set_fc_options(&g.op(fb::BuiltinOperator::FULLY_CONNECTED, {conv3, fc1_w, fc1_b}, {fc1}),
                 fb::ActivationFunctionType::RELU);
  set_fc_options(&g.op(fb::BuiltinOperator::FULLY_CONNECTED, {fc1, fc2_w, fc2_b}, {logits}),
                 fb::ActivationFunctionType::NONE);
  {
    fb::OperatorT& op = g.op(fb::BuiltinOperator::SOFTMAX, {logits}, {probabilities});
    fb::SoftmaxOptionsT options;
    options.beta = 1.0f;
    op.builtin_options.Set(options);
  }
  g.graph().inputs = {input};
  g.graph().outputs = {probabilities};
  return true;
}

bool read_model_file(const std::string& path, format::ModelBytes* out, std::string* error) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    *error = "cannot open '" + path + "'";
    return false;
  }
  std::fseek(file.get(), 0, SEEK_END);
  const long size = std::ftell(file.get());
  std::fseek(file.get(), 0, SEEK_SET);
  if (size <= 0) {
    *error = "'" + path + "' is empty";
    return false;
  }
  *out = format::ModelBytes(static_cast<std::size_t>(size));
  if (std::fread(out->data(), 1, out->size(), file.get()) != out->size()) {
    *error = "cannot read '" + path + "'";
    return false;
  }
  return true;
}

}  // namespace

bool export_mnist_tflite(const MnistWeights& weights, const std::string& path, std::string* error) {
  fb::ModelT model;
  if (!build_model(weights, &model, error)) return false;
  format::ModelBytes bytes;
  const Status status = format::write_and_verify_model(&model, &bytes);
  if (!status.is_ok()) {
    *error = std::string("model writer: ") + status.message();
    return false;
  }
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!file || std::fwrite(bytes.data(), 1, bytes.size(), file.get()) != bytes.size()) {
    *error = "cannot write '" + path + "'";
    return false;
  }
  if (std::fclose(file.release()) != 0) {
    *error = "cannot write '" + path + "'";
    return false;
  }
  return true;
}

bool run_exported_model(const std::string& path, const float* images, int count, std::vector<float>* probabilities,
                        std::string* error) {
  format::ModelBytes bytes;
  if (!read_model_file(path, &bytes, error)) return false;
  Model model;
  Status status = Model::load(bytes.data(), bytes.size(), &model);
  if (!status.is_ok()) {
    *error = path + ": " + status.message();
    return false;
  }
  constexpr std::size_t kArenaBytes = 1 << 20;
  format::ModelBytes arena(kArenaBytes);  // 16-byte aligned storage
  Interpreter interpreter;
  status = interpreter.init(model, KernelChoice::kReference, arena.data(), arena.size());
  if (!status.is_ok()) {
    *error = path + ": " + status.message();
    return false;
  }
  Tensor* input = interpreter.input(0);
  const Tensor* output = interpreter.output(0);
  if (input->type != DataType::kFloat32 || input->shape.elements() != 784 || output->type != DataType::kFloat32 ||
      output->shape.elements() != 10) {
    *error = path + ": expected float input [1,28,28,1] and float output [1,10]";
    return false;
  }
  probabilities->resize(static_cast<std::size_t>(count) * 10);
  for (int i = 0; i < count; ++i) {
    std::memcpy(input->data, images + static_cast<std::size_t>(i) * 784, 784 * sizeof(float));
    status = interpreter.invoke();
    if (!status.is_ok()) {
      *error = path + ": " + status.message();
      return false;
    }
    std::memcpy(probabilities->data() + static_cast<std::size_t>(i) * 10, output->data, 10 * sizeof(float));
  }
  return true;
}

}  // namespace tinyinfer::train
