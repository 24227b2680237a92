// BROADCAST_ARGS int32: int32 shapes
#include "ops/broadcast_args/broadcast_args.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(broadcast_args_int32,
                      {&kBroadcastArgsOp, "broadcast_args_int32", KernelChoice::kReference,
                       signature({kI32, kI32}, kI32),
                       kernel_entry<kernels::BroadcastArgsFn, kernels::reference::broadcast_args<int32_t>>(), nullptr});

}  // namespace tinyinfer
