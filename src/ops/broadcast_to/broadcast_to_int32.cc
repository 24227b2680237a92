// BROADCAST_TO int32: the strided view over int32_t elements
#include "ops/broadcast_to/broadcast_to.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(broadcast_to_int32,
                      {&kBroadcastToOp, "broadcast_to_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::BroadcastToFn, kernels::index::strided_view<int32_t>>(), nullptr});

}  // namespace tinyinfer
