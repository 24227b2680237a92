// The digit as model tensors: a 28x28 image in [0, 1] into the bytes of the
// model's input, and output 0's bytes into ten probabilities. Shared by the
// host backend (bytes of an Interpreter tensor) and the board backend (raw
// bytes sent over the link), so both feed the model the same input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "digit_backend.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer::digit {

// Type and per-tensor quantization of a model input or output.
struct TensorEncoding {
  DataType type = DataType::kFloat32;
  int64_t elements = 0;
  float scale = 0.0f;  // int8/uint8: real = scale * (q - zero_point)
  int32_t zero_point = 0;
};

// float32 / int8 / uint8 only; anything else is refused with a message.
bool check_digit_input(const TensorEncoding& input, std::string* error);
bool check_digit_output(const TensorEncoding& output, std::string* error);

// float32: the values; int8/uint8: TFLite's quantize, round(x / scale) +
// zero_point, half away from zero, clamped to the type's range.
void encode_digit_input(const float image[kMnistPixels], const TensorEncoding& input, std::vector<uint8_t>* bytes);

// Dequantizes output 0 (10 values) into probabilities; *digit = argmax.
// False + *error when `size` is not 10 elements of the output's type.
bool decode_digit_output(const uint8_t* bytes, std::size_t size, const TensorEncoding& output,
                         float probabilities[kDigitClasses], int* digit, std::string* error);

// "int8 [784], scale 0.00392157, zero point -128" for the info panel.
std::string describe_encoding(const TensorEncoding& encoding);

}  // namespace tinyinfer::digit
