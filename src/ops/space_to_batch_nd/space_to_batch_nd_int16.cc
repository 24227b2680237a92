// SPACE_TO_BATCH_ND int16: int16_t elements moved whole pixels at a time
#include "ops/space_to_batch_nd/space_to_batch_nd.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(space_to_batch_nd_int16,
                      {&kSpaceToBatchNdOp, "space_to_batch_nd_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::SpaceToBatchNdFn, kernels::reference::space_to_batch_nd<int16_t>>(),
                       nullptr});

}  // namespace tinyinfer
