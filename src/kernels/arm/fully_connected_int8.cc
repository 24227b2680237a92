// FULLY_CONNECTED int8 for ARMv7E-M: the input row is converted once to
// int16 pairs (x + input_offset) in the (x0,x2),(x1,x3) lane order that
// SXTB16 gives the filter bytes, then four filter rows (units) at a time are
// dotted against it with SMLAD, one 32-bit load per 4 weights.
// A nonzero filter_offset adds filter_offset * sum(x + input_offset) to every
// unit, which is the reference's sum of (x + io) * (w + fo) regrouped; integer
// sums are exact, so the result is the reference's bit for bit.
#include <cstddef>

#include "kernels/arm/dsp.h"
#include "kernels/arm/int8_kernels.h"
#include "kernels/reference/reference.h"

namespace tinyinfer::kernels::arm {

// Arguments of the 2 units x 8 inputs micro-kernel (offsets used by the assembly).
struct Fc2x8Args {
  const uint32_t* row;   // 0: converted input, (x0,x2),(x1,x3) per group of 4
  const int8_t* filter;  // 4: first unit's row, word aligned
  int32_t blocks;        // 8: depth / 8, >= 1
  int32_t skip;          // 12: 2*depth - 8*blocks
  const int32_t* init;   // 16: initial accumulator per unit, 8-byte aligned
  int32_t pairs;         // 20: unit pairs, >= 1
  const int32_t* table;  // 24: per unit {multiplier, pre_shift, post_shift}
  int32_t half_offset;   // 28
  uint32_t act_min2;     // 32
  uint32_t act_max2;     // 36
  int8_t* output;        // 40
  int32_t depth;         // 44
};

}  // namespace tinyinfer::kernels::arm

