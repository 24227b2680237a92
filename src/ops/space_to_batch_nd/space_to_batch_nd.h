// SPACE_TO_BATCH_ND: the padded input's spatial blocks moved into the batch.
#pragma once

#include "ops/common/space_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSpaceToBatchNdOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using SpaceToBatchNdFn = void (*)(const SpaceBatchGeometry& g, const void* input, void* output);

namespace reference {
template <typename T>
void space_to_batch_nd(const SpaceBatchGeometry& g, const void* input, void* output) {
  space::space_to_batch<T>(g, static_cast<const T*>(input), static_cast<T*>(output));
}
}  // namespace reference

}  // namespace tinyinfer::kernels
