// The 2 pixels x 2 output channels SMLAD micro-kernel of the CONV_2D int8
// kernel (conv_2d_int8.cc, which also describes the column layout): on M7
// hand-scheduled assembly, on the host its portable twin; both in
// conv_2d_int8_gemm_2x2.cc.
#pragma once

#include <cstdint>

namespace tinyinfer::kernels::cortex_m7 {

// Arguments of the 2x2 micro-kernel (offsets are used by the assembly).
struct Gemm2x2Args {
  const uint32_t* columns;  // 0: interleaved column pair, 4 words per group
  const int8_t* filter;     // 4: row of the first output channel
  int32_t groups;           // 8: K / 4, >= 1
  int32_t k;                // 12: filter row length K
  const int32_t* bias;      // 16: two per channel pair
  int32_t pairs;            // 20: output channel pairs, >= 1
  int32_t* acc;             // 24: out: per pair {p0 c0, p0 c1, p1 c0, p1 c1}
  int32_t skip;             // 28: 2K - 4*groups (next pair's filter rows)
  // Requantization inside the kernel (table != nullptr; then acc is unused):
  const int32_t* table;  // 32: per channel {multiplier, pre_shift, post_shift - 1}
  int32_t half_offset;   // 36: 1 + 2 * output_offset
  uint32_t act_min2;     // 40: act_min in both int16 lanes
  uint32_t act_max2;     // 44: act_max in both int16 lanes
  int8_t* out0;          // 48: pixel 0's outputs, advanced by the kernel
  int8_t* out1;          // 52: pixel 1's outputs
};

}  // namespace tinyinfer::kernels::cortex_m7

#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
extern "C" void tinyinfer_arm_gemm_2x2(tinyinfer::kernels::cortex_m7::Gemm2x2Args* args);
#endif

namespace tinyinfer::kernels::cortex_m7 {

#if !(defined(__ARM_FEATURE_DSP) && defined(__thumb2__))
void gemm_2x2_portable(Gemm2x2Args* a);
#endif

inline void gemm_2x2(Gemm2x2Args* a) {
#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
  tinyinfer_arm_gemm_2x2(a);
#else
  gemm_2x2_portable(a);
#endif
}

}  // namespace tinyinfer::kernels::cortex_m7
