// DEPTHWISE_CONV_2D int8, 3x3, depth_multiplier 1: an assembly micro-kernel
// per output pixel over all channel groups (SXTAB16 + SMLABB/SMLATT as in
// depthwise_conv_2d_int8_dm1.cc, with the fast requantization in registers).
#include "dsp/armv7em_simd.h"
#include "ops/depthwise_conv_2d/cortex_m7/depthwise_conv_2d_int8_paths.h"

namespace tinyinfer::kernels::cortex_m7::depthwise_int8_paths {

// Arguments of the 3x3 micro-kernel: one output pixel, all channel groups
// (offsets are used by the assembly).
struct Dw3x3Args {
  const int8_t* input;     // 0: tap (0,0), channel 0
  const uint32_t* filter;  // 4: per group 9 taps x {(c0,c2),(c1,c3)} int16 pairs
  int32_t tap_step;        // 8: bytes between horizontal taps
  int32_t row_step;        // 12: bytes between filter rows
  uint32_t offset2;        // 16: input_offset in both lanes
  int32_t groups;          // 20: channels / 4, >= 1
  const int32_t* bias;     // 24: word aligned
  const int32_t* table;    // 28: per channel {multiplier, pre_shift, post_shift - 1}
  int32_t half_offset;     // 32: 1 + 2 * output_offset
  uint32_t act_min2;       // 36
  uint32_t act_max2;       // 40
  int8_t* output;          // 44
};

}  // namespace tinyinfer::kernels::cortex_m7::depthwise_int8_paths

#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
extern "C" void tinyinfer_arm_dw3x3(const tinyinfer::kernels::cortex_m7::depthwise_int8_paths::Dw3x3Args* args);
// Per group of 4 channels: r4-r7 accumulators (c0, c1, c2, c3), r0 input
// row, r1 filter cursor, r2 tap step, r3 offset2, r12 row step, r8/r9 input
// lanes, r10/r11 filter lanes. Requantization as in conv_int8.cc.
#define TI_DW_TAP(ADDR)            \
  "  ldr r8, " ADDR                \
  "\n"                             \
  "  ldrd r10, r11, [r1], #8\n"    \
  "  sxtab16 r9, r3, r8, ror #8\n" \
  "  sxtab16 r8, r3, r8\n"         \
  "  smlabb r4, r8, r10, r4\n"     \
  "  smlatt r6, r8, r10, r6\n"     \
  "  smlabb r5, r9, r11, r5\n"     \
  "  smlatt r7, r9, r11, r7\n"
#define TI_DW_ROW TI_DW_TAP("[r0]") TI_DW_TAP("[r0, r2]") TI_DW_TAP("[r0, r2, lsl #1]")
#define TI_DW_RQ(ACC)            \
  "  ldm r0!, {r8-r10}\n"        \
  "  lsl " ACC ", " ACC          \
  ", r9\n"                       \
  "  smmulr " ACC ", " ACC       \
  ", r8\n"                       \
  "  add " ACC ", " ACC ", " ACC \
  ", asr #31\n"                  \
  "  asr " ACC ", " ACC ", r10\n"
