// Tensors as the engine sees them after loading: type, shape, quantization
// and a pointer to the bytes (into the model for constants, into the arena
// for activations).
#pragma once

#include <cstddef>
#include <cstdint>

namespace tinyinfer {

// Values match the TFLite schema's TensorType so conversion is a cast.
enum class DataType : int8_t {
  kFloat32 = 0,
  kFloat16 = 1,
  kInt32 = 2,
  kUInt8 = 3,
  kInt64 = 4,
  kString = 5,
  kBool = 6,
  kInt16 = 7,
  kComplex64 = 8,
  kInt8 = 9,
  kFloat64 = 10,
};

const char* data_type_name(DataType type);
// Bytes per element, 0 for types the engine cannot hold (string, unknown).
std::size_t data_type_size(DataType type);

constexpr int kMaxRank = 6;

struct Shape {
  int32_t rank = 0;
  int32_t dims[kMaxRank] = {};

  int64_t elements() const {
    int64_t n = 1;
    for (int32_t i = 0; i < rank; ++i) n *= dims[i];
    return n;
  }
  int32_t dim(int32_t i) const { return dims[i]; }
  bool operator==(const Shape& other) const {
    if (rank != other.rank) return false;
    for (int32_t i = 0; i < rank; ++i)
      if (dims[i] != other.dims[i]) return false;
    return true;
  }
  bool operator!=(const Shape& other) const { return !(*this == other); }
};

// Affine quantization: real = scale * (q - zero_point). Per-channel tensors
// carry one scale and zero point per slice along quantized_dimension; the
// arrays point into the model flatbuffer.
struct Quantization {
  const float* scales = nullptr;
  const int64_t* zero_points = nullptr;
  int32_t count = 0;  // 0: not quantized
  int32_t quantized_dimension = 0;

  bool is_quantized() const { return count > 0; }
  bool per_channel() const { return count > 1; }
  float scale() const { return count > 0 ? scales[0] : 0.0f; }
  int32_t zero_point() const {
    return (count > 0 && zero_points != nullptr) ? static_cast<int32_t>(zero_points[0]) : 0;
  }
};

struct Tensor {
  // Shape first and the one-byte fields in the four bytes after it: no
  // padding (80 bytes on a 64-bit host, 60 on the M7), and the arena's I/O
  // table holds one Tensor per graph input and output.
  Shape shape;
  DataType type = DataType::kFloat32;
  bool is_constant = false;  // backed by a model buffer
  // A TFLite variable tensor (Tensor.is_variable: LSTM or SVDF state): it
  // keeps its bytes in the arena from invoke to invoke and starts at zero
  // (its zero point); Interpreter::reset_state() sets it back.
  bool is_variable = false;
  Quantization quant;
  void* data = nullptr;   // null until the arena is planned (activations)
  std::size_t bytes = 0;  // elements * element size
  const char* name = "";  // points into the model, never null

  template <typename T>
  T* data_as() const {
    return static_cast<T*>(data);
  }
};

// Element i of a float32 or integer tensor as a real number: quantized ones
// dequantized with the tensor's (first) scale and zero point, unquantized
// int16/int32 as they are. False for other types (the value is untouched).
bool real_value(const Tensor& tensor, int64_t i, float* value);

}  // namespace tinyinfer
