// MEAN float32: sums in TFLite's order, then one division by the count per output.
#include <cstdint>

#include "ops/mean/mean.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void mean_float32(const ReduceParams& p, const void* input, void* output, void* /*scratch*/) {
  auto* out = static_cast<float*>(output);
  reduce::fold(p, static_cast<const float*>(input), out, 0.0f, [](float a, float x) { return a + x; });
  if (p.count == 0) return;
  const auto count = static_cast<float>(p.count);
  for (int64_t o = 0; o < p.outputs; ++o) out[o] /= count;
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mean_float32, {&kMeanOp, "mean_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                     kernel_entry<kernels::MeanFn, kernels::reference::mean_float32>(), nullptr});

}  // namespace tinyinfer
