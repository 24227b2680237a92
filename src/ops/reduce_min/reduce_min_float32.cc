// REDUCE_MIN float32: the smallest element (a NaN never replaces the running value, as in TFLite).
#include <cstdint>
#include <limits>

#include "ops/reduce_min/reduce_min.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void reduce_min_float32(const ReduceParams& p, const void* input, void* output, void* /*scratch*/) {
  reduce::fold(p, static_cast<const float*>(input), static_cast<float*>(output), std::numeric_limits<float>::max(),
               [](float a, float x) { return x < a ? x : a; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reduce_min_float32,
                      {&kReduceMinOp, "reduce_min_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::ReduceMinFn, kernels::reference::reduce_min_float32>(), nullptr});

}  // namespace tinyinfer
