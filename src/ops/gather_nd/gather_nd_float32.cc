// GATHER_ND float32: slices of float elements, int32 or int64 indices
#include "ops/gather_nd/gather_nd.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(gather_nd_float32,
                      {&kGatherNdOp, "gather_nd_float32", KernelChoice::kReference, signature({kF32, kI32}, kF32),
                       kernel_entry<kernels::GatherNdFn, kernels::reference::gather_nd<float, int32_t>>(), nullptr},
                      {&kGatherNdOp, "gather_nd_float32", KernelChoice::kReference, signature({kF32, kI64}, kF32),
                       kernel_entry<kernels::GatherNdFn, kernels::reference::gather_nd<float, int64_t>>(), nullptr});

}  // namespace tinyinfer
