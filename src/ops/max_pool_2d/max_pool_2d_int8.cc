// Reference MAX_POOL_2D int8: the largest value of the clipped window, clamped
// to the activation range (input and output share their quantization).
#include <cstdint>

#include "ops/max_pool_2d/max_pool_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void max_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                   const Dims4& out, int8_t* output) {
  max_pool_quantized(window, act_min, act_max, in, input, out, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(max_pool_2d_int8,
                      {&kMaxPool2dOp, "max_pool_2d_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::PoolInt8Fn, kernels::reference::max_pool_int8>(), nullptr});

}  // namespace tinyinfer
