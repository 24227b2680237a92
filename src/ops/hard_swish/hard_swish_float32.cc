// Reference HARD_SWISH float32.
#include "ops/hard_swish/hard_swish.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void hard_swish_float(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    const float r = x + 3.0f;
    const float relu6 = r > 6.0f ? 6.0f : (r < 0.0f ? 0.0f : r);
    output[i] = x * relu6 / 6.0f;
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(hard_swish_float32,
                      {&kHardSwishOp, "hard_swish_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::HardSwishFloatFn, kernels::reference::hard_swish_float>(), nullptr});

}  // namespace tinyinfer
