// MEAN int16 for ARMv7E-M, the per-channel geometry of channel_mean.h:
// 2 channels per word, the low lane added sign-extended (SXTAH) and the high
// one shifted down (ADD with ASR #16) into wrapping int32 sums, 8 channels a
// pass down the rows. Integer sums do not depend on the order, so the sums
// and the shared requantization are bit-exact with reference::mean_int16.
#include "dsp/armv7em_simd.h"
#include "ops/mean/cortex_m7/channel_mean.h"
#include "ops/mean/mean.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

// sums[0 .. 2 * kWords) of the columns starting at `in`.
template <int kWords>
void sum_int16_block(const int16_t* in, int32_t rows, int32_t stride, int32_t* sums) {
  uint32_t low[kWords] = {}, high[kWords] = {};
  const int16_t* row = in;
  for (int32_t r = 0; r < rows; ++r, row += stride) {
#pragma GCC unroll 8
    for (int k = 0; k < kWords; ++k) {
      const uint32_t pair = load_u32(row + 2 * k);
      low[k] += widen_low(pair);
      high[k] += widen_high(pair);
    }
  }
#pragma GCC unroll 8
  for (int k = 0; k < kWords; ++k) {
    sums[2 * k] = static_cast<int32_t>(low[k]);
    sums[2 * k + 1] = static_cast<int32_t>(high[k]);
  }
}

}  // namespace

void mean_int16(const ReduceParams& p, const void* input, void* output, void* scratch) {
  ChannelMeanShape shape;
  if (scratch == nullptr || !as_channel_mean(p, &shape)) {
    reference::mean_int16(p, input, output, scratch);
    return;
  }
  const auto* in = static_cast<const int16_t*>(input);
  auto* sums = static_cast<int32_t*>(scratch);
  sum_channels<int16_t, 8, sum_int16_block<4>, 2, sum_int16_block<1>>(shape, in, sums);
  reduce::requantize_sums(p, sums, static_cast<int16_t*>(output));
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mean_int16_cortex_m7,
                      {&kMeanOp, "mean_int16_cortex_m7", KernelChoice::kOptimized, signature({kI16}, kI16),
                       kernel_entry<kernels::MeanFn, kernels::cortex_m7::mean_int16>(), kernels::reduce_sum_bytes});

}  // namespace tinyinfer
