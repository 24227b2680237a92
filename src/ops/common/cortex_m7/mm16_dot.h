// The ARMv7E-M inner loop of the int16x8 matrix kernels (FULLY_CONNECTED,
// CONV_2D): an int16 activation row against int8 weight rows, 64-bit sums.
// The row is laid out once as (x0,x2),(x1,x3) pairs per group of 4 - the lane
// order SXTB16 gives 4 weight bytes read with one 32-bit load - so every 4
// MACs of a unit are one load, two SXTB16 and two SMLALD. The last depth % 4
// values stay in plain order after the pairs. TFLite's 16x8 scheme has no
// input or filter offsets and integer sums are exact, so the sums are the
// reference's bit for bit.
#pragma once

#include <cstddef>
#include <cstdint>

#include "dsp/armv7em_simd.h"
#include "ops/common/mm16_int16.h"

namespace tinyinfer::kernels::cortex_m7 {

// Turns a row in plain order into the paired layout in place: per group of
// 4 two word loads and two halfword packs (PKHBT/PKHTB on the M7).
inline void mm16_pair_in_place(int16_t* row, int32_t depth) {
  pair_word* words = reinterpret_cast<pair_word*>(row);
  for (int32_t g = 0; g < (depth >> 2); ++g, words += 2) {
    const uint32_t x01 = words[0], x23 = words[1];
    words[0] = (x01 & 0xFFFFu) | (x23 << 16);
    words[1] = (x01 >> 16) | (x23 & 0xFFFF0000u);
  }
}

// row[0 .. depth) in the paired layout.
inline void mm16_pair_row(const int16_t* __restrict x, int32_t depth, int16_t* __restrict row) {
  const int32_t groups = depth >> 2;
  pair_word* out = reinterpret_cast<pair_word*>(row);
  for (int32_t g = 0; g < groups; ++g, x += 4, out += 2) {
    out[0] = static_cast<uint32_t>(static_cast<uint16_t>(x[0])) | (static_cast<uint32_t>(x[2]) << 16);
    out[1] = static_cast<uint32_t>(static_cast<uint16_t>(x[1])) | (static_cast<uint32_t>(x[3]) << 16);
  }
  for (int32_t d = groups << 2; d < depth; ++d) row[d] = x[d - (groups << 2)];
}

// output[u * output_stride] = requantize_int16(row . filter[u], bias, rq, u)
// for u in [0, units); filter rows of `depth` int8 weights each.
template <typename Bias>
void mm16_dot_units(const int16_t* row, int32_t depth, const int8_t* filter, int32_t units, const Bias* bias,
                    const Requant& rq, int16_t* output, std::ptrdiff_t output_stride) {
  const int32_t groups = depth >> 2;
  const int32_t tail_start = groups << 2;
  const pair_word* const pairs = reinterpret_cast<const pair_word*>(row);
  int32_t u = 0;
  for (; u + 1 < units; u += 2) {
    const int8_t* w0 = filter + static_cast<std::ptrdiff_t>(u) * depth;
    const int8_t* w1 = w0 + depth;
    int64_t a0 = 0, a1 = 0;
    const pair_word* p = pairs;
    const pair_word* const end = p + 2 * groups;
    while (p != end) {
      const uint32_t xe = p[0], xo = p[1];
      p += 2;
      uint32_t wv = load_u32(w0);
      w0 += 4;
      a0 = smlald(sxtb16(wv), xe, a0);
      a0 = smlald(sxtb16_odd(wv), xo, a0);
      wv = load_u32(w1);
      w1 += 4;
      a1 = smlald(sxtb16(wv), xe, a1);
      a1 = smlald(sxtb16_odd(wv), xo, a1);
    }
    for (int32_t d = tail_start; d < depth; ++d) {
      a0 += int64_t{row[d]} * w0[d - tail_start];
      a1 += int64_t{row[d]} * w1[d - tail_start];
    }
    output[u * output_stride] = requantize_int16(a0, bias, rq, u);
    output[(u + 1) * output_stride] = requantize_int16(a1, bias, rq, u + 1);
  }
  if (u < units) {
    const int8_t* w0 = filter + static_cast<std::ptrdiff_t>(u) * depth;
    int64_t a0 = 0;
    const pair_word* p = pairs;
    for (int32_t g = 0; g < groups; ++g, p += 2) {
      const uint32_t wv = load_u32(w0);
      w0 += 4;
      a0 = smlald(sxtb16(wv), p[0], a0);
      a0 = smlald(sxtb16_odd(wv), p[1], a0);
    }
    for (int32_t d = tail_start; d < depth; ++d) a0 += int64_t{row[d]} * w0[d - tail_start];
    output[u * output_stride] = requantize_int16(a0, bias, rq, u);
  }
}

// Bytes of one paired row of `depth` values (8-byte aligned pieces).
inline std::size_t mm16_row_bytes(int32_t depth) {
  return depth > 0 ? (sizeof(int16_t) * static_cast<std::size_t>(depth) + 7) & ~std::size_t{7} : 0;
}

}  // namespace tinyinfer::kernels::cortex_m7
