// BROADCAST_TO int8: the strided view over int8_t elements
#include "ops/broadcast_to/broadcast_to.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(broadcast_to_int8,
                      {&kBroadcastToOp, "broadcast_to_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::BroadcastToFn, kernels::index::strided_view<int8_t>>(), nullptr});

}  // namespace tinyinfer
