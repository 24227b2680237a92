// RESIZE_BILINEAR int16: TFLite's integer interpolation
#include "ops/resize_bilinear/resize_bilinear.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(resize_bilinear_int16,
                      {&kResizeBilinearOp, "resize_bilinear_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::ResizeBilinearFn, kernels::reference::resize_bilinear_integer<int16_t>>(),
                       nullptr});

}  // namespace tinyinfer
