// BATCH_TO_SPACE_ND int8: int8_t elements moved whole pixels at a time
#include "ops/batch_to_space_nd/batch_to_space_nd.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(batch_to_space_nd_int8,
                      {&kBatchToSpaceNdOp, "batch_to_space_nd_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::BatchToSpaceNdFn, kernels::reference::batch_to_space_nd<int8_t>>(),
                       nullptr});

}  // namespace tinyinfer
