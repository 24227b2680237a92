// Reading one element of a tensor as a real number (tinyinfer/tensor.h):
// what a shell, a link reply or a CLI prints for a model's outputs.
#include "tinyinfer/tensor.h"

namespace tinyinfer {

bool real_value(const Tensor& tensor, int64_t i, float* value) {
  int32_t q = 0;
  switch (tensor.type) {
    case DataType::kFloat32:
      *value = tensor.data_as<const float>()[i];
      return true;
    case DataType::kInt8:
      q = tensor.data_as<const int8_t>()[i];
      break;
    case DataType::kUInt8:
      q = tensor.data_as<const uint8_t>()[i];
      break;
    case DataType::kInt16:
      q = tensor.data_as<const int16_t>()[i];
      break;
    case DataType::kInt32:
      q = tensor.data_as<const int32_t>()[i];
      break;
    default:
      return false;
  }
  const float raw = static_cast<float>(q - tensor.quant.zero_point());
  *value = tensor.quant.is_quantized() ? tensor.quant.scale() * raw : raw;
  return true;
}

}  // namespace tinyinfer
