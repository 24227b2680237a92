// DEPTH_TO_SPACE float32: the strided view over float elements
#include "ops/depth_to_space/depth_to_space.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(depth_to_space_float32,
                      {&kDepthToSpaceOp, "depth_to_space_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::DepthToSpaceFn, kernels::index::strided_view<float>>(), nullptr});

}  // namespace tinyinfer
