// Reference MAX_POOL_2D int8: the largest value of the clipped window, clamped
// to the activation range (input and output share their quantization).
#include <cstdint>

#include "ops/max_pool_2d/max_pool_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

using namespace pooling;

void max_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                   const Dims4& out, int8_t* output) {
  for_each_output(window, in, out,
                  [&](int32_t n, int32_t y0, int32_t x0, TapRange ys, TapRange xs, int32_t c, int64_t out_index) {
                    int32_t max_value = -128;
                    for (int32_t fy = ys.begin; fy < ys.end; ++fy) {
                      for (int32_t fx = xs.begin; fx < xs.end; ++fx) {
                        const int32_t v = input[input_index(in, n, y0 + fy, x0 + fx, c)];
                        if (v > max_value) max_value = v;
                      }
                    }
                    output[out_index] = static_cast<int8_t>(clamp_int(max_value, act_min, act_max));
                  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(max_pool_2d_int8,
                      {&kMaxPool2dOp, "max_pool_2d_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::PoolInt8Fn, kernels::reference::max_pool_int8>(), nullptr});

}  // namespace tinyinfer
