// Reference RELU6 float32.
#include "ops/relu6/relu6.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void relu6_float(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    const float v = input[i];
    output[i] = v > 6.0f ? 6.0f : (v < 0.0f ? 0.0f : v);
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(relu6_float32, {&kRelu6Op, "relu6_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                      kernel_entry<kernels::Relu6FloatFn, kernels::reference::relu6_float>(), nullptr});

}  // namespace tinyinfer
