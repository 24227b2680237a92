// Reference LEAKY_RELU int16 (TFLite's QuantizeLeakyRelu).
#include <limits>

#include "ops/leaky_relu/leaky_relu.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void leaky_relu_int16(const LeakyReluQuantParams& params, int64_t count, const int16_t* input, int16_t* output) {
  leaky_relu_quantized(params, count, input, output, std::numeric_limits<int16_t>::min(),
                       std::numeric_limits<int16_t>::max());
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(leaky_relu_int16,
                      {&kLeakyReluOp, "leaky_relu_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::LeakyReluInt16Fn, kernels::reference::leaky_relu_int16>(), nullptr});

}  // namespace tinyinfer
