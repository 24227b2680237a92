// Reference LEAKY_RELU float32.
#include "ops/leaky_relu/leaky_relu.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void leaky_relu_float(float alpha, int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    const float v = input[i];
    output[i] = v > 0.0f ? v : v * alpha;
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(leaky_relu_float32,
                      {&kLeakyReluOp, "leaky_relu_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::LeakyReluFloatFn, kernels::reference::leaky_relu_float>(), nullptr});

}  // namespace tinyinfer
