// The host engine as a digit backend: the model already loaded and prepared
// in an Interpreter (tools/cli's OpenedModel), run once per drawing with a
// steady_clock profiler, so the page shows host nanoseconds per layer.
#pragma once

#include <memory>
#include <string>

#include "digit_backend.h"
#include "digit_tensor_codec.h"
#include "tinyinfer/interpreter.h"

namespace tinyinfer::digit {

class HostDigitBackend : public DigitBackend {
 public:
  // `interpreter` must be initialised and outlive the backend. False +
  // *error when input 0 is not 784 float32/int8/uint8 values or output 0 not
  // 10 of them. `model_label` names the model in the page (its path).
  static bool open(Interpreter* interpreter, const std::string& model_label, std::size_t model_bytes,
                   std::unique_ptr<HostDigitBackend>* backend, std::string* error);

  BackendDescription describe() const override { return description_; }
  bool classify(const float image[kMnistPixels], DigitResult* result, std::string* error) override;

 private:
  HostDigitBackend() = default;

  Interpreter* interpreter_ = nullptr;
  TensorEncoding input_, output_;
  BackendDescription description_;
};

// The encoding of an engine tensor (per-tensor scale and zero point).
TensorEncoding tensor_encoding(const Tensor& tensor);

}  // namespace tinyinfer::digit
