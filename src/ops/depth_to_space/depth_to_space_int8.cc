// DEPTH_TO_SPACE int8: the strided view over int8_t elements
#include "ops/depth_to_space/depth_to_space.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(depth_to_space_int8,
                      {&kDepthToSpaceOp, "depth_to_space_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::DepthToSpaceFn, kernels::index::strided_view<int8_t>>(), nullptr});

}  // namespace tinyinfer
