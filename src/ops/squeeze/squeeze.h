// SQUEEZE: drops size-1 dimensions; the bytes move unchanged.
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSqueezeOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using SqueezeFn = MoveCopyFn;

namespace reference {
void squeeze_float32(const void* input, void* output, std::size_t count);
void squeeze_int8(const void* input, void* output, std::size_t count);
void squeeze_int64(const void* input, void* output, std::size_t count);
void squeeze_bool(const void* input, void* output, std::size_t count);
void squeeze_int16(const void* input, void* output, std::size_t count);
void squeeze_int32(const void* input, void* output, std::size_t count);
}  // namespace reference

}  // namespace tinyinfer::kernels
