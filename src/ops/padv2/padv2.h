// PADV2: constant padding with a given value.
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kPadv2Op;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using Padv2Fn = MovePadFn;

namespace reference {
void padv2_float32(const PadGeometry& p, const void* input, void* output, const void* value);
void padv2_int8(const PadGeometry& p, const void* input, void* output, const void* value);
void padv2_int16(const PadGeometry& p, const void* input, void* output, const void* value);
void padv2_int32(const PadGeometry& p, const void* input, void* output, const void* value);
}  // namespace reference

}  // namespace tinyinfer::kernels
