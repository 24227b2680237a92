// What `tinyinfer serve` asks of whatever classifies a digit: the host engine
// (host_digit_backend.h) or a board over its link (board_digit_backend.h).
// The web server knows only this interface, so the page shows host and board
// answers side by side without knowing how either was computed.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "mnist_preprocess.h"

namespace tinyinfer::digit {

constexpr int kDigitClasses = 10;

// Shown in the page's info panel; `details` are label/value rows in order
// (model file, sha256, input type and quantization, kernels, arena, clock...).
struct BackendDescription {
  std::string id;          // "host", "board": the key in JSON replies
  std::string title;       // column heading, e.g. "host (x86_64, optimized kernels)"
  std::string model;       // model name or path
  std::string count_unit;  // unit of the per-layer counts: "ns", "instructions", "cycles"
  std::vector<std::pair<std::string, std::string>> details;
};

struct LayerCount {
  std::string op;  // "CONV_2D"
  uint64_t count = 0;
};

// One classification. Counts are in BackendDescription::count_unit.
struct DigitResult {
  float probabilities[kDigitClasses] = {};  // the model's 10 outputs, dequantized
  int digit = -1;                           // argmax
  uint64_t total_count = 0;                 // the whole invoke
  std::vector<LayerCount> layers;           // per op, in execution order
  double microseconds = 0.0;                // wall time of the invoke; < 0: none (QEMU's counter is no clock)
};

class DigitBackend {
 public:
  virtual ~DigitBackend() = default;
  virtual BackendDescription describe() const = 0;
  // image: 28x28 row-major grey levels in [0, 1] (MNIST framing). False +
  // *error naming the problem when the backend cannot answer (board gone,
  // invoke failed); the server reports it for this backend only.
  virtual bool classify(const float image[kMnistPixels], DigitResult* result, std::string* error) = 0;
};

}  // namespace tinyinfer::digit
