// GATHER_ND int32: slices of int32_t elements, int32 or int64 indices
#include "ops/gather_nd/gather_nd.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(gather_nd_int32,
                      {&kGatherNdOp, "gather_nd_int32", KernelChoice::kReference, signature({kI32, kI32}, kI32),
                       kernel_entry<kernels::GatherNdFn, kernels::reference::gather_nd<int32_t, int32_t>>(), nullptr},
                      {&kGatherNdOp, "gather_nd_int32", KernelChoice::kReference, signature({kI32, kI64}, kI32),
                       kernel_entry<kernels::GatherNdFn, kernels::reference::gather_nd<int32_t, int64_t>>(), nullptr});

}  // namespace tinyinfer
