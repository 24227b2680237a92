// RESIZE_BILINEAR: each output pixel interpolates its four input neighbours.
#pragma once

#include "ops/common/space_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kResizeBilinearOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using ResizeBilinearFn = void (*)(const ResizeGeometry& g, const void* input, void* output);

namespace reference {
void resize_bilinear_float32(const ResizeGeometry& g, const void* input, void* output);
// int8 and int16: TFLite's integer interpolation (positions in 1/1024 units).
template <typename T>
void resize_bilinear_integer(const ResizeGeometry& g, const void* input, void* output) {
  space::resize_bilinear_integer(g, static_cast<const T*>(input), static_cast<T*>(output));
}
}  // namespace reference

}  // namespace tinyinfer::kernels
