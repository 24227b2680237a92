// BROADCAST_TO float32: the strided view over float elements
#include "ops/broadcast_to/broadcast_to.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(broadcast_to_float32,
                      {&kBroadcastToOp, "broadcast_to_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::BroadcastToFn, kernels::index::strided_view<float>>(), nullptr});

}  // namespace tinyinfer
