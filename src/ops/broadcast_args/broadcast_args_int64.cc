// BROADCAST_ARGS int64: int64 shapes
#include "ops/broadcast_args/broadcast_args.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(broadcast_args_int64,
                      {&kBroadcastArgsOp, "broadcast_args_int64", KernelChoice::kReference,
                       signature({kI64, kI64}, kI64),
                       kernel_entry<kernels::BroadcastArgsFn, kernels::reference::broadcast_args<int64_t>>(), nullptr});

}  // namespace tinyinfer
