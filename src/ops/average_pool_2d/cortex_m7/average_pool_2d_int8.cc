// AVERAGE_POOL_2D int8 for ARMv7E-M, four channels per 32-bit load.
// Bit-exact with reference::average_pool_int8: the window is clipped to the
// input (padding cells excluded, count = real cells), the average rounds half
// away from zero and clamps to the activation range. Per tap SXTAB16 adds
// channels (c0,c2) and (c1,c3) into int16 lanes; |sum| <= 128 * 256 = 32768
// fits a lane (down to -32768) for windows of up to 256 cells, larger windows
// flush every 256 taps.
#include "ops/average_pool_2d/average_pool_2d.h"
#include "ops/common/cortex_m7/pool_int8_lanes.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {

using namespace pooling;

void average_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                       const Dims4& out, int8_t* output) {
  const int32_t c_all = in.c;
  const int32_t vector_c = c_all & ~3;
  const std::ptrdiff_t in_row = static_cast<std::ptrdiff_t>(in.w) * c_all;
  for_each_window(window, in, input, out, output, [&](const int8_t* first, int32_t rows, int32_t cols, int8_t* dst) {
    const int32_t count = rows > 0 && cols > 0 ? rows * cols : 0;
    if (count == 0) {
      for (int32_t c = 0; c < c_all; ++c) dst[c] = average(0, 0, act_min, act_max);
      return;
    }
    for (int32_t c = 0; c < vector_c; c += 4) {
      int32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      uint32_t e = 0, o = 0;
      int32_t in_lanes = 0;
      const int8_t* row = first + c;
      for (int32_t r = rows; r > 0; --r, row += in_row) {
        const int8_t* p = row;
        if (count <= 256) {  // no flush needed
          for (int32_t k = cols; k > 0; --k, p += c_all) {
            const uint32_t x = load_u32(p);
            e = sxtab16(e, x);
            o = sxtab16_odd(o, x);
          }
          continue;
        }
        for (int32_t k = cols; k > 0; --k, p += c_all) {
          const uint32_t x = load_u32(p);
          e = sxtab16(e, x);
          o = sxtab16_odd(o, x);
          if (++in_lanes == 256) {
            s0 += lane_lo(e);
            s2 += lane_hi(e);
            s1 += lane_lo(o);
            s3 += lane_hi(o);
            e = o = 0;
            in_lanes = 0;
          }
        }
      }
      s0 += lane_lo(e);
      s2 += lane_hi(e);
      s1 += lane_lo(o);
      s3 += lane_hi(o);
      dst[c] = average(s0, count, act_min, act_max);
      dst[c + 1] = average(s1, count, act_min, act_max);
      dst[c + 2] = average(s2, count, act_min, act_max);
      dst[c + 3] = average(s3, count, act_min, act_max);
    }
    for (int32_t c = vector_c; c < c_all; ++c) {
      int32_t sum = 0;
      const int8_t* row = first + c;
      for (int32_t r = rows; r > 0; --r, row += in_row) {
        for (int32_t k = 0; k < cols; ++k) sum += row[static_cast<std::ptrdiff_t>(k) * c_all];
      }
      dst[c] = average(sum, count, act_min, act_max);
    }
  });
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

TINYINFER_KERNEL_LIST(average_pool_2d_int8_cortex_m7,
                      {&kAveragePool2dOp, "average_pool_2d_int8_cortex_m7", KernelChoice::kOptimized,
                       signature({kI8}, kI8),
                       kernel_entry<kernels::PoolInt8Fn, kernels::cortex_m7::average_pool_int8>(), nullptr});

}  // namespace tinyinfer
