// FULLY_CONNECTED int8 for ARMv7E-M: the input row is converted once to
// int16 pairs (x + input_offset) in the (x0,x2),(x1,x3) lane order that
// SXTB16 gives the filter bytes, then four filter rows (units) at a time are
// dotted against it with SMLAD, one 32-bit load per 4 weights.
// A nonzero filter_offset adds filter_offset * sum(x + input_offset) to every
// unit, which is the reference's sum of (x + io) * (w + fo) regrouped; integer
// sums are exact, so the result is the reference's bit for bit.
#include <cstddef>

#include "dsp/armv7em_simd.h"
#include "ops/common/cortex_m7/mm8_dot.h"
#include "ops/fully_connected/fully_connected.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {

// Arguments of the 2 units x 8 inputs micro-kernel (offsets used by the assembly).
struct Fc2x8Args {
  const uint32_t* row;         // 0: converted input, (x0,x2),(x1,x3) per group of 4
  const int8_t* filter;        // 4: first unit's row, word aligned
  int32_t blocks;              // 8: depth / 8, >= 1
  int32_t skip;                // 12: 2*depth - 8*blocks
  const int32_t* bias;         // 16: per unit, advanced by the kernel
  int32_t pairs;               // 20: unit pairs, >= 1
  const int32_t* multipliers;  // 24: per unit, advanced by the kernel
  int32_t half_offset;         // 28: 1 + 2 * output_offset
  uint32_t act_min2;           // 32
  uint32_t act_max2;           // 36
  int8_t* output;              // 40: advanced by the kernel
  int32_t depth;               // 44
  const int32_t* shifts;       // 48: per unit, advanced by the kernel
};

// Arguments of the no-scratch dot kernel: two units x 8 inputs per step, the
// input widened on the fly (offsets used by the assembly).
struct FcDot2x8Args {
  const int8_t* x;   // 0: input, word aligned, advanced
  const int8_t* w0;  // 4: first unit's row, word aligned
  const int8_t* w1;  // 8: second unit's row, word aligned
  int32_t blocks;    // 12: inputs / 8, >= 1
  uint32_t offset2;  // 16: input_offset in both halves
  int32_t acc0;      // 20: in and out
  int32_t acc1;      // 24: in and out
};

}  // namespace tinyinfer::kernels::cortex_m7

#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
// r1 input, r2/r3 the two rows, r4 count, r5 offset pair, r6/r7 accumulators;
// per 8 inputs one LDRD of input bytes widened by four SXTAB16 (even and odd
// lanes plus the offset), then per unit one LDRD of weights, four SXTB16 and
// four SMLAD: 25 instructions per 16 MACs.
extern "C" void tinyinfer_arm_fc_dot_2x8(tinyinfer::kernels::cortex_m7::FcDot2x8Args* args);
asm("  .syntax unified\n"
    "  .thumb\n"
    "  .section .text.tinyinfer_arm_fc_dot_2x8,\"ax\",%progbits\n"
    "  .global tinyinfer_arm_fc_dot_2x8\n"
    "  .type tinyinfer_arm_fc_dot_2x8, %function\n"
    "  .p2align 2\n"
    "  .thumb_func\n"
    "tinyinfer_arm_fc_dot_2x8:\n"
    "  push {r0, r4-r11, lr}\n"
    "  ldm r0, {r1-r7}\n"
    "1:\n"
    "  ldrd r8, r9, [r1], #8\n"
    "  sxtab16 r10, r5, r8, ror #8\n"
    "  sxtab16 r8, r5, r8\n"
    "  sxtab16 r11, r5, r9, ror #8\n"
    "  sxtab16 r9, r5, r9\n"
    "  ldrd r0, r12, [r2], #8\n"
    "  sxtb16 lr, r0, ror #8\n"
    "  sxtb16 r0, r0\n"
    "  smlad r6, r0, r8, r6\n"
    "  smlad r6, lr, r10, r6\n"
    "  sxtb16 lr, r12, ror #8\n"
    "  sxtb16 r12, r12\n"
    "  smlad r6, r12, r9, r6\n"
    "  smlad r6, lr, r11, r6\n"
    "  ldrd r0, r12, [r3], #8\n"
    "  sxtb16 lr, r0, ror #8\n"
    "  sxtb16 r0, r0\n"
    "  smlad r7, r0, r8, r7\n"
    "  smlad r7, lr, r10, r7\n"
    "  sxtb16 lr, r12, ror #8\n"
    "  sxtb16 r12, r12\n"
    "  smlad r7, r12, r9, r7\n"
    "  smlad r7, lr, r11, r7\n"
    "  subs r4, r4, #1\n"
    "  bne 1b\n"
    "  pop {r0}\n"
    "  str r6, [r0, #20]\n"
    "  str r7, [r0, #24]\n"
    "  pop {r4-r11, pc}\n"
    "  .size tinyinfer_arm_fc_dot_2x8, .-tinyinfer_arm_fc_dot_2x8\n"
    "  .text\n");
