// Reference DIV float32 with broadcasting, clamped to the fused activation.
#include "ops/div/div.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void div_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
               float* output) {
  binary_broadcast(shape, input1, input2, output,
                   [&](float a, float b) { return clamp_to(a / b, params.clamp.min, params.clamp.max); });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(div_float32, {&kDivOp, "div_float32", KernelChoice::kReference, signature({kF32, kF32}, kF32),
                                    kernel_entry<kernels::BinaryFn<float>, kernels::reference::div_float>(), nullptr});

}  // namespace tinyinfer
