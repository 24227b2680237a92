// ZEROS_LIKE: its kernel type and kernels.
#pragma once

#include <cstdint>
#include <cstring>

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kZerosLikeOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Writes `count` zeros of the output's type; the input's values are never
// read (only its shape and type matter).
using ZerosLikeFn = void (*)(int64_t count, void* output);

namespace reference {

// The value 0 (not the zero point: a quantized int8 output holds raw 0, as in
// TFLite). Zero of every supported type is all-zero bytes.
template <typename T>
void fill_zeros(int64_t count, void* output) {
  std::memset(output, 0, static_cast<std::size_t>(count) * sizeof(T));
}

}  // namespace reference

}  // namespace tinyinfer::kernels
