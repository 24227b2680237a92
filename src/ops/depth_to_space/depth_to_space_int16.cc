// DEPTH_TO_SPACE int16: the strided view over int16_t elements
#include "ops/depth_to_space/depth_to_space.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(depth_to_space_int16,
                      {&kDepthToSpaceOp, "depth_to_space_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::DepthToSpaceFn, kernels::index::strided_view<int16_t>>(), nullptr});

}  // namespace tinyinfer
