// GATHER_ND: elements or slices of the input picked by index tuples.
#pragma once

#include "ops/common/index_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kGatherNdOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// False (nothing written) when an index is outside its dimension.
using GatherNdFn = bool (*)(const GatherNdGeometry& g, const void* input, const void* indices, void* output);

namespace reference {
// One instance per element type T and index type I.
template <typename T, typename I>
bool gather_nd(const GatherNdGeometry& g, const void* input, const void* indices, void* output) {
  return index::gather_nd(g, static_cast<const T*>(input), static_cast<const I*>(indices), static_cast<T*>(output));
}
}  // namespace reference

}  // namespace tinyinfer::kernels
