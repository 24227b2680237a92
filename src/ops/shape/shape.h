// SHAPE: the input's dimensions as an int32 or int64 vector.
#pragma once

#include <cstdint>

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kShapeOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Writes the `rank` dimensions into `output` (of the kernel's output type).
using ShapeFn = void (*)(const int32_t* dims, int32_t rank, void* output);

namespace reference {
void shape_int32(const int32_t* dims, int32_t rank, void* output);
void shape_int64(const int32_t* dims, int32_t rank, void* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
