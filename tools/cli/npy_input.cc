#include "npy_input.h"

#include <cstring>
#include <vector>

namespace tinyinfer::cli {
namespace {

constexpr uint8_t kMagic[] = {0x93, 'N', 'U', 'M', 'P', 'Y'};

// The header is a Python dict literal: {'descr': '<f4', 'fortran_order': False, 'shape': (1, 28), }
bool find_value(const std::string& header, const std::string& key, std::string* value) {
  const std::size_t at = header.find("'" + key + "'");
  if (at == std::string::npos) return false;
  const std::size_t colon = header.find(':', at);
  if (colon == std::string::npos) return false;
  std::size_t start = header.find_first_not_of(' ', colon + 1);
  if (start == std::string::npos) return false;
  std::size_t end;
  if (header[start] == '\'') {
    end = header.find('\'', start + 1);
    if (end == std::string::npos) return false;
    *value = header.substr(start + 1, end - start - 1);
  } else if (header[start] == '(') {
    end = header.find(')', start);
    if (end == std::string::npos) return false;
    *value = header.substr(start + 1, end - start - 1);
  } else {
    end = header.find_first_of(",}", start);
    if (end == std::string::npos) return false;
    *value = header.substr(start, end - start);
  }
  return true;
}

// numpy's descr for each tensor type ('|' or '<' byte order prefix).
const char* descr_of(DataType type) {
  switch (type) {
    case DataType::kFloat32:
      return "f4";
    case DataType::kInt8:
      return "i1";
    case DataType::kUInt8:
      return "u1";
    case DataType::kInt16:
      return "i2";
    case DataType::kInt32:
      return "i4";
    case DataType::kInt64:
      return "i8";
    case DataType::kBool:
      return "b1";
    default:
      return nullptr;
  }
}

}  // namespace

bool is_npy(const uint8_t* bytes, std::size_t size) {
  return size >= sizeof(kMagic) && std::memcmp(bytes, kMagic, sizeof(kMagic)) == 0;
}

bool npy_to_tensor(const uint8_t* bytes, std::size_t size, const Tensor& input, void* dst, std::string* description,
                   std::string* error) {
  if (size < 10 || !is_npy(bytes, size)) {
    *error = "not a .npy file (no \\x93NUMPY header)";
    return false;
  }
  const int major = bytes[6];
  std::size_t header_length, header_start;
  if (major == 1) {
    header_length = bytes[8] | (std::size_t{bytes[9]} << 8);
    header_start = 10;
  } else if (major == 2 || major == 3) {
    if (size < 12) {
      *error = ".npy header truncated";
      return false;
    }
    header_length =
        bytes[8] | (std::size_t{bytes[9]} << 8) | (std::size_t{bytes[10]} << 16) | (std::size_t{bytes[11]} << 24);
    header_start = 12;
  } else {
    *error = ".npy format version " + std::to_string(major) + " not supported (1, 2, 3)";
    return false;
  }
  if (header_length > size - header_start) {
    *error = ".npy header of " + std::to_string(header_length) + " bytes runs past the end of the file";
    return false;
  }
  const std::string header(reinterpret_cast<const char*>(bytes + header_start), header_length);
  std::string descr, fortran, shape;
  if (!find_value(header, "descr", &descr) || !find_value(header, "fortran_order", &fortran) ||
      !find_value(header, "shape", &shape)) {
    *error = ".npy header lacks descr, fortran_order or shape: " + header;
    return false;
  }
  if (fortran.find("True") != std::string::npos) {
    *error = ".npy array is in Fortran order; save it C-ordered (np.ascontiguousarray)";
    return false;
  }
  const char* want = descr_of(input.type);
  if (want == nullptr) {
    *error = std::string(".npy input for a tensor of type ") + data_type_name(input.type) + " not supported";
    return false;
  }
  const bool one_byte = want[1] == '1';
  const bool order_ok = descr.size() == 3 && (descr[0] == '<' || descr[0] == '|' || (one_byte && descr[0] == '='));
  if (!order_ok || descr.compare(1, 2, want) != 0) {
    *error = ".npy dtype '" + descr + "' does not match the tensor's " + data_type_name(input.type) + " (want '" +
             (one_byte ? "|" : "<") + want + "')";
    return false;
  }
  // Element count from the shape tuple "(1, 28, 28)" / "()" (a scalar).
  uint64_t elements = 1;
  std::size_t pos = 0;
  while (pos < shape.size()) {
    const std::size_t digit = shape.find_first_of("0123456789", pos);
    if (digit == std::string::npos) break;
    const std::size_t end = shape.find_first_not_of("0123456789", digit);
    const std::string number = shape.substr(digit, end - digit);
    if (number.size() > 12) {
      *error = ".npy shape (" + shape + ") too large";
      return false;
    }
    elements *= std::stoull(number);
    if (elements > (uint64_t{1} << 40)) {
      *error = ".npy shape (" + shape + ") too large";
      return false;
    }
    pos = end == std::string::npos ? shape.size() : end;
  }
  const std::size_t element_bytes = data_type_size(input.type);
  const std::size_t data_start = header_start + header_length;
  if (elements * element_bytes != input.bytes) {
    *error = ".npy array of shape (" + shape + ") has " + std::to_string(elements) + " elements, the tensor " +
             std::to_string(input.bytes / element_bytes);
    return false;
  }
  if (size - data_start != input.bytes) {
    *error = ".npy data is " + std::to_string(size - data_start) + " bytes, shape (" + shape + ") needs " +
             std::to_string(input.bytes);
    return false;
  }
  std::memcpy(dst, bytes + data_start, input.bytes);
  *description = ".npy array " + descr + " (" + shape + ")";
  return true;
}

}  // namespace tinyinfer::cli
