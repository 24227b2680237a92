// Reference AVERAGE_POOL_2D int16: the mean of the real cells, rounded half
// away from zero as TFLite, clamped to the activation range.
#include <cstdint>

#include "ops/average_pool_2d/average_pool_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void average_pool_int16(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int16_t* input,
                        const Dims4& out, int16_t* output) {
  average_pool_quantized(window, act_min, act_max, in, input, out, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(average_pool_2d_int16,
                      {&kAveragePool2dOp, "average_pool_2d_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::PoolInt16Fn, kernels::reference::average_pool_int16>(), nullptr});

}  // namespace tinyinfer
