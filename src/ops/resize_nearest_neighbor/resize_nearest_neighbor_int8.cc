// RESIZE_NEAREST_NEIGHBOR int8: int8_t elements moved whole pixels at a time
#include "ops/resize_nearest_neighbor/resize_nearest_neighbor.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    resize_nearest_neighbor_int8,
    {&kResizeNearestNeighborOp, "resize_nearest_neighbor_int8", KernelChoice::kReference, signature({kI8}, kI8),
     kernel_entry<kernels::ResizeNearestNeighborFn, kernels::reference::resize_nearest_neighbor<int8_t>>(), nullptr});

}  // namespace tinyinfer
