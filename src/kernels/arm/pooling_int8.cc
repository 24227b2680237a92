// AVERAGE_POOL_2D and MAX_POOL_2D int8 for ARMv7E-M, four channels per
// 32-bit load. Bit-exact with reference::average_pool_int8 / max_pool_int8:
// the window is clipped to the input (padding cells excluded, count = real
// cells), the average rounds half away from zero, both clamp to the
// activation range.
//  - average: per tap SXTAB16 adds channels (c0,c2) and (c1,c3) into int16
//    lanes; |sum| <= 128 * 256 = 32768 fits a lane (down to -32768) for
//    windows of up to 256 cells, larger windows flush every 256 taps;
//  - max: SSUB8 + SEL is a per-byte signed max of four channels.
#include "kernels/arm/dsp.h"
#include "kernels/arm/int8_kernels.h"

namespace tinyinfer::kernels::arm {
namespace {

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
void for_each_window(const Window& window, const Dims4& in, const int8_t* input, const Dims4& out,
                     int8_t* output, Fn fn) {
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
        const int8_t* first =
            empty ? batch : batch + (y0 + yb) * in_row + static_cast<std::ptrdiff_t>(x0 + xb) * in.c;
        fn(first, empty ? 0 : ye - yb, empty ? 0 : xe - xb, dst);
      }
    }
  }
}

}  // namespace

void average_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in,
                       const int8_t* input, const Dims4& out, int8_t* output) {
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

void max_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in,
                   const int8_t* input, const Dims4& out, int8_t* output) {
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

}  // namespace tinyinfer::kernels::arm
