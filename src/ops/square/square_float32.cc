// Reference SQUARE float32: out = in * in (TFLite Micro's SquareEval: one float product).
#include <cstdint>

#include "ops/square/square.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void square_float32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = input[i] * input[i];
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(square_float32,
                      {&kSquareOp, "square_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::UnaryFloatFn, kernels::reference::square_float32>(), nullptr});

}  // namespace tinyinfer
