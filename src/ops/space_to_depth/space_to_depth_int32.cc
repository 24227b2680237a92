// SPACE_TO_DEPTH int32: the strided view over int32_t elements
#include "ops/space_to_depth/space_to_depth.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(space_to_depth_int32,
                      {&kSpaceToDepthOp, "space_to_depth_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::SpaceToDepthFn, kernels::index::strided_view<int32_t>>(), nullptr});

}  // namespace tinyinfer
