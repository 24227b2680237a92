// SUM float32: sums in TFLite's order (row-major over the input).
#include <cstdint>

#include "ops/sum/sum.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void sum_float32(const ReduceParams& p, const void* input, void* output, void* /*scratch*/) {
  reduce::fold(p, static_cast<const float*>(input), static_cast<float*>(output), 0.0f,
               [](float a, float x) { return a + x; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(sum_float32, {&kSumOp, "sum_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                    kernel_entry<kernels::SumFn, kernels::reference::sum_float32>(), nullptr});

}  // namespace tinyinfer
