// Reference RELU int8 (requantize, clamp at the output's zero).
#include "ops/relu/relu.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void relu_int8(const ReluQuantParams& params, int64_t count, const int8_t* input, int8_t* output) {
  relu_quantized(params, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(relu_int8, {&kReluOp, "relu_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                  kernel_entry<kernels::ReluInt8Fn, kernels::reference::relu_int8>(), nullptr});

}  // namespace tinyinfer
