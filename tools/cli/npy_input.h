// NumPy .npy arrays as model inputs (format versions 1.0-3.0): the array's
// dtype must be the tensor's type and its element count the tensor's; the
// shape may differ (a [28,28] array fills a [1,28,28,1] tensor) since the
// bytes are the same row-major elements. Only little-endian, C-order arrays.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "tinyinfer/tensor.h"

namespace tinyinfer::cli {

bool is_npy(const uint8_t* bytes, std::size_t size);

// Copies the array's data into dst (input.bytes bytes). False + *error naming
// what does not fit (dtype, element count, byte order, a truncated file).
bool npy_to_tensor(const uint8_t* bytes, std::size_t size, const Tensor& input, void* dst, std::string* description,
                   std::string* error);

}  // namespace tinyinfer::cli
