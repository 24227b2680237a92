// BROADCAST_ARGS: the shape two shapes broadcast to.
#pragma once

#include "ops/common/index_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kBroadcastArgsOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// False (nothing written) when the shapes do not broadcast.
using BroadcastArgsFn = bool (*)(const BroadcastArgsGeometry& g, const void* a, const void* b, void* output);

namespace reference {
template <typename T>
bool broadcast_args(const BroadcastArgsGeometry& g, const void* a, const void* b, void* output) {
  return index::broadcast_args(g, static_cast<const T*>(a), static_cast<const T*>(b), static_cast<T*>(output));
}
}  // namespace reference

}  // namespace tinyinfer::kernels
