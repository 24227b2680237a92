// Reference PRELU int16 (int8 alpha).
#include <limits>

#include "ops/prelu/prelu.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void prelu_int16(const PreluQuantParams& params, const BroadcastShape& shape, const int16_t* input, const int8_t* alpha,
                 int16_t* output) {
  prelu_quantized(params, shape, input, alpha, output, std::numeric_limits<int16_t>::min(),
                  std::numeric_limits<int16_t>::max());
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(prelu_int16, {&kPreluOp, "prelu_int16", KernelChoice::kReference, signature({kI16, kI8}, kI16),
                                    kernel_entry<kernels::PreluInt16Fn, kernels::reference::prelu_int16>(), nullptr});

}  // namespace tinyinfer
