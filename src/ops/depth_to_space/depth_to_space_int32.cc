// DEPTH_TO_SPACE int32: the strided view over int32_t elements
#include "ops/depth_to_space/depth_to_space.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(depth_to_space_int32,
                      {&kDepthToSpaceOp, "depth_to_space_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::DepthToSpaceFn, kernels::index::strided_view<int32_t>>(), nullptr});

}  // namespace tinyinfer
