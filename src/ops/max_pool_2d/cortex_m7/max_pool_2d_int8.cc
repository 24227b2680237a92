// MAX_POOL_2D int8 for ARMv7E-M, four channels per 32-bit load: SSUB8 + SEL
// is a per-byte signed max. Bit-exact with reference::max_pool_int8 (window
// clipped to the input, clamped to the activation range).
#include "ops/common/cortex_m7/pool_int8_lanes.h"
#include "ops/max_pool_2d/max_pool_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {

using namespace pooling;

void max_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                   const Dims4& out, int8_t* output) {
  const int32_t c_all = in.c;
  const int32_t vector_c = c_all & ~3;
  const std::ptrdiff_t in_row = static_cast<std::ptrdiff_t>(in.w) * c_all;
  const uint32_t lo4 = splat8(act_min), hi4 = splat8(act_max);
  for_each_window(window, in, input, out, output, [&](const int8_t* first, int32_t rows, int32_t cols, int8_t* dst) {
    if (rows <= 0 || cols <= 0) rows = cols = 0;  // empty window: -128, clamped
    for (int32_t c = 0; c < vector_c; c += 4) {
      uint32_t m = 0x80808080u;
      const int8_t* row = first + c;
      for (int32_t r = rows; r > 0; --r, row += in_row) {
        const int8_t* p = row;
        for (int32_t k = cols; k > 0; --k, p += c_all) m = max_s8x4(load_u32(p), m);
      }
      store_u32(dst + c, min_s8x4(max_s8x4(m, lo4), hi4));
    }
    for (int32_t c = vector_c; c < c_all; ++c) {
      int32_t m = -128;
      const int8_t* row = first + c;
      for (int32_t r = rows; r > 0; --r, row += in_row) {
        for (int32_t k = 0; k < cols; ++k) {
          const int32_t v = row[static_cast<std::ptrdiff_t>(k) * c_all];
          m = v > m ? v : m;
        }
      }
      m = m < act_min ? act_min : m;
      m = m > act_max ? act_max : m;
      dst[c] = static_cast<int8_t>(m);
    }
  });
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

TINYINFER_KERNEL_LIST(max_pool_2d_int8_cortex_m7,
                      {&kMaxPool2dOp, "max_pool_2d_int8_cortex_m7", KernelChoice::kOptimized, signature({kI8}, kI8),
                       kernel_entry<kernels::PoolInt8Fn, kernels::cortex_m7::max_pool_int8>(), nullptr});

}  // namespace tinyinfer
