// MEAN int8: int32 sums in the scratch, requantized with 1/count folded into the multiplier.
#include <cstdint>

#include "ops/mean/mean.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void mean_int8(const ReduceParams& p, const void* input, void* output, void* scratch) {
  reduce::quantized_mean_or_sum(p, static_cast<const int8_t*>(input), static_cast<int8_t*>(output),
                                static_cast<int32_t*>(scratch));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mean_int8,
                      {&kMeanOp, "mean_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::MeanFn, kernels::reference::mean_int8>(), kernels::reduce_sum_bytes});

}  // namespace tinyinfer
