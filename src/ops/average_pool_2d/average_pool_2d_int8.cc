// Reference AVERAGE_POOL_2D int8: the mean of the real cells, rounded half away
// from zero as TFLite, clamped to the activation range.
#include <cstdint>

#include "ops/average_pool_2d/average_pool_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void average_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                       const Dims4& out, int8_t* output) {
  average_pool_quantized(window, act_min, act_max, in, input, out, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(average_pool_2d_int8,
                      {&kAveragePool2dOp, "average_pool_2d_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::PoolInt8Fn, kernels::reference::average_pool_int8>(), nullptr});

}  // namespace tinyinfer
