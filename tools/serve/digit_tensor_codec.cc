#include "digit_tensor_codec.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace tinyinfer::digit {
namespace {

const char* type_name(DataType type) {
  switch (type) {
    case DataType::kFloat32:
      return "float32";
    case DataType::kInt8:
      return "int8";
    case DataType::kUInt8:
      return "uint8";
    default:
      return "unsupported type";
  }
}

std::size_t element_bytes(DataType type) { return type == DataType::kFloat32 ? 4 : 1; }

bool check_encoding(const TensorEncoding& e, const char* role, int64_t want_elements, std::string* error) {
  if (e.type != DataType::kFloat32 && e.type != DataType::kInt8 && e.type != DataType::kUInt8) {
    *error = std::string("the model's ") + role + " has type code " + std::to_string(static_cast<int>(e.type)) +
             "; the digit pad handles float32, int8 and uint8";
    return false;
  }
  if (e.elements != want_elements) {
    *error = std::string("the model's ") + role + " has " + std::to_string(e.elements) + " elements; a digit " + role +
             " needs " + std::to_string(want_elements);
    return false;
  }
  if (e.type != DataType::kFloat32 && !(e.scale > 0.0f && std::isfinite(e.scale))) {
    *error = std::string("the model's ") + type_name(e.type) + " " + role + " has no usable quantization scale";
    return false;
  }
  return true;
}

}  // namespace

bool check_digit_input(const TensorEncoding& input, std::string* error) {
  return check_encoding(input, "input", kMnistPixels, error);
}

bool check_digit_output(const TensorEncoding& output, std::string* error) {
  return check_encoding(output, "output", kDigitClasses, error);
}

void encode_digit_input(const float image[kMnistPixels], const TensorEncoding& input, std::vector<uint8_t>* bytes) {
  bytes->assign(kMnistPixels * element_bytes(input.type), 0);
  if (input.type == DataType::kFloat32) {
    std::memcpy(bytes->data(), image, bytes->size());
    return;
  }
  const int32_t lo = input.type == DataType::kInt8 ? -128 : 0;
  const int32_t hi = input.type == DataType::kInt8 ? 127 : 255;
  for (int i = 0; i < kMnistPixels; ++i) {
    const double q = std::round(static_cast<double>(image[i]) / input.scale) + input.zero_point;
    const int32_t v = static_cast<int32_t>(std::clamp(q, static_cast<double>(lo), static_cast<double>(hi)));
    (*bytes)[i] = static_cast<uint8_t>(input.type == DataType::kInt8 ? static_cast<uint8_t>(static_cast<int8_t>(v))
                                                                     : static_cast<uint8_t>(v));
  }
}

bool decode_digit_output(const uint8_t* bytes, std::size_t size, const TensorEncoding& output,
                         float probabilities[kDigitClasses], int* digit, std::string* error) {
  const std::size_t want = kDigitClasses * element_bytes(output.type);
  if (bytes == nullptr || size != want) {
    *error = "output is " + std::to_string(size) + " bytes; 10 " + type_name(output.type) + " values are " +
             std::to_string(want);
    return false;
  }
  for (int i = 0; i < kDigitClasses; ++i) {
    if (output.type == DataType::kFloat32) {
      std::memcpy(&probabilities[i], bytes + 4 * i, 4);
    } else {
      const int32_t q = output.type == DataType::kInt8 ? static_cast<int8_t>(bytes[i]) : bytes[i];
      probabilities[i] = output.scale * static_cast<float>(q - output.zero_point);
    }
  }
  *digit = 0;
  for (int i = 1; i < kDigitClasses; ++i)
    if (probabilities[i] > probabilities[*digit]) *digit = i;
  return true;
}

std::string describe_encoding(const TensorEncoding& e) {
  std::string text = std::string(type_name(e.type)) + " [" + std::to_string(e.elements) + "]";
  if (e.type != DataType::kFloat32) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), ", scale %.6g, zero point %d", e.scale, e.zero_point);
    text += buf;
  }
  return text;
}

}  // namespace tinyinfer::digit
