// The ARMv7E-M inner loop of the int8 matrix kernels (FULLY_CONNECTED, the
// LSTM's gate products): an int8 activation row, widened once to int16
// (x + input_offset) in the (x0,x2),(x1,x3) lane order SXTB16 gives 4 weight
// bytes read with one 32-bit load, dotted against int8 weight rows with SMLAD.
// The last depth % 4 values stay in plain order after the pairs. Sums wrap
// as TFLite's int32 accumulator does, so any regrouping of the reference's
// sum of (x + io) * (w + fo) gives its bits.
#pragma once

#include <cstddef>
#include <cstdint>

#include "dsp/armv7em_simd.h"

namespace tinyinfer::kernels::cortex_m7 {

// int16 entries of a widened row: depth plus a word of slack.
inline std::size_t mm8_row_entries(int32_t depth) { return static_cast<std::size_t>(depth) + 2; }

// Widens src into dst16 (the paired layout); returns sum(x + offset).
inline int32_t mm8_widen_row(const int8_t* __restrict src, int32_t depth, int32_t offset, int16_t* __restrict dst16) {
  const uint32_t offset2 = splat16(offset);
  pair_word* dst = reinterpret_cast<pair_word*>(dst16);
  int32_t sum = 0;
  const int32_t groups = depth >> 2;
  for (int32_t i = 0; i < groups; ++i) {
    const uint32_t x = load_u32(src + 4 * i);
    const uint32_t e = sxtab16(offset2, x), o = sxtab16_odd(offset2, x);
    dst[2 * i] = e;
    dst[2 * i + 1] = o;
    sum = smlad(e, 0x00010001u, sum);
    sum = smlad(o, 0x00010001u, sum);
  }
  for (int32_t d = groups * 4; d < depth; ++d) {
    const int32_t v = src[d] + offset;
    dst16[d] = static_cast<int16_t>(v);
    sum += v;
  }
  return sum;
}

// The wrapped int32 that starts unit u's sum: bias[u] (0 without bias) +
// extra, as TFLite's int32 accumulator would hold it.
inline int32_t mm8_start(const int32_t* bias, int32_t u, int32_t extra) {
  return static_cast<int32_t>(static_cast<uint32_t>(bias ? bias[u] : 0) + static_cast<uint32_t>(extra));
}

// finish(u, acc) for u in [first, units), acc = the start (mm8_start) plus
// the widened row . filter[u]; filter rows of `depth` int8 weights each.
// Four units at a time, so each row word loaded feeds four SMLADs.
template <typename Finish>
void mm8_dot_units(const int16_t* row, int32_t depth, const int8_t* filter, int32_t first, int32_t units,
                   const int32_t* bias, int32_t extra, Finish finish) {
  const int32_t groups = depth >> 2;
  const int32_t tail_start = groups << 2;
  int32_t u = first;
  for (; u + 3 < units; u += 4) {
    const int8_t* w0 = filter + static_cast<std::ptrdiff_t>(u) * depth;
    const int8_t* w1 = w0 + depth;
    const int8_t* w2 = w1 + depth;
    const int8_t* w3 = w2 + depth;
    int32_t a0 = mm8_start(bias, u, extra);
    int32_t a1 = mm8_start(bias, u + 1, extra);
    int32_t a2 = mm8_start(bias, u + 2, extra);
    int32_t a3 = mm8_start(bias, u + 3, extra);
    const pair_word* p = reinterpret_cast<const pair_word*>(row);
    const pair_word* const end = p + 2 * groups;
    while (p != end) {
      const uint32_t xe = p[0], xo = p[1];
      p += 2;
      uint32_t wv = load_u32(w0);
      w0 += 4;
      a0 = smlad(sxtb16(wv), xe, a0);
      a0 = smlad(sxtb16_odd(wv), xo, a0);
      wv = load_u32(w1);
      w1 += 4;
      a1 = smlad(sxtb16(wv), xe, a1);
      a1 = smlad(sxtb16_odd(wv), xo, a1);
      wv = load_u32(w2);
      w2 += 4;
      a2 = smlad(sxtb16(wv), xe, a2);
      a2 = smlad(sxtb16_odd(wv), xo, a2);
      wv = load_u32(w3);
      w3 += 4;
      a3 = smlad(sxtb16(wv), xe, a3);
      a3 = smlad(sxtb16_odd(wv), xo, a3);
    }
    for (int32_t d = 0; d < depth - tail_start; ++d) {
      const int32_t x = row[tail_start + d];
      a0 += x * w0[d];
      a1 += x * w1[d];
      a2 += x * w2[d];
      a3 += x * w3[d];
    }
    finish(u, a0);
    finish(u + 1, a1);
    finish(u + 2, a2);
    finish(u + 3, a3);
  }
  for (; u < units; ++u) {
    const int8_t* w0 = filter + static_cast<std::ptrdiff_t>(u) * depth;
    int32_t a0 = mm8_start(bias, u, extra);
    const pair_word* p = reinterpret_cast<const pair_word*>(row);
    for (int32_t i = 0; i < groups; ++i) {
      const uint32_t wv = load_u32(w0);
      w0 += 4;
      a0 = smlad(sxtb16(wv), p[0], a0);
      a0 = smlad(sxtb16_odd(wv), p[1], a0);
      p += 2;
    }
    for (int32_t d = 0; d < depth - tail_start; ++d) a0 += row[tail_start + d] * w0[d];
    finish(u, a0);
  }
}

}  // namespace tinyinfer::kernels::cortex_m7
