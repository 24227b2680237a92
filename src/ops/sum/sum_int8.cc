// SUM int8: int32 sums in the scratch, rescaled from the input's to the output's quantization.
#include <cstdint>

#include "ops/sum/sum.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void sum_int8(const ReduceParams& p, const void* input, void* output, void* scratch) {
  reduce::quantized_mean_or_sum(p, static_cast<const int8_t*>(input), static_cast<int8_t*>(output),
                                static_cast<int32_t*>(scratch));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(sum_int8,
                      {&kSumOp, "sum_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::SumFn, kernels::reference::sum_int8>(), kernels::reduce_sum_bytes});

}  // namespace tinyinfer
