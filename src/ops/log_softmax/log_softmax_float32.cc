// Reference LOG_SOFTMAX float32: x - max - log(sum exp(x - max)).
#include <cmath>
#include <limits>

#include "ops/log_softmax/log_softmax.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void log_softmax_float(int32_t rows, int32_t depth, const float* input, float* output) {
  for (int32_t r = 0; r < rows; ++r) {
    const float* in = input + int64_t{r} * depth;
    float* out = output + int64_t{r} * depth;
    float max = std::numeric_limits<float>::lowest();
    for (int32_t c = 0; c < depth; ++c) max = in[c] > max ? in[c] : max;
    float sum = 0.0f;
    for (int32_t c = 0; c < depth; ++c) sum += std::exp(in[c] - max);
    const float log_sum = std::log(sum);
    for (int32_t c = 0; c < depth; ++c) out[c] = in[c] - max - log_sum;
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(log_softmax_float32,
                      {&kLogSoftmaxOp, "log_softmax_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::LogSoftmaxFloatFn, kernels::reference::log_softmax_float>(), nullptr});

}  // namespace tinyinfer
