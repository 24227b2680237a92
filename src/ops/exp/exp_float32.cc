// Reference EXP float32: out = e^in (std::exp in float, as TFLite's reference_ops::Exp).
#include <cmath>
#include <cstdint>

#include "ops/exp/exp.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void exp_float32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = std::exp(input[i]);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(exp_float32, {&kExpOp, "exp_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                    kernel_entry<kernels::UnaryFloatFn, kernels::reference::exp_float32>(), nullptr});

}  // namespace tinyinfer
