// RESIZE_NEAREST_NEIGHBOR: each output pixel copies its nearest input pixel.
#pragma once

#include "ops/common/space_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kResizeNearestNeighborOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using ResizeNearestNeighborFn = void (*)(const ResizeGeometry& g, const void* input, void* output);

namespace reference {
template <typename T>
void resize_nearest_neighbor(const ResizeGeometry& g, const void* input, void* output) {
  space::resize_nearest<T>(g, static_cast<const T*>(input), static_cast<T*>(output));
}
}  // namespace reference

}  // namespace tinyinfer::kernels
