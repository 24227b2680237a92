// Reference SUB float32 with broadcasting, clamped to the fused activation.
#include "ops/sub/sub.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void sub_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
               float* output) {
  binary_broadcast(shape, input1, input2, output,
                   [&](float a, float b) { return clamp_to(a - b, params.clamp.min, params.clamp.max); });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(sub_float32, {&kSubOp, "sub_float32", KernelChoice::kReference, signature({kF32, kF32}, kF32),
                                    kernel_entry<kernels::BinaryFn<float>, kernels::reference::sub_float>(), nullptr});

}  // namespace tinyinfer
