// Reference RELU int16 (requantize, clamp at the output's zero).
#include "ops/relu/relu.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void relu_int16(const ReluQuantParams& params, int64_t count, const int16_t* input, int16_t* output) {
  relu_quantized(params, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(relu_int16, {&kReluOp, "relu_int16", KernelChoice::kReference, signature({kI16}, kI16),
                                   kernel_entry<kernels::ReluInt16Fn, kernels::reference::relu_int16>(), nullptr});

}  // namespace tinyinfer
