// Reference RELU float32.
#include "ops/relu/relu.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void relu_float(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    const float v = input[i];
    output[i] = v < 0.0f ? 0.0f : v;  // NaN passes through, as in TFLite
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(relu_float32, {&kReluOp, "relu_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                     kernel_entry<kernels::ReluFloatFn, kernels::reference::relu_float>(), nullptr});

}  // namespace tinyinfer
