// Reference L2_POOL_2D float32: the square root of the mean of the squares of
// the real (unpadded) cells of the window, clamped.
#include <cmath>
#include <cstdint>

#include "ops/l2_pool_2d/l2_pool_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

using namespace pooling;

void l2_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input, const Dims4& out,
                   float* output) {
  for_each_output(
      window, in, out, [&](int32_t n, int32_t y0, int32_t x0, TapRange ys, TapRange xs, int32_t c, int64_t out_index) {
        const float sum_squares =
            fold_window(in, input, n, y0, x0, ys, xs, c, 0.0f, [](float acc, float v) { return acc + v * v; });
        const int32_t count = window_cells(ys, xs);
        // An empty window (impossible with valid padding) gives 0.
        const float l2 = count > 0 ? std::sqrt(sum_squares / static_cast<float>(count)) : 0.0f;
        output[out_index] = clamp_float(l2, clamp);
      });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(l2_pool_2d_float32,
                      {&kL2Pool2dOp, "l2_pool_2d_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::PoolFloatFn, kernels::reference::l2_pool_float>(), nullptr});

}  // namespace tinyinfer
