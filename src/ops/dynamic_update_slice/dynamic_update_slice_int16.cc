// DYNAMIC_UPDATE_SLICE int16: int16_t elements, int32 or int64 start indices
#include "ops/dynamic_update_slice/dynamic_update_slice.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    dynamic_update_slice_int16,
    {&kDynamicUpdateSliceOp, "dynamic_update_slice_int16", KernelChoice::kReference,
     signature({kI16, kI16, kI32}, kI16),
     kernel_entry<kernels::DynamicUpdateSliceFn, kernels::reference::dynamic_update_slice<int16_t, int32_t>>(),
     nullptr},
    {&kDynamicUpdateSliceOp, "dynamic_update_slice_int16", KernelChoice::kReference,
     signature({kI16, kI16, kI64}, kI16),
     kernel_entry<kernels::DynamicUpdateSliceFn, kernels::reference::dynamic_update_slice<int16_t, int64_t>>(),
     nullptr});

}  // namespace tinyinfer
