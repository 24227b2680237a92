// DYNAMIC_UPDATE_SLICE int32: int32_t elements, int32 or int64 start indices
#include "ops/dynamic_update_slice/dynamic_update_slice.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    dynamic_update_slice_int32,
    {&kDynamicUpdateSliceOp, "dynamic_update_slice_int32", KernelChoice::kReference,
     signature({kI32, kI32, kI32}, kI32),
     kernel_entry<kernels::DynamicUpdateSliceFn, kernels::reference::dynamic_update_slice<int32_t, int32_t>>(),
     nullptr},
    {&kDynamicUpdateSliceOp, "dynamic_update_slice_int32", KernelChoice::kReference,
     signature({kI32, kI32, kI64}, kI32),
     kernel_entry<kernels::DynamicUpdateSliceFn, kernels::reference::dynamic_update_slice<int32_t, int64_t>>(),
     nullptr});

}  // namespace tinyinfer
