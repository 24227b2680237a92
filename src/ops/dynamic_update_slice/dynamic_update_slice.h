// DYNAMIC_UPDATE_SLICE: the operand with a box overwritten by the update.
#pragma once

#include "ops/common/index_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kDynamicUpdateSliceOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using DynamicUpdateSliceFn = void (*)(const UpdateSliceGeometry& g, const void* operand, const void* update,
                                      const void* start, void* output);

namespace reference {
// One instance per element type T and start index type I.
template <typename T, typename I>
void dynamic_update_slice(const UpdateSliceGeometry& g, const void* operand, const void* update, const void* start,
                          void* output) {
  index::dynamic_update_slice(g, static_cast<const T*>(operand), static_cast<const T*>(update),
                              static_cast<const I*>(start), static_cast<T*>(output));
}
}  // namespace reference

}  // namespace tinyinfer::kernels
