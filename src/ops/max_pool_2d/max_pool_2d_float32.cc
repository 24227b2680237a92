// Reference MAX_POOL_2D float32: the largest value of the clipped window, clamped.
#include <cstdint>

#include "ops/max_pool_2d/max_pool_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

using namespace pooling;

void max_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                    const Dims4& out, float* output) {
  for_each_output(window, in, out,
                  [&](int32_t n, int32_t y0, int32_t x0, TapRange ys, TapRange xs, int32_t c, int64_t out_index) {
                    float max_value = -3.402823466e+38f;  // lowest float, as TFLite starts
                    for (int32_t fy = ys.begin; fy < ys.end; ++fy) {
                      for (int32_t fx = xs.begin; fx < xs.end; ++fx) {
                        const float v = input[input_index(in, n, y0 + fy, x0 + fx, c)];
                        if (v > max_value) max_value = v;
                      }
                    }
                    output[out_index] = clamp_float(max_value, clamp);
                  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(max_pool_2d_float32,
                      {&kMaxPool2dOp, "max_pool_2d_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::PoolFloatFn, kernels::reference::max_pool_float>(), nullptr});

}  // namespace tinyinfer
