// MEAN float32 for the Cortex-M7, the per-channel geometry of channel_mean.h:
// 8 channels' running sums held in FPU registers down the rows instead of
// loaded and stored per element. Each channel still adds its rows in order
// from 0.0f and is divided once by the count, as the reference does, so the
// results are bit-exact with reference::mean_float32.
#include "ops/mean/cortex_m7/channel_mean.h"
#include "ops/mean/mean.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

// out[0 .. kWidth) = column sums of the columns starting at `in` / count.
template <int kWidth>
void mean_float_block(const float* in, int32_t rows, int32_t stride, float count, float* out) {
  float total[kWidth] = {};
  const float* row = in;
  for (int32_t r = 0; r < rows; ++r, row += stride) {
#pragma GCC unroll 8
    for (int k = 0; k < kWidth; ++k) total[k] = total[k] + row[k];
  }
#pragma GCC unroll 8
  for (int k = 0; k < kWidth; ++k) out[k] = total[k] / count;
}

}  // namespace

void mean_float32(const ReduceParams& p, const void* input, void* output, void* scratch) {
  ChannelMeanShape shape;
  if (!as_channel_mean(p, &shape)) {
    reference::mean_float32(p, input, output, scratch);
    return;
  }
  const auto* in = static_cast<const float*>(input);
  auto* out = static_cast<float*>(output);
  const auto count = static_cast<float>(p.count);
  const int32_t channels = shape.channels;
  for (int64_t b = 0; b < shape.outer; ++b) {
    const float* slab = in + b * shape.rows * channels;
    float* slab_out = out + b * channels;
    int32_t c = 0;
    for (; c + 8 <= channels; c += 8) mean_float_block<8>(slab + c, shape.rows, channels, count, slab_out + c);
    for (; c < channels; ++c) mean_float_block<1>(slab + c, shape.rows, channels, count, slab_out + c);
  }
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mean_float32_cortex_m7,
                      {&kMeanOp, "mean_float32_cortex_m7", KernelChoice::kOptimized, signature({kF32}, kF32),
                       kernel_entry<kernels::MeanFn, kernels::cortex_m7::mean_float32>(), nullptr});

}  // namespace tinyinfer
