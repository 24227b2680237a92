// BROADCAST_TO int16: the strided view over int16_t elements
#include "ops/broadcast_to/broadcast_to.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(broadcast_to_int16,
                      {&kBroadcastToOp, "broadcast_to_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::BroadcastToFn, kernels::index::strided_view<int16_t>>(), nullptr});

}  // namespace tinyinfer