#endif

#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
extern "C" void tinyinfer_arm_fc_2x8(tinyinfer::kernels::cortex_m7::Fc2x8Args* args);
// r0 input cursor, r1/r2 the two filter rows, r3 count, r4/r5 accumulators,
// r8-r11 eight inputs as int16 pairs, r6/r7 eight weights, r12 odd lanes.
// 21 instructions per 16 MACs, the loop unrolled twice (an odd block count
// enters at the second copy). Per unit: pre = max(shift, 0) + 1 and
// e = max(-shift, 0) of the fast requantization (dsp.h).
#define TI_FC_BLOCK            \
  "  ldm r0!, {r8-r11}\n"      \
  "  ldrd r6, r7, [r1], #8\n"  \
  "  sxtb16 r12, r6, ror #8\n" \
  "  sxtb16 r6, r6\n"          \
  "  smlad r4, r6, r8, r4\n"   \
  "  smlad r4, r12, r9, r4\n"  \
  "  sxtb16 r12, r7, ror #8\n" \
  "  sxtb16 r7, r7\n"          \
  "  smlad r4, r7, r10, r4\n"  \
  "  smlad r4, r12, r11, r4\n" \
  "  ldrd r6, r7, [r2], #8\n"  \
  "  sxtb16 r12, r6, ror #8\n" \
  "  sxtb16 r6, r6\n"          \
  "  smlad r5, r6, r8, r5\n"   \
  "  smlad r5, r12, r9, r5\n"  \
  "  sxtb16 r12, r7, ror #8\n" \
  "  sxtb16 r7, r7\n"          \
  "  smlad r5, r7, r10, r5\n"  \
  "  smlad r5, r12, r11, r5\n"
asm("  .syntax unified\n"
    "  .thumb\n"
    "  .section .text.tinyinfer_arm_fc_2x8,\"ax\",%progbits\n"
    "  .global tinyinfer_arm_fc_2x8\n"
    "  .type tinyinfer_arm_fc_2x8, %function\n"
    "  .p2align 2\n"
    "  .thumb_func\n"
    "tinyinfer_arm_fc_2x8:\n"
    "  push {r0, r4-r11, lr}\n"
    "  ldr r1, [r0, #4]\n"
    "  ldr r2, [r0, #44]\n"
    "  add r2, r1, r2\n"
    "1:\n"
    "  ldr r0, [sp]\n"
    "  ldr r3, [r0, #16]\n"
    "  ldrd r4, r5, [r3], #8\n"
    "  str r3, [r0, #16]\n"
    "  ldr r3, [r0, #8]\n"
    "  ldr r0, [r0, #0]\n"
    "  adds r3, r3, #1\n"
    "  lsrs r3, r3, #1\n"
    "  bcc 3f\n"
    "2:\n" TI_FC_BLOCK "3:\n" TI_FC_BLOCK
    "  subs r3, r3, #1\n"
    "  bne 2b\n"
    "  ldr r0, [sp]\n"
    "  ldr r3, [r0, #12]\n"
    "  add r1, r1, r3\n"
    "  add r2, r2, r3\n"
    "  ldr r3, [r0, #24]\n"
    "  ldrd r8, r12, [r3], #8\n"
    "  str r3, [r0, #24]\n"
    "  ldr r3, [r0, #48]\n"
    "  ldrd r9, r10, [r3], #8\n"
    "  str r3, [r0, #48]\n"
    "  bic r11, r9, r9, asr #31\n"
    "  add r11, r11, #1\n"
    "  lsl r4, r4, r11\n"
    "  bic r11, r10, r10, asr #31\n"
    "  add r11, r11, #1\n"
    "  lsl r5, r5, r11\n"
    "  smmulr r4, r4, r8\n"
    "  smmulr r5, r5, r12\n"
    "  asr r11, r4, #31\n"
    "  add r4, r11, r4, lsl #1\n"
    "  asr r11, r5, #31\n"
    "  add r5, r11, r5, lsl #1\n"
    "  neg r9, r9\n"
    "  usat r9, #5, r9\n"
    "  asr r4, r4, r9\n"
    "  neg r10, r10\n"
    "  usat r10, #5, r10\n"
    "  asr r5, r5, r10\n"
    "  add r3, r0, #28\n"
    "  ldm r3, {r8-r10}\n"
    "  add r4, r4, r8\n"
    "  add r5, r5, r8\n"
    "  ssat r4, #16, r4, asr #1\n"
    "  ssat r5, #16, r5, asr #1\n"
    "  pkhbt r4, r4, r5, lsl #16\n"
    "  ssub16 r11, r4, r9\n"
    "  sel r4, r4, r9\n"
    "  ssub16 r11, r10, r4\n"
    "  sel r4, r4, r10\n"
    "  lsr r5, r4, #8\n"
    "  bfi r5, r4, #0, #8\n"
    "  ldr r3, [r0, #40]\n"
    "  strh r5, [r3], #2\n"
    "  str r3, [r0, #40]\n"
    "  ldr r3, [r0, #20]\n"
    "  subs r3, r3, #1\n"
    "  str r3, [r0, #20]\n"
    "  bne 1b\n"
    "  pop {r0, r4-r11, pc}\n"
    "  .size tinyinfer_arm_fc_2x8, .-tinyinfer_arm_fc_2x8\n"
    "  .text\n");
