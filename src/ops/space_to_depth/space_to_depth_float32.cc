// SPACE_TO_DEPTH float32: the strided view over float elements
#include "ops/space_to_depth/space_to_depth.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(space_to_depth_float32,
                      {&kSpaceToDepthOp, "space_to_depth_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::SpaceToDepthFn, kernels::index::strided_view<float>>(), nullptr});

}  // namespace tinyinfer
