// SPACE_TO_DEPTH int16: the strided view over int16_t elements
#include "ops/space_to_depth/space_to_depth.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(space_to_depth_int16,
                      {&kSpaceToDepthOp, "space_to_depth_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::SpaceToDepthFn, kernels::index::strided_view<int16_t>>(), nullptr});

}  // namespace tinyinfer
