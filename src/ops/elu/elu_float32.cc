// Reference ELU float32.
#include <cmath>

#include "ops/elu/elu.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void elu_float(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = x < 0.0f ? std::expm1(x) : x;
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(elu_float32, {&kEluOp, "elu_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                    kernel_entry<kernels::EluFloatFn, kernels::reference::elu_float>(), nullptr});

}  // namespace tinyinfer
