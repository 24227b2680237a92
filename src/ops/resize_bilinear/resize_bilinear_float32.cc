// RESIZE_BILINEAR float32: TFLite's float interpolation.
#include "ops/resize_bilinear/resize_bilinear.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void resize_bilinear_float32(const ResizeGeometry& g, const void* input, void* output) {
  space::resize_bilinear_float(g, static_cast<const float*>(input), static_cast<float*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(resize_bilinear_float32,
                      {&kResizeBilinearOp, "resize_bilinear_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::ResizeBilinearFn, kernels::reference::resize_bilinear_float32>(),
                       nullptr});

}  // namespace tinyinfer
