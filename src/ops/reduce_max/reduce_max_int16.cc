// REDUCE_MAX int16: the largest element (quantization unchanged).
#include <cstdint>
#include <limits>

#include "ops/reduce_max/reduce_max.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void reduce_max_int16(const ReduceParams& p, const void* input, void* output, void* /*scratch*/) {
  reduce::fold(p, static_cast<const int16_t*>(input), static_cast<int16_t*>(output),
               std::numeric_limits<int16_t>::lowest(), [](int16_t a, int16_t x) { return x > a ? x : a; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reduce_max_int16,
                      {&kReduceMaxOp, "reduce_max_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::ReduceMaxFn, kernels::reference::reduce_max_int16>(), nullptr});

}  // namespace tinyinfer
