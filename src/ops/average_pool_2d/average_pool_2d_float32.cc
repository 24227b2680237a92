// Reference AVERAGE_POOL_2D float32: the mean of the real (unpadded) cells of
// the window, clamped.
#include <cstdint>

#include "ops/average_pool_2d/average_pool_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

using namespace pooling;

void average_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                        const Dims4& out, float* output) {
  for_each_output(window, in, out,
                  [&](int32_t n, int32_t y0, int32_t x0, TapRange ys, TapRange xs, int32_t c, int64_t out_index) {
                    float sum = 0.0f;
                    int32_t count = 0;
                    for (int32_t fy = ys.begin; fy < ys.end; ++fy) {
                      for (int32_t fx = xs.begin; fx < xs.end; ++fx) {
                        sum += input[input_index(in, n, y0 + fy, x0 + fx, c)];
                        ++count;
                      }
                    }
                    // An empty window (impossible with valid padding) gives 0
                    // instead of dividing by zero.
                    const float average = count > 0 ? sum / static_cast<float>(count) : 0.0f;
                    output[out_index] = clamp_float(average, clamp);
                  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(average_pool_2d_float32,
                      {&kAveragePool2dOp, "average_pool_2d_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::PoolFloatFn, kernels::reference::average_pool_float>(), nullptr});

}  // namespace tinyinfer
