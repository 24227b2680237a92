// GATHER int16: rows of int16_t elements, int32 or int64 positions
#include "ops/gather/gather.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(gather_int16,
                      {&kGatherOp, "gather_int16", KernelChoice::kReference, signature({kI16, kI32}, kI16),
                       kernel_entry<kernels::GatherFn, kernels::reference::gather<int16_t, int32_t>>(), nullptr},
                      {&kGatherOp, "gather_int16", KernelChoice::kReference, signature({kI16, kI64}, kI16),
                       kernel_entry<kernels::GatherFn, kernels::reference::gather<int16_t, int64_t>>(), nullptr});

}  // namespace tinyinfer
