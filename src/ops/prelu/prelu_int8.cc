// Reference PRELU int8 (int8 alpha).
#include <limits>

#include "ops/prelu/prelu.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void prelu_int8(const PreluQuantParams& params, const BroadcastShape& shape, const int8_t* input, const int8_t* alpha,
                int8_t* output) {
  prelu_quantized(params, shape, input, alpha, output, std::numeric_limits<int8_t>::min(),
                  std::numeric_limits<int8_t>::max());
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(prelu_int8, {&kPreluOp, "prelu_int8", KernelChoice::kReference, signature({kI8, kI8}, kI8),
                                   kernel_entry<kernels::PreluInt8Fn, kernels::reference::prelu_int8>(), nullptr});

}  // namespace tinyinfer
