// SPACE_TO_BATCH_ND float32: float elements moved whole pixels at a time
#include "ops/space_to_batch_nd/space_to_batch_nd.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(space_to_batch_nd_float32,
                      {&kSpaceToBatchNdOp, "space_to_batch_nd_float32", KernelChoice::kReference,
                       signature({kF32}, kF32),
                       kernel_entry<kernels::SpaceToBatchNdFn, kernels::reference::space_to_batch_nd<float>>(),
                       nullptr});

}  // namespace tinyinfer
