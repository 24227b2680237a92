// PAD: constant padding (zero, or the output zero point when quantized).
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kPadOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using PadFn = MovePadFn;

namespace reference {
void pad_float32(const PadGeometry& p, const void* input, void* output, const void* value);
void pad_int8(const PadGeometry& p, const void* input, void* output, const void* value);
void pad_int16(const PadGeometry& p, const void* input, void* output, const void* value);
void pad_int32(const PadGeometry& p, const void* input, void* output, const void* value);
}  // namespace reference

}  // namespace tinyinfer::kernels
