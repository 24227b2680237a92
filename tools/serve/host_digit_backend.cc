#include "host_digit_backend.h"

#include <chrono>
#include <cstring>
#include <vector>

namespace tinyinfer::digit {
namespace {

uint64_t steady_ns() {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

// Per-op nanoseconds of one invoke.
class LayerNanoseconds : public Profiler {
 public:
  explicit LayerNanoseconds(std::vector<LayerCount>* layers) : layers_(layers) {}
  const char* unit() const override { return "ns"; }
  uint64_t now() override { return steady_ns(); }
  void record(int32_t, const char* op_name, uint64_t elapsed) override {
    layers_->push_back({op_name == nullptr ? "?" : op_name, elapsed});
  }

 private:
  std::vector<LayerCount>* layers_;
};

}  // namespace

TensorEncoding tensor_encoding(const Tensor& t) {
  TensorEncoding e;
  e.type = t.type;
  e.elements = t.shape.elements();
  e.scale = t.quant.scale();
  e.zero_point = t.quant.zero_point();
  return e;
}

bool HostDigitBackend::open(Interpreter* interpreter, const std::string& model_label, std::size_t model_bytes,
                            std::unique_ptr<HostDigitBackend>* backend, std::string* error) {
  if (interpreter->input_count() < 1 || interpreter->output_count() < 1) {
    *error = "the model has no input or no output";
    return false;
  }
  std::unique_ptr<HostDigitBackend> b(new HostDigitBackend());
  b->interpreter_ = interpreter;
  b->input_ = tensor_encoding(*interpreter->input(0));
  b->output_ = tensor_encoding(*interpreter->output(0));
  if (!check_digit_input(b->input_, error) || !check_digit_output(b->output_, error)) return false;
  BackendDescription& d = b->description_;
  d.id = "host";
  d.title = std::string("host engine, ") + interpreter->kernel_set_name() + " kernels";
  d.model = model_label;
  d.count_unit = "ns";
  d.details = {
      {"target", "host CPU (this machine)"},
      {"model", model_label},
      {"model bytes", std::to_string(model_bytes)},
      {"kernels", interpreter->kernel_set_name()},
      {"input", describe_encoding(b->input_)},
      {"output", describe_encoding(b->output_)},
      {"ops", std::to_string(interpreter->op_count())},
      {"MACs", std::to_string(interpreter->total_macs())},
      {"arena bytes", std::to_string(interpreter->arena_used_bytes())},
      {"layer counts", "ns (host steady_clock)"},
  };
  *backend = std::move(b);
  return true;
}

bool HostDigitBackend::classify(const float image[kMnistPixels], DigitResult* result, std::string* error) {
  std::vector<uint8_t> input;
  encode_digit_input(image, input_, &input);
  Tensor* in = interpreter_->input(0);
  std::memcpy(in->data, input.data(), input.size());  // open() checked the size
  *result = DigitResult();
  LayerNanoseconds profiler(&result->layers);
  const uint64_t start = steady_ns();
  const Status status = interpreter_->invoke(&profiler);
  const uint64_t end = steady_ns();
  if (!status.is_ok()) {
    *error = std::string("invoke failed: ") + status.message();
    return false;
  }
  for (const LayerCount& layer : result->layers) result->total_count += layer.count;
  result->microseconds = static_cast<double>(end - start) / 1000.0;
  const Tensor* out = interpreter_->output(0);
  return decode_digit_output(static_cast<const uint8_t*>(out->data), out->bytes, output_, result->probabilities,
                             &result->digit, error);
}

}  // namespace tinyinfer::digit
