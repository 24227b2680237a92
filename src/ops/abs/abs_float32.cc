// Reference ABS float32: out = |in| (std::abs, as TFLite Micro's AbsEval).
#include <cmath>
#include <cstdint>

#include "ops/abs/abs.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void abs_float32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = std::abs(input[i]);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(abs_float32, {&kAbsOp, "abs_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                    kernel_entry<kernels::UnaryFloatFn, kernels::reference::abs_float32>(), nullptr});

}  // namespace tinyinfer
