// Reference SIN float32: out = sin(in), in radians (std::sin in float, as TFLite Micro's SinEval).
#include <cmath>
#include <cstdint>

#include "ops/sin/sin.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void sin_float32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = std::sin(input[i]);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(sin_float32, {&kSinOp, "sin_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                    kernel_entry<kernels::UnaryFloatFn, kernels::reference::sin_float32>(), nullptr});

}  // namespace tinyinfer
