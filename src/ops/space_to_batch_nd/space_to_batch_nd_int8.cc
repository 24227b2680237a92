// SPACE_TO_BATCH_ND int8: int8_t elements moved whole pixels at a time
#include "ops/space_to_batch_nd/space_to_batch_nd.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(space_to_batch_nd_int8,
                      {&kSpaceToBatchNdOp, "space_to_batch_nd_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::SpaceToBatchNdFn, kernels::reference::space_to_batch_nd<int8_t>>(),
                       nullptr});

}  // namespace tinyinfer