asm("  .syntax unified\n"
    "  .thumb\n"
    "  .section .text.tinyinfer_arm_dw3x3,\"ax\",%progbits\n"
    "  .global tinyinfer_arm_dw3x3\n"
    "  .type tinyinfer_arm_dw3x3, %function\n"
    "  .p2align 2\n"
    "  .thumb_func\n"
    "tinyinfer_arm_dw3x3:\n"
    "  push {r4-r11, lr}\n"
    "  sub sp, sp, #24\n"
    "  str r0, [sp]\n"
    "  ldr r1, [r0, #0]\n"
    "  str r1, [sp, #4]\n"
    "  ldr r1, [r0, #20]\n"
    "  str r1, [sp, #8]\n"
    "  ldr r1, [r0, #24]\n"
    "  str r1, [sp, #12]\n"
    "  ldr r1, [r0, #28]\n"
    "  str r1, [sp, #16]\n"
    "  ldr r1, [r0, #44]\n"
    "  str r1, [sp, #20]\n"
    "  ldr r2, [r0, #8]\n"
    "  ldr r3, [r0, #16]\n"
    "  ldr r12, [r0, #12]\n"
    "  ldr r1, [r0, #4]\n"
    "1:\n"
    "  ldr r0, [sp, #12]\n"
    "  ldm r0!, {r4-r7}\n"
    "  str r0, [sp, #12]\n"
    "  ldr r0, [sp, #4]\n"
    TI_DW_ROW
    "  add r0, r0, r12\n"
    TI_DW_ROW
    "  add r0, r0, r12\n"
    TI_DW_ROW
    "  ldr r0, [sp, #4]\n"
    "  adds r0, r0, #4\n"
    "  str r0, [sp, #4]\n"
    "  ldr r0, [sp, #16]\n"
    TI_DW_RQ("r4") TI_DW_RQ("r5") TI_DW_RQ("r6") TI_DW_RQ("r7")
    "  str r0, [sp, #16]\n"
    "  ldr r0, [sp]\n"
    "  add r0, r0, #32\n"
    "  ldm r0, {r8-r10}\n"
    "  add r4, r4, r8\n"
    "  add r5, r5, r8\n"
    "  add r6, r6, r8\n"
    "  add r7, r7, r8\n"
    "  ssat r4, #16, r4, asr #1\n"
    "  ssat r5, #16, r5, asr #1\n"
    "  ssat r6, #16, r6, asr #1\n"
    "  ssat r7, #16, r7, asr #1\n"
    "  pkhbt r4, r4, r6, lsl #16\n"
    "  pkhbt r5, r5, r7, lsl #16\n"
    "  ssub16 r11, r4, r9\n"
    "  sel r4, r4, r9\n"
    "  ssub16 r11, r5, r9\n"
    "  sel r5, r5, r9\n"
    "  ssub16 r11, r10, r4\n"
    "  sel r4, r4, r10\n"
    "  ssub16 r11, r10, r5\n"
    "  sel r5, r5, r10\n"
    "  and r4, r4, #0x00FF00FF\n"
    "  and r5, r5, #0x00FF00FF\n"
    "  orr r4, r4, r5, lsl #8\n"
    "  ldr r0, [sp, #20]\n"
    "  str r4, [r0], #4\n"
    "  str r0, [sp, #20]\n"
    "  ldr r0, [sp, #8]\n"
    "  subs r0, r0, #1\n"
    "  str r0, [sp, #8]\n"
    "  bne 1b\n"
    "  add sp, sp, #24\n"
    "  pop {r4-r11, pc}\n"
    "  .size tinyinfer_arm_dw3x3, .-tinyinfer_arm_dw3x3\n"
    "  .text\n");
#undef TI_DW_TAP
#undef TI_DW_ROW
#undef TI_DW_RQ
#endif

