// BATCH_TO_SPACE_ND float32: float elements moved whole pixels at a time
#include "ops/batch_to_space_nd/batch_to_space_nd.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(batch_to_space_nd_float32,
                      {&kBatchToSpaceNdOp, "batch_to_space_nd_float32", KernelChoice::kReference,
                       signature({kF32}, kF32),
                       kernel_entry<kernels::BatchToSpaceNdFn, kernels::reference::batch_to_space_nd<float>>(),
                       nullptr});

}  // namespace tinyinfer
