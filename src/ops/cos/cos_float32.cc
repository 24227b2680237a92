// Reference COS float32: out = cos(in), in radians (std::cos in float, as TFLite Micro's CosEval).
#include <cmath>
#include <cstdint>

#include "ops/cos/cos.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void cos_float32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = std::cos(input[i]);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(cos_float32, {&kCosOp, "cos_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                    kernel_entry<kernels::UnaryFloatFn, kernels::reference::cos_float32>(), nullptr});

}  // namespace tinyinfer