namespace tinyinfer::kernels::cortex_m7::depthwise_int8_paths {
namespace {

void dw3x3(const Dw3x3Args& a) {
#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
  tinyinfer_arm_dw3x3(&a);
#else
  const uint32_t* w = a.filter;
  const int32_t lo = static_cast<int16_t>(a.act_min2 & 0xFFFF);
  const int32_t hi = static_cast<int16_t>(a.act_max2 & 0xFFFF);
  for (int32_t g = 0; g < a.groups; ++g) {
    int32_t acc[4] = {a.bias[4 * g], a.bias[4 * g + 1], a.bias[4 * g + 2], a.bias[4 * g + 3]};
    for (int32_t ky = 0; ky < 3; ++ky) {
      for (int32_t kx = 0; kx < 3; ++kx) {
        const uint32_t x = load_u32(a.input + 4 * g + ky * a.row_step + kx * a.tap_step);
        const uint32_t xe = sxtab16(a.offset2, x), xo = sxtab16_odd(a.offset2, x);
        acc[0] = smlabb(xe, w[0], acc[0]);
        acc[2] = smlatt(xe, w[0], acc[2]);
        acc[1] = smlabb(xo, w[1], acc[1]);
        acc[3] = smlatt(xo, w[1], acc[3]);
        w += 2;
      }
    }
    for (int32_t i = 0; i < 4; ++i) {
      const int32_t* t = a.table + 3 * (4 * g + i);
      const int32_t x = smmulr(static_cast<int32_t>(static_cast<uint32_t>(acc[i]) << t[1]), t[0]);
      const int32_t y = x + (x >> 31);
      const int32_t r = ((y >> t[2]) + a.half_offset) >> 1;
      a.output[4 * g + i] = static_cast<int8_t>(r < lo ? lo : r > hi ? hi : r);
    }
  }
#endif
}

}  // namespace

// 3x3, depth_multiplier 1, dilation 1, channels % 4 == 0, every channel with
// a right shift e >= 1 and the fast shortcut's bound: the assembly kernel per
// output pixel. A pixel whose window crosses the border gets a 3x3 copy of
// its window with the outside taps set to the input zero point, whose
// (x + input_offset) is exactly 0: "the tap contributes nothing".
__attribute__((noinline)) void depthwise_3x3_dm1(const Window& window, const Requant& rq, const Dims4& in,
                                                 const int8_t* input, const int8_t* filter_data, const int32_t* bias,
                                                 const Dims4& out, int8_t* output, void* scratch) {
  const int32_t c_all = out.c;
  const int32_t groups = c_all >> 2;
  const Dw3x3Scratch work = carve_3x3(scratch, c_all);
  uint32_t* __restrict const fext = work.fext;
  for (int32_t g = 0; g < groups; ++g) {
    for (int32_t t = 0; t < 9; ++t) {
      const uint32_t w = load_u32(filter_data + static_cast<std::ptrdiff_t>(t) * c_all + 4 * g);
      fext[(g * 9 + t) * 2] = sxtb16(w);
      fext[(g * 9 + t) * 2 + 1] = sxtb16_odd(w);
    }
  }
  int32_t* __restrict const table = work.table;
  int32_t* __restrict const bias_words = work.bias;
  for (int32_t c = 0; c < c_all; ++c) {
    const FastChannel f = make_fast_channel(rq.multiplier(c), rq.shift(c));
    table[3 * c] = f.multiplier;
    table[3 * c + 1] = static_cast<int32_t>(f.pre_shift);
    table[3 * c + 2] = static_cast<int32_t>(f.post_shift) - 1;
    bias_words[c] = bias ? bias[c] : 0;
  }
  int8_t* __restrict const patch = static_cast<int8_t*>(__builtin_assume_aligned(work.patch, 8));
  const uint32_t pad4 = (static_cast<uint32_t>(-rq.input_offset) & 0xFFu) * 0x01010101u;
  Dw3x3Args a;
  a.filter = fext;
  a.offset2 = splat16(rq.input_offset);
  a.groups = groups;
  a.bias = bias_words;
  a.table = table;
  a.half_offset = 1 + 2 * rq.output_offset;
  a.act_min2 = splat16(rq.act_min);
  a.act_max2 = splat16(rq.act_max);
  const std::ptrdiff_t in_row = static_cast<std::ptrdiff_t>(in.w) * c_all;
  int8_t* dst = output;
  for (int32_t b = 0; b < out.n; ++b) {
    const int8_t* batch = input + static_cast<std::ptrdiff_t>(b) * in.h * in_row;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      const int32_t y0 = oy * window.stride_h - window.pad_top;
      const bool rows_inside = y0 >= 0 && y0 + 3 <= in.h;
      for (int32_t ox = 0; ox < out.w; ++ox, dst += c_all) {
        const int32_t x0 = ox * window.stride_w - window.pad_left;
        a.output = dst;
        if (rows_inside && x0 >= 0 && x0 + 3 <= in.w) {
          a.input = batch + y0 * in_row + static_cast<std::ptrdiff_t>(x0) * c_all;
          a.tap_step = c_all;
          a.row_step = static_cast<int32_t>(in_row);
        } else {
          int8_t* p = patch;
          for (int32_t ky = 0; ky < 3; ++ky) {
            const int32_t iy = y0 + ky;
            for (int32_t kx = 0; kx < 3; ++kx, p += c_all) {
              const int32_t ix = x0 + kx;
              // Word copies (c_all % 4 == 0): cheaper than the library calls for one tap.
              if (iy >= 0 && iy < in.h && ix >= 0 && ix < in.w) {
                const int8_t* src = batch + iy * in_row + static_cast<std::ptrdiff_t>(ix) * c_all;
                for (int32_t i = 0; i < c_all; i += 4) store_u32(p + i, load_u32(src + i));
              } else {
                for (int32_t i = 0; i < c_all; i += 4) store_u32(p + i, pad4);
              }
            }
          }
          a.input = patch;
          a.tap_step = c_all;
          a.row_step = 3 * c_all;
        }
        dw3x3(a);
      }
    }
  }
}

}  // namespace tinyinfer::kernels::cortex_m7::depthwise_int8_paths
