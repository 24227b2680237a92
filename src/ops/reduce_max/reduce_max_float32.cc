// REDUCE_MAX float32: the largest element (a NaN never replaces the running value, as in TFLite).
#include <cstdint>
#include <limits>

#include "ops/reduce_max/reduce_max.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void reduce_max_float32(const ReduceParams& p, const void* input, void* output, void* /*scratch*/) {
  reduce::fold(p, static_cast<const float*>(input), static_cast<float*>(output), std::numeric_limits<float>::lowest(),
               [](float a, float x) { return x > a ? x : a; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reduce_max_float32,
                      {&kReduceMaxOp, "reduce_max_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::ReduceMaxFn, kernels::reference::reduce_max_float32>(), nullptr});

}  // namespace tinyinfer