#undef TI_FC_BLOCK
#endif

namespace tinyinfer::kernels::cortex_m7 {
namespace {

void fc_2x8(Fc2x8Args* a) {
#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
  tinyinfer_arm_fc_2x8(a);
#else
  const int32_t lo = static_cast<int16_t>(a->act_min2 & 0xFFFF);
  const int32_t hi = static_cast<int16_t>(a->act_max2 & 0xFFFF);
  for (int32_t p = 0; p < 2 * a->pairs; ++p) {
    const int8_t* w = a->filter + static_cast<std::ptrdiff_t>(p) * a->depth;
    int32_t acc = a->bias[p];
    for (int32_t g = 0; g < 2 * a->blocks; ++g) {
      const uint32_t wv = load_u32(w + 4 * g);
      acc = smlad(sxtb16(wv), a->row[2 * g], acc);
      acc = smlad(sxtb16_odd(wv), a->row[2 * g + 1], acc);
    }
    const FastChannel f = make_fast_channel(a->multipliers[p], a->shifts[p]);
    a->output[p] = clamp_to_int8(fast_requantize(acc, f.multiplier, f.pre_shift, f.post_shift, a->half_offset), lo, hi);
  }
#endif
}

inline int8_t requant_unit(int32_t acc, const Requant& rq, int32_t u) {
  return finish(requantize(acc, make_channel_requant(rq.multiplier(u), rq.shift(u))), rq.output_offset, rq.act_min,
                rq.act_max);
}

// All unit pairs of every batch through the micro-kernel. The kernel walks
// one multiplier and shift per unit; a per-tensor requantization is spread
// over a small stack table and the units run through it in chunks.
void fully_connected_pairs(const Requant& rq, int32_t batches, int32_t depth, int32_t units, const int8_t* input,
                           const int8_t* filter, const int32_t* bias, int8_t* output, int16_t* row) {
  constexpr int32_t kChunk = 32;  // units per call when the requantization is per tensor
  int32_t multipliers[kChunk], shifts[kChunk];
  const int32_t pair_units = units & ~1;
  const int32_t chunk = rq.per_channel ? pair_units : kChunk;
  if (!rq.per_channel) {
    for (int32_t i = 0; i < kChunk; ++i) {
      multipliers[i] = rq.multipliers[0];
      shifts[i] = rq.shifts[0];
    }
  }
  const int32_t blocks = depth >> 3;
  for (int32_t b = 0; b < batches; ++b) {
    mm8_widen_row(input + static_cast<std::ptrdiff_t>(b) * depth, depth, rq.input_offset, row);
    for (int32_t u = 0; u < pair_units; u += chunk) {
      const int32_t n = pair_units - u < chunk ? pair_units - u : chunk;
      Fc2x8Args a{reinterpret_cast<const uint32_t*>(row),
                  filter + static_cast<std::ptrdiff_t>(u) * depth,
                  blocks,
                  2 * depth - 8 * blocks,
                  bias + u,
                  n >> 1,
                  rq.per_channel ? rq.multipliers + u : multipliers,
                  1 + 2 * rq.output_offset,
                  splat16(rq.act_min),
                  splat16(rq.act_max),
                  output + static_cast<std::ptrdiff_t>(b) * units + u,
                  depth,
                  rq.per_channel ? rq.shifts + u : shifts};
      fc_2x8(&a);
    }
  }
}

// True when every unit may take the fast requantization (dsp.h):
// (product_bound + |bias|) << left_shift < 2^30. One cheap pass bounds
// max |bias| by OR of (b ^ (b >> 31)) + 1 and max left_shift by OR of the
// left shifts (both at most twice too large, so rarely conservative).
bool fc_fits_fast(int64_t product_bound, const int32_t* bias, const Requant& rq, int32_t units) {
  uint32_t bias_bits = 0, shift_bits = 0;
  for (int32_t u = 0; u < units; ++u) {
    bias_bits |= static_cast<uint32_t>(bias[u] ^ (bias[u] >> 31));
    shift_bits |= static_cast<uint32_t>(rq.shift(u) > 0 ? rq.shift(u) : 0);
  }
  if (shift_bits > 30) return false;
  return ((product_bound + int64_t{bias_bits} + 1) << shift_bits) < (int64_t{1} << 30);
}

}  // namespace

namespace {

// Two units' dot products over whole blocks of 8 inputs, the input widened
// on the fly (the assembly kernel on ARMv7E-M).
// Two units' dot products over the groups of 4 inputs [g_begin, g_end),
// the input widened on the fly.
inline void dot2_groups(const int8_t* x, const int8_t* w0, const int8_t* w1, int32_t g_begin, int32_t g_end,
                        uint32_t offset2, int32_t* a0, int32_t* a1) {
  for (int32_t g = g_begin; g < g_end; ++g) {
    const uint32_t xv = load_u32(x + 4 * g);
    const uint32_t xe = sxtab16(offset2, xv), xo = sxtab16_odd(offset2, xv);
    const uint32_t v0 = load_u32(w0 + 4 * g), v1 = load_u32(w1 + 4 * g);
    *a0 = smlad(sxtb16_odd(v0), xo, smlad(sxtb16(v0), xe, *a0));
    *a1 = smlad(sxtb16_odd(v1), xo, smlad(sxtb16(v1), xe, *a1));
  }
}

void fc_dot_2x8(FcDot2x8Args* a) {
#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
  tinyinfer_arm_fc_dot_2x8(a);
#else
  dot2_groups(a->x, a->w0, a->w1, 0, 2 * a->blocks, a->offset2, &a->acc0, &a->acc1);
#endif
}

// Without scratch (InterpreterOptions::small_arena): no int16 row in the
// arena; the input is widened on the fly for every pair of units (the
// assembly dot over blocks of 8 inputs, ~0.3 instructions per MAC more than
// the row path), the last depth % 8 inputs and an odd last unit in C++.
void fully_connected_unwidened(const Requant& rq, int32_t batches, int32_t depth, int32_t units, const int8_t* input,
                               const int8_t* filter, const int32_t* bias, int8_t* output) {
  const uint32_t offset2 = splat16(rq.input_offset);
  const int32_t groups = depth >> 2;
  const int32_t tail_start = groups << 2;
  const int32_t blocks = depth >> 3;
  for (int32_t b = 0; b < batches; ++b) {
    const int8_t* x = input + static_cast<std::ptrdiff_t>(b) * depth;
    // LDRD needs word-aligned input and rows (every row when depth % 4 == 0).
    const bool aligned =
        ((reinterpret_cast<uintptr_t>(x) | reinterpret_cast<uintptr_t>(filter)) & 3) == 0 && (depth & 3) == 0;
    // Per unit constant: bias + filter_offset * sum(x + input_offset).
    int32_t extra = 0;
    if (rq.filter_offset != 0) {
      int32_t sum = 0;
      for (int32_t d = 0; d < depth; ++d) sum += x[d] + rq.input_offset;
      extra = static_cast<int32_t>(static_cast<uint32_t>(rq.filter_offset) * static_cast<uint32_t>(sum));
    }
    int8_t* out = output + static_cast<std::ptrdiff_t>(b) * units;
    int32_t u = 0;
    for (; u + 1 < units; u += 2) {
      const int8_t* w0 = filter + static_cast<std::ptrdiff_t>(u) * depth;
      const int8_t* w1 = w0 + depth;
      int32_t a0 = extra + (bias ? bias[u] : 0);
      int32_t a1 = extra + (bias ? bias[u + 1] : 0);
      int32_t done = 0;  // inputs handled by the block kernel
      if (blocks > 0 && aligned) {
        FcDot2x8Args args{x, w0, w1, blocks, offset2, a0, a1};
        fc_dot_2x8(&args);
        a0 = args.acc0;
        a1 = args.acc1;
        done = 8 * blocks;
      }
      dot2_groups(x, w0, w1, done >> 2, groups, offset2, &a0, &a1);
      for (int32_t d = tail_start; d < depth; ++d) {
        const int32_t xd = x[d] + rq.input_offset;
        a0 += xd * w0[d];
        a1 += xd * w1[d];
      }
      out[u] = requant_unit(a0, rq, u);
      out[u + 1] = requant_unit(a1, rq, u + 1);
    }
    for (; u < units; ++u) {
      const int8_t* w0 = filter + static_cast<std::ptrdiff_t>(u) * depth;
      int32_t a0 = extra + (bias ? bias[u] : 0);
      for (int32_t d = 0; d < depth; ++d) a0 += (x[d] + rq.input_offset) * w0[d];
      out[u] = requant_unit(a0, rq, u);
    }
  }
}

}  // namespace

std::size_t fully_connected_int8_scratch_bytes(int32_t depth) {
  return depth > 0 ? sizeof(int16_t) * mm8_row_entries(depth) : 0;
}

void fully_connected_int8(const Requant& rq, int32_t batches, int32_t depth, int32_t units, const int8_t* input,
                          const int8_t* filter, const int32_t* bias, int8_t* output, void* scratch) {
  if (depth <= 0) {
    reference::fully_connected_int8(rq, batches, depth, units, input, filter, bias, output);
    return;
  }
  if (scratch == nullptr) {
    fully_connected_unwidened(rq, batches, depth, units, input, filter, bias, output);
    return;
  }
  int16_t* const row = ScratchCarver(scratch).take<int16_t>(mm8_row_entries(depth));
  // The micro-kernel path: whole blocks of 8 word-aligned weights per row,
  // a bias, no filter offset and the fast requantization's bound.
  const int64_t x_max = 128 + (rq.input_offset < 0 ? -int64_t{rq.input_offset} : rq.input_offset);
  const bool kernel_path = depth >= 8 && (depth & 7) == 0 && (reinterpret_cast<uintptr_t>(filter) & 3) == 0 &&
                           units >= 2 && bias != nullptr && rq.filter_offset == 0 &&
                           fc_fits_fast(int64_t{depth} * x_max * 128, bias, rq, units);
  if (kernel_path) {
    fully_connected_pairs(rq, batches, depth, units, input, filter, bias, output, row);
    if ((units & 1) == 0) return;
  }
  for (int32_t b = 0; b < batches; ++b) {
    const int32_t sum = mm8_widen_row(input + static_cast<std::ptrdiff_t>(b) * depth, depth, rq.input_offset, row);
    // Per unit constant: bias + filter_offset * sum(x + input_offset).
    const int32_t extra = static_cast<int32_t>(static_cast<uint32_t>(rq.filter_offset) * static_cast<uint32_t>(sum));
    int8_t* out = output + static_cast<std::ptrdiff_t>(b) * units;
    mm8_dot_units(row, depth, filter, kernel_path ? units - 1 : 0, units, bias, extra,
                  [&](int32_t u, int32_t acc) { out[u] = requant_unit(acc, rq, u); });
  }
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

namespace {
// The int16 input row is the kernel's only scratch; with small_arena it
// widens the input on the fly instead.
std::size_t fully_connected_int8_scratch(const kernels::ScratchQuery& q) {
  return q.small_arena ? 0 : kernels::cortex_m7::fully_connected_int8_scratch_bytes(q.in.c);
}
}  // namespace

TINYINFER_KERNEL_LIST(fully_connected_int8_cortex_m7,
                      {&kFullyConnectedOp, "fully_connected_int8_cortex_m7", KernelChoice::kOptimized,
                       signature({kI8, kI8, kI32}, kI8),
                       kernel_entry<kernels::FullyConnectedInt8Fn, kernels::cortex_m7::fully_connected_int8>(),
                       fully_connected_int8_scratch});

}  // namespace tinyinfer
