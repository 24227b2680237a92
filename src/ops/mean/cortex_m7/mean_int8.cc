// MEAN int8 for ARMv7E-M, the per-channel geometry of channel_mean.h:
// 4 channels per word, SXTAB16 adds bytes 0/2 and 1/3 of a row into two
// pairs of int16 lanes; 256 rows of int8 (at most 256 * 128 in magnitude)
// cannot overflow a lane, so the lanes are widened into the int32 sums every
// 256 rows. Integer sums do not depend on the order, so the sums and the
// shared requantization are bit-exact with reference::mean_int8.
#include "dsp/armv7em_simd.h"
#include "ops/mean/cortex_m7/channel_mean.h"
#include "ops/mean/mean.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

constexpr int32_t kRowsPerLaneFlush = 256;

// sums[0 .. 4 * kWords) of the columns starting at `in`.
template <int kWords>
void sum_int8_block(const int8_t* in, int32_t rows, int32_t stride, int32_t* sums) {
  uint32_t total[4 * kWords] = {};
  for (int32_t done = 0; done < rows;) {
    const int32_t chunk = rows - done < kRowsPerLaneFlush ? rows - done : kRowsPerLaneFlush;
    uint32_t even[kWords] = {}, odd[kWords] = {};
    const int8_t* row = in + static_cast<int64_t>(done) * stride;
    for (int32_t r = 0; r < chunk; ++r, row += stride) {
#pragma GCC unroll 8
      for (int k = 0; k < kWords; ++k) {
        const uint32_t word = load_u32(row + 4 * k);
        even[k] = sxtab16(even[k], word);
        odd[k] = sxtab16_odd(odd[k], word);
      }
    }
#pragma GCC unroll 8
    for (int k = 0; k < kWords; ++k) {
      total[4 * k + 0] += widen_low(even[k]);
      total[4 * k + 1] += widen_low(odd[k]);
      total[4 * k + 2] += widen_high(even[k]);
      total[4 * k + 3] += widen_high(odd[k]);
    }
    done += chunk;
  }
#pragma GCC unroll 8
  for (int i = 0; i < 4 * kWords; ++i) sums[i] = static_cast<int32_t>(total[i]);
}

}  // namespace

void mean_int8(const ReduceParams& p, const void* input, void* output, void* scratch) {
  ChannelMeanShape shape;
  if (scratch == nullptr || !as_channel_mean(p, &shape)) {
    reference::mean_int8(p, input, output, scratch);
    return;
  }
  const auto* in = static_cast<const int8_t*>(input);
  auto* sums = static_cast<int32_t*>(scratch);
  sum_channels<int8_t, 8, sum_int8_block<2>, 4, sum_int8_block<1>>(shape, in, sums);
  reduce::requantize_sums(p, sums, static_cast<int8_t*>(output));
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mean_int8_cortex_m7,
                      {&kMeanOp, "mean_int8_cortex_m7", KernelChoice::kOptimized, signature({kI8}, kI8),
                       kernel_entry<kernels::MeanFn, kernels::cortex_m7::mean_int8>(), kernels::reduce_sum_bytes});

}  // namespace tinyinfer
