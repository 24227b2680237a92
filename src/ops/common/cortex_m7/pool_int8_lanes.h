// What the Cortex-M7 int8 pooling kernels share (max_pool_2d/cortex_m7/,
// average_pool_2d/cortex_m7/): per-byte signed max/min of four channels in
// one 32-bit word (SSUB8 + SEL; a portable twin elsewhere), int16 lane
// access, the window clipped to the input as the reference clips it, and the
// walk over output pixels.
#pragma once

#include <cstddef>
#include <cstdint>

#include "dsp/armv7em_simd.h"
#include "ops/common/kernel_types.h"

namespace tinyinfer::kernels::cortex_m7::pooling {

#if defined(__ARM_FEATURE_DSP)
// Per-byte signed max / min of four int8 lanes.
inline uint32_t max_s8x4(uint32_t a, uint32_t b) {
  uint32_t r, t;
  asm("ssub8 %1, %2, %3\n\tsel %0, %2, %3" : "=r"(r), "=&r"(t) : "r"(a), "r"(b) : "cc");
  return r;
}
inline uint32_t min_s8x4(uint32_t a, uint32_t b) {
  uint32_t r, t;
  asm("ssub8 %1, %2, %3\n\tsel %0, %3, %2" : "=r"(r), "=&r"(t) : "r"(a), "r"(b) : "cc");
  return r;
}
inline int32_t lane_lo(uint32_t x) { return static_cast<int16_t>(x & 0xFFFFu); }
inline int32_t lane_hi(uint32_t x) { return static_cast<int32_t>(x) >> 16; }
#else
inline uint32_t bytewise(uint32_t a, uint32_t b, bool want_max) {
  uint32_t r = 0;
  for (int i = 0; i < 4; ++i) {
    const int32_t x = static_cast<int8_t>(a >> (8 * i)), y = static_cast<int8_t>(b >> (8 * i));
    const int32_t m = want_max ? (x >= y ? x : y) : (x >= y ? y : x);
    r |= (static_cast<uint32_t>(m) & 0xFFu) << (8 * i);
  }
  return r;
}
inline uint32_t max_s8x4(uint32_t a, uint32_t b) { return bytewise(a, b, true); }
inline uint32_t min_s8x4(uint32_t a, uint32_t b) { return bytewise(a, b, false); }
inline int32_t lane_lo(uint32_t x) { return static_cast<int16_t>(x & 0xFFFFu); }
inline int32_t lane_hi(uint32_t x) { return static_cast<int16_t>(x >> 16); }
#endif

inline uint32_t splat8(int32_t v) { return (static_cast<uint32_t>(v) & 0xFFu) * 0x01010101u; }

// Taps [begin, end) of the window inside the input along one axis, as the reference clips.
inline void clip(int32_t origin, int32_t filter, int32_t size, int32_t* begin, int32_t* end) {
  const int32_t b = origin < 0 ? -origin : 0;
  int32_t e = size - origin < filter ? size - origin : filter;
  if (e < b) e = b;
  *begin = b;
  *end = e;
}

inline int8_t average(int32_t sum, int32_t count, int32_t act_min, int32_t act_max) {
  int32_t a = 0;
  if (count > 0) a = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
  a = a < act_min ? act_min : a;
  a = a > act_max ? act_max : a;
  return static_cast<int8_t>(a);
}

// Visits every output pixel with its clipped window: fn(first tap pointer of
// channel 0, rows, cols, output pixel pointer).
template <typename Fn>
void for_each_window(const Window& window, const Dims4& in, const int8_t* input, const Dims4& out, int8_t* output,
                     Fn fn) {
  const std::ptrdiff_t in_row = static_cast<std::ptrdiff_t>(in.w) * in.c;
  int8_t* dst = output;
  for (int32_t n = 0; n < out.n; ++n) {
    const int8_t* batch = input + static_cast<std::ptrdiff_t>(n) * in.h * in_row;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      const int32_t y0 = oy * window.stride_h - window.pad_top;
      int32_t yb, ye;
      clip(y0, window.filter_h, in.h, &yb, &ye);
      for (int32_t ox = 0; ox < out.w; ++ox, dst += out.c) {
        const int32_t x0 = ox * window.stride_w - window.pad_left;
        int32_t xb, xe;
        clip(x0, window.filter_w, in.w, &xb, &xe);
        const bool empty = ye <= yb || xe <= xb;
        const int8_t* first = empty ? batch : batch + (y0 + yb) * in_row + static_cast<std::ptrdiff_t>(x0 + xb) * in.c;
        fn(first, empty ? 0 : ye - yb, empty ? 0 : xe - xb, dst);
      }
    }
  }
}

}  // namespace tinyinfer::kernels::cortex_m7::pooling
