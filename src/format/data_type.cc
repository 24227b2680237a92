#include "tinyinfer/tensor.h"

namespace tinyinfer {

const char* data_type_name(DataType type) {
  switch (type) {
    case DataType::kFloat32:
      return "float32";
    case DataType::kFloat16:
      return "float16";
    case DataType::kInt32:
      return "int32";
    case DataType::kUInt8:
      return "uint8";
    case DataType::kInt64:
      return "int64";
    case DataType::kString:
      return "string";
    case DataType::kBool:
      return "bool";
    case DataType::kInt16:
      return "int16";
    case DataType::kComplex64:
      return "complex64";
    case DataType::kInt8:
      return "int8";
    case DataType::kFloat64:
      return "float64";
  }
  return "unknown";
}

std::size_t data_type_size(DataType type) {
  switch (type) {
    case DataType::kFloat32:
      return 4;
    case DataType::kFloat16:
      return 2;
    case DataType::kInt32:
      return 4;
    case DataType::kUInt8:
      return 1;
    case DataType::kInt64:
      return 8;
    case DataType::kBool:
      return 1;
    case DataType::kInt16:
      return 2;
    case DataType::kComplex64:
      return 8;
    case DataType::kInt8:
      return 1;
    case DataType::kFloat64:
      return 8;
    case DataType::kString:
      return 0;
  }
  return 0;
}

}  // namespace tinyinfer
