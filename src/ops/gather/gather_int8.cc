// GATHER int8: rows of int8_t elements, int32 or int64 positions
#include "ops/gather/gather.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(gather_int8,
                      {&kGatherOp, "gather_int8", KernelChoice::kReference, signature({kI8, kI32}, kI8),
                       kernel_entry<kernels::GatherFn, kernels::reference::gather<int8_t, int32_t>>(), nullptr},
                      {&kGatherOp, "gather_int8", KernelChoice::kReference, signature({kI8, kI64}, kI8),
                       kernel_entry<kernels::GatherFn, kernels::reference::gather<int8_t, int64_t>>(), nullptr});

}  // namespace tinyinfer
