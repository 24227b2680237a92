// BROADCAST_TO bool: the strided view over bool elements
#include "ops/broadcast_to/broadcast_to.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(broadcast_to_bool,
                      {&kBroadcastToOp, "broadcast_to_bool", KernelChoice::kReference, signature({kBool}, kBool),
                       kernel_entry<kernels::BroadcastToFn, kernels::index::strided_view<bool>>(), nullptr});

}  // namespace tinyinfer
