// Reference AVERAGE_POOL_2D int8: the mean of the real cells, rounded half away
// from zero as TFLite, clamped to the activation range.
#include <cstdint>

#include "ops/average_pool_2d/average_pool_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

using namespace pooling;

void average_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                       const Dims4& out, int8_t* output) {
  for_each_output(window, in, out,
                  [&](int32_t n, int32_t y0, int32_t x0, TapRange ys, TapRange xs, int32_t c, int64_t out_index) {
                    int32_t sum = 0;
                    int32_t count = 0;
                    for (int32_t fy = ys.begin; fy < ys.end; ++fy) {
                      for (int32_t fx = xs.begin; fx < xs.end; ++fx) {
                        sum += input[input_index(in, n, y0 + fy, x0 + fx, c)];
                        ++count;
                      }
                    }
                    // Round half away from zero (TFLite): C++ division
                    // truncates, so bias by half the count toward the sign.
                    int32_t average = 0;
                    if (count > 0) {
                      average = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
                    }
                    output[out_index] = static_cast<int8_t>(clamp_int(average, act_min, act_max));
                  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(average_pool_2d_int8,
                      {&kAveragePool2dOp, "average_pool_2d_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::PoolInt8Fn, kernels::reference::average_pool_int8>(), nullptr});

}  // namespace tinyinfer
