// Reference FULLY_CONNECTED float32: output[b, u] = sum_d input[b, d] * filter[u, d]
// (+ bias[u]), filter row-major [units, depth].
#include <algorithm>
#include <cstddef>

#include "ops/fully_connected/fully_connected.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

namespace {

std::ptrdiff_t row_index(int32_t row, int32_t row_length, int32_t column) {
  return static_cast<std::ptrdiff_t>(row) * row_length + column;
}

}  // namespace

void fully_connected_float(const FloatClamp& clamp, int32_t batches, int32_t depth, int32_t units, const float* input,
                           const float* filter, const float* bias, float* output) {
  for (int32_t b = 0; b < batches; ++b) {
    for (int32_t u = 0; u < units; ++u) {
      float acc = 0.0f;
      for (int32_t d = 0; d < depth; ++d) {
        acc += input[row_index(b, depth, d)] * filter[row_index(u, depth, d)];
      }
      const float with_bias = acc + (bias ? bias[u] : 0.0f);
      output[row_index(b, units, u)] = std::min(std::max(with_bias, clamp.min), clamp.max);
    }
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    fully_connected_float32,
    {&kFullyConnectedOp, "fully_connected_float32", KernelChoice::kReference, signature({kF32, kF32, kF32}, kF32),
     kernel_entry<kernels::FullyConnectedFloatFn, WithoutScratch<kernels::reference::fully_connected_float>::call>(),
     nullptr});

}  // namespace tinyinfer
