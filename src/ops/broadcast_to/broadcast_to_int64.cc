// BROADCAST_TO int64: the strided view over int64_t elements
#include "ops/broadcast_to/broadcast_to.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(broadcast_to_int64,
                      {&kBroadcastToOp, "broadcast_to_int64", KernelChoice::kReference, signature({kI64}, kI64),
                       kernel_entry<kernels::BroadcastToFn, kernels::index::strided_view<int64_t>>(), nullptr});

}  // namespace tinyinfer
