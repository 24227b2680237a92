// SPACE_TO_DEPTH int8: the strided view over int8_t elements
#include "ops/space_to_depth/space_to_depth.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(space_to_depth_int8,
                      {&kSpaceToDepthOp, "space_to_depth_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::SpaceToDepthFn, kernels::index::strided_view<int8_t>>(), nullptr});

}  // namespace tinyinfer
