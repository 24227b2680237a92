// Reference MUL float32 with broadcasting, clamped to the fused activation.
#include "ops/common/broadcast.h"
#include "ops/mul/mul.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void mul_float(const FloatClamp& clamp, const BroadcastShape& shape, const float* input1, const float* input2,
               float* output) {
  for_each_broadcast(shape, [&](int64_t i1, int64_t i2, int64_t o) {
    const float product = input1[i1] * input2[i2];
    output[o] = product < clamp.min ? clamp.min : (product > clamp.max ? clamp.max : product);
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mul_float32, {&kMulOp, "mul_float32", KernelChoice::kReference, signature({kF32, kF32}, kF32),
                                    kernel_entry<kernels::MulFloatFn, kernels::reference::mul_float>(), nullptr});

}  // namespace tinyinfer
