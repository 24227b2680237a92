// BATCH_TO_SPACE_ND: batch entries interleaved back into spatial blocks, then cropped.
#pragma once

#include "ops/common/space_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kBatchToSpaceNdOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using BatchToSpaceNdFn = void (*)(const SpaceBatchGeometry& g, const void* input, void* output);

namespace reference {
template <typename T>
void batch_to_space_nd(const SpaceBatchGeometry& g, const void* input, void* output) {
  space::batch_to_space<T>(g, static_cast<const T*>(input), static_cast<T*>(output));
}
}  // namespace reference

}  // namespace tinyinfer::kernels
