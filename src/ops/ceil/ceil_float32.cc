// Reference CEIL float32: out = smallest integer >= in (std::ceil, as TFLite's reference_ops::Ceil).
#include <cmath>
#include <cstdint>

#include "ops/ceil/ceil.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void ceil_float32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = std::ceil(input[i]);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(ceil_float32, {&kCeilOp, "ceil_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                     kernel_entry<kernels::UnaryFloatFn, kernels::reference::ceil_float32>(), nullptr});

}  // namespace tinyinfer
