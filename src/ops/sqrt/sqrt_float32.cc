// Reference SQRT float32: out = sqrt(in) (NaN below zero) (std::sqrt in float, as TFLite Micro's SqrtEval).
#include <cmath>
#include <cstdint>

#include "ops/sqrt/sqrt.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void sqrt_float32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = std::sqrt(input[i]);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(sqrt_float32, {&kSqrtOp, "sqrt_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                     kernel_entry<kernels::UnaryFloatFn, kernels::reference::sqrt_float32>(), nullptr});

}  // namespace tinyinfer
