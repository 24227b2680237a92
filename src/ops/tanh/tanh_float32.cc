// Reference TANH float32.
#include <cmath>

#include "ops/tanh/tanh.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void tanh_float(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = std::tanh(input[i]);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(tanh_float32, {&kTanhOp, "tanh_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                     kernel_entry<kernels::TanhFloatFn, kernels::reference::tanh_float>(), nullptr});

}  // namespace tinyinfer
