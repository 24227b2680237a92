// Reference FULLY_CONNECTED hybrid (float activations, int8 weights): output[b, u] = sum_d input[b, d] * filter[u, d]
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

void fully_connected_hybrid(const FloatClamp& clamp, int32_t batches, int32_t depth, int32_t units, const float* input,
                            const int8_t* filter, const float* filter_scales, const float* bias, float* output) {
  for (int32_t b = 0; b < batches; ++b) {
    for (int32_t u = 0; u < units; ++u) {
      float acc = 0.0f;
      for (int32_t d = 0; d < depth; ++d) {
        acc += input[row_index(b, depth, d)] * static_cast<float>(filter[row_index(u, depth, d)]);
      }
      // The per-unit scale factors out of the sum: apply it once.
      const float value = acc * filter_scales[u] + (bias ? bias[u] : 0.0f);
      output[row_index(b, units, u)] = std::min(std::max(value, clamp.min), clamp.max);
    }
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    fully_connected_hybrid,
    {&kFullyConnectedOp, "fully_connected_hybrid", KernelChoice::kReference, signature({kF32, kI8, kF32}, kF32),
     kernel_entry<kernels::FullyConnectedHybridFn, WithoutScratch<kernels::reference::fully_connected_hybrid>::call>(),
     nullptr});

}  // namespace tinyinfer
