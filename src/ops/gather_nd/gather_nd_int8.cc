// GATHER_ND int8: slices of int8_t elements, int32 or int64 indices
#include "ops/gather_nd/gather_nd.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(gather_nd_int8,
                      {&kGatherNdOp, "gather_nd_int8", KernelChoice::kReference, signature({kI8, kI32}, kI8),
                       kernel_entry<kernels::GatherNdFn, kernels::reference::gather_nd<int8_t, int32_t>>(), nullptr},
                      {&kGatherNdOp, "gather_nd_int8", KernelChoice::kReference, signature({kI8, kI64}, kI8),
                       kernel_entry<kernels::GatherNdFn, kernels::reference::gather_nd<int8_t, int64_t>>(), nullptr});

}  // namespace tinyinfer
