// REDUCE_MAX int8: the largest element (quantization unchanged).
#include <cstdint>
#include <limits>

#include "ops/reduce_max/reduce_max.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void reduce_max_int8(const ReduceParams& p, const void* input, void* output, void* /*scratch*/) {
  reduce::fold(p, static_cast<const int8_t*>(input), static_cast<int8_t*>(output),
               std::numeric_limits<int8_t>::lowest(), [](int8_t a, int8_t x) { return x > a ? x : a; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reduce_max_int8,
                      {&kReduceMaxOp, "reduce_max_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::ReduceMaxFn, kernels::reference::reduce_max_int8>(), nullptr});

}  // namespace tinyinfer
