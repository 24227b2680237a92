// RESIZE_NEAREST_NEIGHBOR float32: float elements moved whole pixels at a time
#include "ops/resize_nearest_neighbor/resize_nearest_neighbor.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    resize_nearest_neighbor_float32,
    {&kResizeNearestNeighborOp, "resize_nearest_neighbor_float32", KernelChoice::kReference, signature({kF32}, kF32),
     kernel_entry<kernels::ResizeNearestNeighborFn, kernels::reference::resize_nearest_neighbor<float>>(), nullptr});

}  // namespace tinyinfer
