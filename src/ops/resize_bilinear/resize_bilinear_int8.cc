// RESIZE_BILINEAR int8: TFLite's integer interpolation
#include "ops/resize_bilinear/resize_bilinear.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(resize_bilinear_int8,
                      {&kResizeBilinearOp, "resize_bilinear_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::ResizeBilinearFn, kernels::reference::resize_bilinear_integer<int8_t>>(),
                       nullptr});

}  // namespace tinyinfer
