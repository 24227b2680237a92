// Reference RELU6 int16 (clamp of the raw values).
#include "ops/relu6/relu6.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void relu6_int16(const Relu6QuantParams& params, int64_t count, const int16_t* input, int16_t* output) {
  relu6_quantized(params, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(relu6_int16, {&kRelu6Op, "relu6_int16", KernelChoice::kReference, signature({kI16}, kI16),
                                    kernel_entry<kernels::Relu6Int16Fn, kernels::reference::relu6_int16>(), nullptr});

}  // namespace tinyinfer
