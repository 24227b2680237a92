// DYNAMIC_UPDATE_SLICE int8: int8_t elements, int32 or int64 start indices
#include "ops/dynamic_update_slice/dynamic_update_slice.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    dynamic_update_slice_int8,
    {&kDynamicUpdateSliceOp, "dynamic_update_slice_int8", KernelChoice::kReference, signature({kI8, kI8, kI32}, kI8),
     kernel_entry<kernels::DynamicUpdateSliceFn, kernels::reference::dynamic_update_slice<int8_t, int32_t>>(), nullptr},
    {&kDynamicUpdateSliceOp, "dynamic_update_slice_int8", KernelChoice::kReference, signature({kI8, kI8, kI64}, kI8),
     kernel_entry<kernels::DynamicUpdateSliceFn, kernels::reference::dynamic_update_slice<int8_t, int64_t>>(),
     nullptr});

}  // namespace tinyinfer
