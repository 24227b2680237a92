// Reference LEAKY_RELU int8 (TFLite's QuantizeLeakyRelu).
#include <limits>

#include "ops/leaky_relu/leaky_relu.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void leaky_relu_int8(const LeakyReluQuantParams& params, int64_t count, const int8_t* input, int8_t* output) {
  leaky_relu_quantized(params, count, input, output, std::numeric_limits<int8_t>::min(),
                       std::numeric_limits<int8_t>::max());
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(leaky_relu_int8,
                      {&kLeakyReluOp, "leaky_relu_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::LeakyReluInt8Fn, kernels::reference::leaky_relu_int8>(), nullptr});

}  // namespace tinyinfer
