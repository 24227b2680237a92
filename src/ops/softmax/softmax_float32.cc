// Reference SOFTMAX float32 over the innermost dimension.
#include <cmath>
#include <cstdint>

#include "ops/softmax/softmax.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void softmax_float(float beta, int32_t rows, int32_t depth, const float* input, float* output) {
  if (depth <= 0) return;
  for (int32_t row = 0; row < rows; ++row) {
    const float* in = input + int64_t{row} * depth;
    float* out = output + int64_t{row} * depth;
    // Subtracting the max keeps exp() <= 1 so the sum cannot overflow.
    float max_value = in[0];
    for (int32_t c = 1; c < depth; ++c) max_value = in[c] > max_value ? in[c] : max_value;
    float sum = 0.0f;
    for (int32_t c = 0; c < depth; ++c) {
      const float e = std::exp((in[c] - max_value) * beta);
      out[c] = e;
      sum += e;
    }
    for (int32_t c = 0; c < depth; ++c) out[c] = out[c] / sum;
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(softmax_float32,
                      {&kSoftmaxOp, "softmax_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::SoftmaxFloatFn, kernels::reference::softmax_float>(), nullptr});

}  // namespace tinyinfer
