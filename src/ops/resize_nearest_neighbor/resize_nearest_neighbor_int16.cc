// RESIZE_NEAREST_NEIGHBOR int16: int16_t elements moved whole pixels at a time
#include "ops/resize_nearest_neighbor/resize_nearest_neighbor.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    resize_nearest_neighbor_int16,
    {&kResizeNearestNeighborOp, "resize_nearest_neighbor_int16", KernelChoice::kReference, signature({kI16}, kI16),
     kernel_entry<kernels::ResizeNearestNeighborFn, kernels::reference::resize_nearest_neighbor<int16_t>>(), nullptr});

}  // namespace tinyinfer
