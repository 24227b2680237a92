// GATHER: slices of the input along one axis, picked by a positions tensor.
#pragma once

#include "ops/common/index_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kGatherOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// False (nothing written) when a position is outside [0, axis size).
using GatherFn = bool (*)(const GatherGeometry& g, const void* input, const void* positions, void* output);

namespace reference {
// One instance per element type T and position type I.
template <typename T, typename I>
bool gather(const GatherGeometry& g, const void* input, const void* positions, void* output) {
  return index::gather(g, static_cast<const T*>(input), static_cast<const I*>(positions), static_cast<T*>(output));
}
}  // namespace reference

}  // namespace tinyinfer::kernels
