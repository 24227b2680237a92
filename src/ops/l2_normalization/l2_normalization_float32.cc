// Reference L2_NORMALIZATION float32: x / max(sqrt(sum x^2), 1e-6).
#include <cmath>

#include "ops/l2_normalization/l2_normalization.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void l2_normalization_float(int32_t rows, int32_t depth, const float* input, float* output) {
  constexpr float kEpsilon = 1e-6f;
  for (int32_t r = 0; r < rows; ++r) {
    const float* in = input + int64_t{r} * depth;
    float* out = output + int64_t{r} * depth;
    float squared = 0.0f;
    for (int32_t c = 0; c < depth; ++c) squared += in[c] * in[c];
    float norm = std::sqrt(squared);
    norm = norm > kEpsilon ? norm : kEpsilon;
    for (int32_t c = 0; c < depth; ++c) out[c] = in[c] / norm;
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(l2_normalization_float32,
                      {&kL2NormalizationOp, "l2_normalization_float32", KernelChoice::kReference,
                       signature({kF32}, kF32),
                       kernel_entry<kernels::L2NormalizationFloatFn, kernels::reference::l2_normalization_float>(),
                       nullptr});

}  // namespace tinyinfer
