// GATHER_ND int16: slices of int16_t elements, int32 or int64 indices
#include "ops/gather_nd/gather_nd.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(gather_nd_int16,
                      {&kGatherNdOp, "gather_nd_int16", KernelChoice::kReference, signature({kI16, kI32}, kI16),
                       kernel_entry<kernels::GatherNdFn, kernels::reference::gather_nd<int16_t, int32_t>>(), nullptr},
                      {&kGatherNdOp, "gather_nd_int16", KernelChoice::kReference, signature({kI16, kI64}, kI16),
                       kernel_entry<kernels::GatherNdFn, kernels::reference::gather_nd<int16_t, int64_t>>(), nullptr});

}  // namespace tinyinfer
