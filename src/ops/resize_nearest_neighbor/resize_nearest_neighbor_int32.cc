// RESIZE_NEAREST_NEIGHBOR int32: int32_t elements moved whole pixels at a time
#include "ops/resize_nearest_neighbor/resize_nearest_neighbor.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    resize_nearest_neighbor_int32,
    {&kResizeNearestNeighborOp, "resize_nearest_neighbor_int32", KernelChoice::kReference, signature({kI32}, kI32),
     kernel_entry<kernels::ResizeNearestNeighborFn, kernels::reference::resize_nearest_neighbor<int32_t>>(), nullptr});

}  // namespace tinyinfer
