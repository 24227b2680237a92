// SPACE_TO_BATCH_ND int32: int32_t elements moved whole pixels at a time
#include "ops/space_to_batch_nd/space_to_batch_nd.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(space_to_batch_nd_int32,
                      {&kSpaceToBatchNdOp, "space_to_batch_nd_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::SpaceToBatchNdFn, kernels::reference::space_to_batch_nd<int32_t>>(),
                       nullptr});

}  // namespace tinyinfer
