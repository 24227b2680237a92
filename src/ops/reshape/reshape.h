// RESHAPE: its kernel type (the bytes move unchanged).
#pragma once

#include <cstddef>

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kReshapeOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- Moves bytes unchanged (RESHAPE): source and destination may overlap ----
using CopyFn = void (*)(const void* input, void* output, std::size_t bytes);

namespace reference {
void copy_bytes(const void* input, void* output, std::size_t bytes);
}  // namespace reference

}  // namespace tinyinfer::kernels
