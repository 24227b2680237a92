// DYNAMIC_UPDATE_SLICE float32: float elements, int32 or int64 start indices
#include "ops/dynamic_update_slice/dynamic_update_slice.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    dynamic_update_slice_float32,
    {&kDynamicUpdateSliceOp, "dynamic_update_slice_float32", KernelChoice::kReference,
     signature({kF32, kF32, kI32}, kF32),
     kernel_entry<kernels::DynamicUpdateSliceFn, kernels::reference::dynamic_update_slice<float, int32_t>>(), nullptr},
    {&kDynamicUpdateSliceOp, "dynamic_update_slice_float32", KernelChoice::kReference,
     signature({kF32, kF32, kI64}, kF32),
     kernel_entry<kernels::DynamicUpdateSliceFn, kernels::reference::dynamic_update_slice<float, int64_t>>(), nullptr});

}  // namespace tinyinfer
