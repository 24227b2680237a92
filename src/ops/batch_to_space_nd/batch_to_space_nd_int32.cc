// BATCH_TO_SPACE_ND int32: int32_t elements moved whole pixels at a time
#include "ops/batch_to_space_nd/batch_to_space_nd.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(batch_to_space_nd_int32,
                      {&kBatchToSpaceNdOp, "batch_to_space_nd_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::BatchToSpaceNdFn, kernels::reference::batch_to_space_nd<int32_t>>(),
                       nullptr});

}  // namespace tinyinfer
