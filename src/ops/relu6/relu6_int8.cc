// Reference RELU6 int8 (clamp of the raw values).
#include "ops/relu6/relu6.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void relu6_int8(const Relu6QuantParams& params, int64_t count, const int8_t* input, int8_t* output) {
  relu6_quantized(params, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(relu6_int8, {&kRelu6Op, "relu6_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                   kernel_entry<kernels::Relu6Int8Fn, kernels::reference::relu6_int8>(), nullptr});

}  // namespace tinyinfer
