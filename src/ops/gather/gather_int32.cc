// GATHER int32: rows of int32_t elements, int32 or int64 positions
#include "ops/gather/gather.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(gather_int32,
                      {&kGatherOp, "gather_int32", KernelChoice::kReference, signature({kI32, kI32}, kI32),
                       kernel_entry<kernels::GatherFn, kernels::reference::gather<int32_t, int32_t>>(), nullptr},
                      {&kGatherOp, "gather_int32", KernelChoice::kReference, signature({kI32, kI64}, kI32),
                       kernel_entry<kernels::GatherFn, kernels::reference::gather<int32_t, int64_t>>(), nullptr});

}  // namespace tinyinfer
