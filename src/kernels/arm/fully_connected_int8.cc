// FULLY_CONNECTED int8 for ARMv7E-M: the input row is converted once to
// int16 pairs (x + input_offset) in the (x0,x2),(x1,x3) lane order that
// SXTB16 gives the filter bytes, then four filter rows (units) at a time are
// dotted against it with SMLAD, one 32-bit load per 4 weights.
// A nonzero filter_offset adds filter_offset * sum(x + input_offset) to every
// unit, which is the reference's sum of (x + io) * (w + fo) regrouped; integer
// sums are exact, so the result is the reference's bit for bit.
#include "kernels/arm/dsp.h"
#include "kernels/arm/int8_kernels.h"
#include "kernels/reference/reference.h"

namespace tinyinfer::kernels::arm {
namespace {

constexpr int32_t kMaxDepth = 2048;  // int16 entries of the converted input (4 KiB of stack)

// Returns sum(x + offset) over the row.
int32_t convert_row(const int8_t* __restrict src, int32_t depth, int32_t offset,
                    int16_t* __restrict dst16) {
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

inline int8_t requant_unit(int32_t acc, const Requant& rq, int32_t u) {
  return finish(requantize(acc, make_channel_requant(rq.multipliers[u], rq.shifts[u])),
                rq.output_offset, rq.act_min, rq.act_max);
}

}  // namespace

void fully_connected_int8(const Requant& rq, int32_t batches, int32_t depth, int32_t units,
                          const int8_t* input, const int8_t* filter, const int32_t* bias,
                          int8_t* output) {
  if (depth > kMaxDepth || depth <= 0) {
    reference::fully_connected_int8(rq, batches, depth, units, input, filter, bias, output);
    return;
  }
  alignas(8) int16_t row[kMaxDepth];
  const int32_t groups = depth >> 2;
  const int32_t tail_start = groups << 2;
  for (int32_t b = 0; b < batches; ++b) {
    const int32_t sum = convert_row(input + static_cast<std::ptrdiff_t>(b) * depth, depth,
                                    rq.input_offset, row);
    // Per unit constant: bias + filter_offset * sum(x + input_offset).
    const int32_t extra = static_cast<int32_t>(static_cast<uint32_t>(rq.filter_offset) *
                                               static_cast<uint32_t>(sum));
    int8_t* out = output + static_cast<std::ptrdiff_t>(b) * units;
    int32_t u = 0;
    for (; u + 3 < units; u += 4) {
      const int8_t* w0 = filter + static_cast<std::ptrdiff_t>(u) * depth;
      const int8_t* w1 = w0 + depth;
      const int8_t* w2 = w1 + depth;
      const int8_t* w3 = w2 + depth;
      int32_t a0 = extra + (bias ? bias[u] : 0);
      int32_t a1 = extra + (bias ? bias[u + 1] : 0);
      int32_t a2 = extra + (bias ? bias[u + 2] : 0);
      int32_t a3 = extra + (bias ? bias[u + 3] : 0);
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
      out[u] = requant_unit(a0, rq, u);
      out[u + 1] = requant_unit(a1, rq, u + 1);
      out[u + 2] = requant_unit(a2, rq, u + 2);
      out[u + 3] = requant_unit(a3, rq, u + 3);
    }
    for (; u < units; ++u) {
      const int8_t* w0 = filter + static_cast<std::ptrdiff_t>(u) * depth;
      int32_t a0 = extra + (bias ? bias[u] : 0);
      const pair_word* p = reinterpret_cast<const pair_word*>(row);
      for (int32_t i = 0; i < groups; ++i) {
        const uint32_t wv = load_u32(w0);
        w0 += 4;
        a0 = smlad(sxtb16(wv), p[0], a0);
        a0 = smlad(sxtb16_odd(wv), p[1], a0);
        p += 2;
      }
      for (int32_t d = 0; d < depth - tail_start; ++d) a0 += row[tail_start + d] * w0[d];
      out[u] = requant_unit(a0, rq, u);
    }
  }
}

}  // namespace tinyinfer::kernels::arm
