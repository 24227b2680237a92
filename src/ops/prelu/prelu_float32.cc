// Reference PRELU float32.
#include "ops/prelu/prelu.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void prelu_float(const BroadcastShape& shape, const float* input, const float* alpha, float* output) {
  for_each_broadcast(shape, [&](int64_t i1, int64_t i2, int64_t o) {
    const float x = input[i1];
    output[o] = x >= 0.0f ? x : x * alpha[i2];
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(prelu_float32,
                      {&kPreluOp, "prelu_float32", KernelChoice::kReference, signature({kF32, kF32}, kF32),
                       kernel_entry<kernels::PreluFloatFn, kernels::reference::prelu_float>(), nullptr});

}  // namespace tinyinfer
