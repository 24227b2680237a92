// REDUCE_MIN int8: the smallest element (quantization unchanged).
#include <cstdint>
#include <limits>

#include "ops/reduce_min/reduce_min.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void reduce_min_int8(const ReduceParams& p, const void* input, void* output, void* /*scratch*/) {
  reduce::fold(p, static_cast<const int8_t*>(input), static_cast<int8_t*>(output), std::numeric_limits<int8_t>::max(),
               [](int8_t a, int8_t x) { return x < a ? x : a; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reduce_min_int8,
                      {&kReduceMinOp, "reduce_min_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::ReduceMinFn, kernels::reference::reduce_min_int8>(), nullptr});

}  // namespace tinyinfer
