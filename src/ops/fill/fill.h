// FILL: every output element set to one scalar value.
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kFillOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Writes `count` copies of the element at `value`.
using FillFn = void (*)(const void* value, void* output, std::size_t count);

namespace reference {
void fill_float32(const void* value, void* output, std::size_t count);
void fill_int8(const void* value, void* output, std::size_t count);
void fill_int16(const void* value, void* output, std::size_t count);
void fill_int32(const void* value, void* output, std::size_t count);
}  // namespace reference

}  // namespace tinyinfer::kernels
