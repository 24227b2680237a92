// REDUCE_MIN int16: the smallest element (quantization unchanged).
#include <cstdint>
#include <limits>

#include "ops/reduce_min/reduce_min.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void reduce_min_int16(const ReduceParams& p, const void* input, void* output, void* /*scratch*/) {
  reduce::fold(p, static_cast<const int16_t*>(input), static_cast<int16_t*>(output),
               std::numeric_limits<int16_t>::max(), [](int16_t a, int16_t x) { return x < a ? x : a; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reduce_min_int16,
                      {&kReduceMinOp, "reduce_min_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::ReduceMinFn, kernels::reference::reduce_min_int16>(), nullptr});

}  // namespace tinyinfer
