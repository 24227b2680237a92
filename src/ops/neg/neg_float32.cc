// Reference NEG float32: out = -in (TFLite's reference_ops::Negate).
#include <cstdint>

#include "ops/neg/neg.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void neg_float32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = -input[i];
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(neg_float32, {&kNegOp, "neg_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                    kernel_entry<kernels::UnaryFloatFn, kernels::reference::neg_float32>(), nullptr});

}  // namespace tinyinfer
