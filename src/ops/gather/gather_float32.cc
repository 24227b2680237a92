// GATHER float32: rows of float elements, int32 or int64 positions
#include "ops/gather/gather.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(gather_float32,
                      {&kGatherOp, "gather_float32", KernelChoice::kReference, signature({kF32, kI32}, kF32),
                       kernel_entry<kernels::GatherFn, kernels::reference::gather<float, int32_t>>(), nullptr},
                      {&kGatherOp, "gather_float32", KernelChoice::kReference, signature({kF32, kI64}, kF32),
                       kernel_entry<kernels::GatherFn, kernels::reference::gather<float, int64_t>>(), nullptr});

}  // namespace tinyinfer
