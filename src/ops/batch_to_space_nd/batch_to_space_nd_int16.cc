// BATCH_TO_SPACE_ND int16: int16_t elements moved whole pixels at a time
#include "ops/batch_to_space_nd/batch_to_space_nd.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(batch_to_space_nd_int16,
                      {&kBatchToSpaceNdOp, "batch_to_space_nd_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::BatchToSpaceNdFn, kernels::reference::batch_to_space_nd<int16_t>>(),
                       nullptr});

}  // namespace tinyinfer
