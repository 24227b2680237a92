// MIRROR_PAD: padding mirrored from the input (REFLECT or SYMMETRIC).
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kMirrorPadOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using MirrorPadFn = void (*)(const MirrorPadGeometry& g, const void* input, void* output);

namespace reference {
void mirror_pad_float32(const MirrorPadGeometry& g, const void* input, void* output);
void mirror_pad_int8(const MirrorPadGeometry& g, const void* input, void* output);
void mirror_pad_int16(const MirrorPadGeometry& g, const void* input, void* output);
void mirror_pad_int32(const MirrorPadGeometry& g, const void* input, void* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