#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
extern "C" void tinyinfer_arm_fc_2x8(tinyinfer::kernels::arm::Fc2x8Args* args);
// r0 input cursor, r1/r2 the two filter rows, r3 count, r4/r5 accumulators,
// r8-r11 eight inputs as int16 pairs, r6/r7 eight weights, r12 odd lanes.
// 21 instructions per 16 MACs; requantization as in conv_int8.cc.
asm(R"(
  .syntax unified
  .thumb
  .section .text.tinyinfer_arm_fc_2x8,"ax",%progbits
  .global tinyinfer_arm_fc_2x8
  .type tinyinfer_arm_fc_2x8, %function
  .p2align 2
  .thumb_func
tinyinfer_arm_fc_2x8:
  push {r0, r4-r11, lr}
  ldr r1, [r0, #4]
  ldr r2, [r0, #44]
  add r2, r1, r2
1:
  ldr r0, [sp]
  ldr r3, [r0, #16]
  ldrd r4, r5, [r3], #8
  str r3, [r0, #16]
  ldr r3, [r0, #8]
  ldr r0, [r0, #0]
2:
  ldm r0!, {r8-r11}
  ldrd r6, r7, [r1], #8
  sxtb16 r12, r6, ror #8
  sxtb16 r6, r6
  smlad r4, r6, r8, r4
  smlad r4, r12, r9, r4
  sxtb16 r12, r7, ror #8
  sxtb16 r7, r7
  smlad r4, r7, r10, r4
  smlad r4, r12, r11, r4
  ldrd r6, r7, [r2], #8
  sxtb16 r12, r6, ror #8
  sxtb16 r6, r6
  smlad r5, r6, r8, r5
  smlad r5, r12, r9, r5
  sxtb16 r12, r7, ror #8
  sxtb16 r7, r7
  smlad r5, r7, r10, r5
  smlad r5, r12, r11, r5
  subs r3, r3, #1
  bne 2b
  ldr r0, [sp]
  ldr r3, [r0, #12]
  add r1, r1, r3
  add r2, r2, r3
  ldr r3, [r0, #24]
  ldm r3!, {r8-r10}
  lsl r4, r4, r9
  smmulr r4, r4, r8
  asr r11, r4, #31
  add r4, r11, r4, lsl #1
  asr r4, r4, r10
  ldm r3!, {r8-r10}
  str r3, [r0, #24]
  lsl r5, r5, r9
  smmulr r5, r5, r8
  asr r11, r5, #31
  add r5, r11, r5, lsl #1
  asr r5, r5, r10
  add r3, r0, #28
  ldm r3, {r8-r10}
  add r4, r4, r8
  add r5, r5, r8
  ssat r4, #16, r4, asr #1
  ssat r5, #16, r5, asr #1
  pkhbt r4, r4, r5, lsl #16
  ssub16 r11, r4, r9
  sel r4, r4, r9
  ssub16 r11, r10, r4
  sel r4, r4, r10
  lsr r5, r4, #8
  bfi r5, r4, #0, #8
  ldr r3, [r0, #40]
  strh r5, [r3], #2
  str r3, [r0, #40]
  ldr r3, [r0, #20]
  subs r3, r3, #1
  str r3, [r0, #20]
  bne 1b
  pop {r0, r4-r11, pc}
  .size tinyinfer_arm_fc_2x8, .-tinyinfer_arm_fc_2x8
  .text
)");
#endif

namespace tinyinfer::kernels::arm {
namespace {

void fc_2x8(Fc2x8Args* a) {
#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
  tinyinfer_arm_fc_2x8(a);
#else
  const int32_t lo = static_cast<int16_t>(a->act_min2 & 0xFFFF);
  const int32_t hi = static_cast<int16_t>(a->act_max2 & 0xFFFF);
  for (int32_t p = 0; p < 2 * a->pairs; ++p) {
    const int8_t* w = a->filter + static_cast<std::ptrdiff_t>(p) * a->depth;
    int32_t acc = a->init[p];
    for (int32_t g = 0; g < 2 * a->blocks; ++g) {
      const uint32_t wv = load_u32(w + 4 * g);
      acc = smlad(sxtb16(wv), a->row[2 * g], acc);
      acc = smlad(sxtb16_odd(wv), a->row[2 * g + 1], acc);
    }
    const int32_t* t = a->table + 3 * p;
    const int32_t x = smmulr(static_cast<int32_t>(static_cast<uint32_t>(acc) << t[1]), t[0]);
    const int32_t z = 2 * x + (x >> 31);
    const int32_t r = ((z >> t[2]) + a->half_offset) >> 1;
    a->output[p] = static_cast<int8_t>(r < lo ? lo : r > hi ? hi : r);
  }
#endif
}

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

// All unit pairs through the micro-kernel, in chunks whose tables live on
// the stack; the depth % 8 tail products join the initial accumulators.
void fully_connected_pairs(const Requant& rq, int32_t batches, int32_t depth, int32_t units,
                           const int8_t* input, const int8_t* filter, const int32_t* bias,
                           int8_t* output, int16_t* row) {
  constexpr int32_t kChunk = 128;
  alignas(8) int32_t init[kChunk];
  int32_t table[3 * kChunk];
  const int32_t blocks = depth >> 3;
  const int32_t tail_start = blocks << 3;
  const int32_t paired = units & ~1;
  for (int32_t b = 0; b < batches; ++b) {
    const int32_t sum = convert_row(input + static_cast<std::ptrdiff_t>(b) * depth, depth,
                                    rq.input_offset, row);
    const int32_t extra = static_cast<int32_t>(static_cast<uint32_t>(rq.filter_offset) *
                                               static_cast<uint32_t>(sum));
    for (int32_t u0 = 0; u0 < paired; u0 += kChunk) {
      const int32_t n = paired - u0 < kChunk ? paired - u0 : kChunk;
      for (int32_t i = 0; i < n; ++i) {
        const int32_t u = u0 + i;
        int32_t acc = extra + (bias ? bias[u] : 0);
        const int8_t* w = filter + static_cast<std::ptrdiff_t>(u) * depth;
        if (tail_start < depth) {  // one whole group of 4, in the row's lane order
          const pair_word* x = reinterpret_cast<const pair_word*>(row) + (tail_start >> 1);
          const uint32_t wv = load_u32(w + tail_start);
          acc = smlad(sxtb16(wv), x[0], acc);
          acc = smlad(sxtb16_odd(wv), x[1], acc);
        }
        init[i] = acc;
        const FastChannel f = make_fast_channel(rq.multipliers[u], rq.shifts[u]);
        table[3 * i] = f.multiplier;
        table[3 * i + 1] = static_cast<int32_t>(f.pre_shift);
        table[3 * i + 2] = static_cast<int32_t>(f.post_shift);
      }
      alignas(8) Fc2x8Args a{reinterpret_cast<const uint32_t*>(row),
                             filter + static_cast<std::ptrdiff_t>(u0) * depth,
                             blocks,
                             2 * depth - 8 * blocks,
                             init,
                             n >> 1,
                             table,
                             1 + 2 * rq.output_offset,
                             splat16(rq.act_min),
                             splat16(rq.act_max),
                             output + static_cast<std::ptrdiff_t>(b) * units + u0,
                             depth};
      fc_2x8(&a);
    }
  }
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
  // The micro-kernel path: word-aligned rows of >= 8 weights, the fast
  // requantization's bound.
  bool kernel_path = depth >= 8 && (depth & 3) == 0 && (reinterpret_cast<uintptr_t>(filter) & 3) == 0 &&
                     units >= 2 &&
                     fits_fast_requant(accumulator_bound(depth, rq.input_offset, rq.filter_offset, bias, units),
                                       rq.shifts, units);
  if (kernel_path) {
    fully_connected_pairs(rq, batches, depth, units, input, filter, bias, output, row);
    if ((units & 1) == 0) return;
  }
  const int32_t groups = depth >> 2;
  const int32_t tail_start = groups << 2;
  for (int32_t b = 0; b < batches; ++b) {
    const int32_t sum = convert_row(input + static_cast<std::ptrdiff_t>(b) * depth, depth,
                                    rq.input_offset, row);
    // Per unit constant: bias + filter_offset * sum(x + input_offset).
    const int32_t extra = static_cast<int32_t>(static_cast<uint32_t>(rq.filter_offset) *
                                               static_cast<uint32_t>(sum));
    int8_t* out = output + static_cast<std::ptrdiff_t>(b) * units;
    int32_t u = kernel_path ? units - 1 : 0;
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
