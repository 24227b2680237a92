// DEPTHWISE_CONV_2D int8 for ARMv7E-M. Each output channel is its own sum
// over the taps, so SIMD runs across channels: with depth_multiplier 1, four
// adjacent channels of a tap come in one 32-bit load of the input and one of
// the filter; SXTAB16/SXTB16 split them into (c0,c2),(c1,c3) int16 lanes
// (input + input_offset) and SMLABB/SMLATT accumulate one channel each.
// The taps inside the image are found once per output pixel, so padding
// costs nothing (a skipped tap is the reference's "contributes nothing").
// Other depth multipliers and the channel tail use the same tap ranges with
// scalar multiply-adds. Requantization as in dsp.h (bit-exact).
#include <cstring>

#include "dsp/armv7em_simd.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {

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

}  // namespace tinyinfer::kernels::cortex_m7

#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
extern "C" void tinyinfer_arm_dw3x3(const tinyinfer::kernels::cortex_m7::Dw3x3Args* args);
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

namespace tinyinfer::kernels::cortex_m7 {
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

// First and one-past-last filter index whose tap lands inside [0, size).
inline void tap_range(int32_t origin, int32_t dilation, int32_t taps, int32_t size, int32_t* begin, int32_t* end) {
  int32_t b = 0;
  if (origin < 0) b = (-origin + dilation - 1) / dilation;
  int32_t e = taps;
  // origin + (e-1)*dilation <= size-1
  const int32_t last = size - 1 - origin;
  if (last < 0) {
    e = 0;
  } else if ((taps - 1) * dilation > last) {
    e = last / dilation + 1;
  }
  if (b > e) b = e;
  *begin = b;
  *end = e;
}

inline int8_t requant_channel(int32_t acc, const Requant& rq, int32_t oc) {
  return finish(requantize(acc, make_channel_requant(rq.multiplier(oc), rq.shift(oc))), rq.output_offset, rq.act_min,
                rq.act_max);
}

// Working memory of the fast paths, carved from the call's scratch (planned
// in the arena, depthwise_int8_scratch_bytes).
struct Dm1Scratch {
  uint32_t* fext;         // taps x groups x 2 words: the filter as int16 lane pairs
  FastChannel* channels;  // out_c
  std::size_t bytes;
};

Dm1Scratch carve_dm1(void* base, int32_t taps, int32_t c_all) {
  ScratchCarver carve(base);
  Dm1Scratch s;
  s.fext = carve.take<uint32_t>(2 * static_cast<std::size_t>(taps) * static_cast<std::size_t>(c_all >> 2));
  s.channels = carve.take<FastChannel>(static_cast<std::size_t>(c_all));
  s.bytes = carve.bytes();
  return s;
}

struct Dw3x3Scratch {
  uint32_t* fext;  // 9 x groups x 2 words
  int32_t* table;  // 3 x out_c: multiplier, pre shift, post shift - 1
  int32_t* bias;   // out_c
  int8_t* patch;   // 9 x out_c: the window of a border pixel
  std::size_t bytes;
};

Dw3x3Scratch carve_3x3(void* base, int32_t c_all) {
  const std::size_t c = static_cast<std::size_t>(c_all);
  ScratchCarver carve(base);
  Dw3x3Scratch s;
  s.fext = carve.take<uint32_t>(9 * (c / 4) * 2);
  s.table = carve.take<int32_t>(3 * c);
  s.bias = carve.take<int32_t>(c);
  s.patch = carve.take<int8_t>(9 * c);
  s.bytes = carve.bytes();
  return s;
}

// depth_multiplier 1 with the filter pre-extended once per call to int16
// lane pairs (taps x channel groups x {(c0,c2),(c1,c3)}) and the fast
// requantization: per tap and 4 channels one input load, two SXTAB16, one
// filter double-word and four SMLAxy.
__attribute__((noinline)) void depthwise_dm1_fast(const Window& window, const Requant& rq, const Dims4& in,
                                                  const int8_t* input, const Dims4& filter, const int8_t* filter_data,
                                                  const int32_t* bias, const Dims4& out, int8_t* output,
                                                  void* scratch) {
  const int32_t c_all = out.c;
  const int32_t vector_c = c_all & ~3;
  const int32_t groups = vector_c >> 2;
  const int32_t taps = filter.h * filter.w;
  const Dm1Scratch work = carve_dm1(scratch, taps, c_all);
  uint32_t* const fext = work.fext;
  for (int32_t t = 0; t < taps; ++t) {
    for (int32_t g = 0; g < groups; ++g) {
      const uint32_t w = load_u32(filter_data + static_cast<std::ptrdiff_t>(t) * c_all + 4 * g);
      fext[(t * groups + g) * 2] = sxtb16(w);
      fext[(t * groups + g) * 2 + 1] = sxtb16_odd(w);
    }
  }
  FastChannel* const table = work.channels;
  for (int32_t c = 0; c < c_all; ++c) table[c] = make_fast_channel(rq.multiplier(c), rq.shift(c));
  const int32_t half_offset = 1 + 2 * rq.output_offset;
  const int32_t act_min = rq.act_min, act_max = rq.act_max;
  auto finish_fast = [&](int32_t acc, int32_t c) {
    const FastChannel& f = table[c];
    return clamp_to_int8(fast_requantize(acc, f.multiplier, f.pre_shift, f.post_shift, half_offset), act_min, act_max);
  };

  const uint32_t offset2 = splat16(rq.input_offset);
  const std::ptrdiff_t in_row = static_cast<std::ptrdiff_t>(in.w) * c_all;
  const std::ptrdiff_t tap_step_x = static_cast<std::ptrdiff_t>(window.dilation_w) * c_all;
  const std::ptrdiff_t tap_step_y = static_cast<std::ptrdiff_t>(window.dilation_h) * in_row;
  const int32_t fext_row = filter.w * groups * 2;  // words per filter row
  int8_t* dst = output;
  for (int32_t b = 0; b < out.n; ++b) {
    const int8_t* batch = input + static_cast<std::ptrdiff_t>(b) * in.h * in_row;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      const int32_t y0 = oy * window.stride_h - window.pad_top;
      int32_t ky0, ky1;
      tap_range(y0, window.dilation_h, filter.h, in.h, &ky0, &ky1);
      for (int32_t ox = 0; ox < out.w; ++ox, dst += c_all) {
        const int32_t x0 = ox * window.stride_w - window.pad_left;
        int32_t kx0, kx1;
        tap_range(x0, window.dilation_w, filter.w, in.w, &kx0, &kx1);
        const int32_t rows = ky1 - ky0, cols = kx1 - kx0;
        if (rows <= 0 || cols <= 0) {
          for (int32_t c = 0; c < c_all; ++c) dst[c] = finish_fast(bias ? bias[c] : 0, c);
          continue;
        }
        const int8_t* in_first = batch + static_cast<std::ptrdiff_t>(y0 + ky0 * window.dilation_h) * in_row +
                                 static_cast<std::ptrdiff_t>(x0 + kx0 * window.dilation_w) * c_all;
        const uint32_t* f_first = fext + ky0 * fext_row + kx0 * groups * 2;
        const int8_t* f8_first = filter_data + (static_cast<std::ptrdiff_t>(ky0) * filter.w + kx0) * c_all;
        for (int32_t g = 0; g < groups; ++g) {
          const int32_t c = 4 * g;
          int32_t a0 = bias ? bias[c] : 0, a1 = bias ? bias[c + 1] : 0;
          int32_t a2 = bias ? bias[c + 2] : 0, a3 = bias ? bias[c + 3] : 0;
          const int8_t* in_r = in_first + c;
          const uint32_t* f_r = f_first + 2 * g;
          for (int32_t r = rows; r > 0; --r) {
            const int8_t* ip = in_r;
            const uint32_t* fp = f_r;
            for (int32_t k = cols; k > 0; --k) {
              const uint32_t x = load_u32(ip);
              ip += tap_step_x;
              const uint32_t we = fp[0], wo = fp[1];
              fp += 2 * groups;
              const uint32_t xe = sxtab16(offset2, x), xo = sxtab16_odd(offset2, x);
              a0 = smlabb(xe, we, a0);
              a2 = smlatt(xe, we, a2);
              a1 = smlabb(xo, wo, a1);
              a3 = smlatt(xo, wo, a3);
            }
            in_r += tap_step_y;
            f_r += fext_row;
          }
          dst[c] = finish_fast(a0, c);
          dst[c + 1] = finish_fast(a1, c + 1);
          dst[c + 2] = finish_fast(a2, c + 2);
          dst[c + 3] = finish_fast(a3, c + 3);
        }
        for (int32_t c = vector_c; c < c_all; ++c) {
          int32_t acc = bias ? bias[c] : 0;
          const int8_t* in_r = in_first + c;
          const int8_t* f_r = f8_first + c;
          for (int32_t r = rows; r > 0; --r) {
            const int8_t* ip = in_r;
            const int8_t* fp = f_r;
            for (int32_t k = cols; k > 0; --k) {
              acc += (*ip + rq.input_offset) * *fp;
              ip += tap_step_x;
              fp += c_all;
            }
            in_r += tap_step_y;
            f_r += static_cast<std::ptrdiff_t>(filter.w) * c_all;
          }
          dst[c] = finish_fast(acc, c);
        }
      }
    }
  }
}

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

// One input channel (a first layer over a grey image): the depthwise conv
// is a conv of depth_multiplier filters over that channel, which the conv
// kernel's blocked SMLAD path runs several times faster. The filter is
// transposed from [1, kh, kw, out_c] to [out_c, kh, kw, 1] in the scratch,
// followed by the conv's own scratch; integer sums are exact, so the result
// is the reference's bit for bit.
struct OneChannelScratch {
  int8_t* transposed;  // taps x out_c
  uint8_t* conv;       // conv2d_int8's scratch
  std::size_t bytes;
};

OneChannelScratch carve_one_channel(void* base, const Dims4& in, const Dims4& filter, const Dims4& out) {
  ScratchCarver carve(base);
  OneChannelScratch s;
  s.transposed = carve.take<int8_t>(static_cast<std::size_t>(filter.h) * filter.w * out.c);
  const std::size_t conv_bytes = conv2d_int8_scratch_bytes(in, Dims4{out.c, filter.h, filter.w, 1}, out);
  s.conv = carve.take<uint8_t>(conv_bytes);
  s.bytes = carve.bytes();
  return s;
}

__attribute__((noinline)) void depthwise_one_channel(const Window& window, const Requant& rq, const Dims4& in,
                                                     const int8_t* input, const Dims4& filter,
                                                     const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                                                     int8_t* output, void* scratch) {
  const int32_t taps = filter.h * filter.w;
  const OneChannelScratch work = carve_one_channel(scratch, in, filter, out);
  int8_t* const transposed = work.transposed;
  for (int32_t oc = 0; oc < out.c; ++oc)
    for (int32_t t = 0; t < taps; ++t) transposed[oc * taps + t] = filter_data[t * out.c + oc];
  conv2d_int8(window, rq, in, input, Dims4{out.c, filter.h, filter.w, 1}, transposed, bias, out, output, work.conv);
}

// Each path stays out of line: inlined into one dispatcher the compiler
// allocates registers for all of them at once (measured: +7 % instructions
// on kws's 3x3 depthwise layers).
// The paths a geometry can take (which one runs also depends on the
// multipliers and the bias, known only at run time).
bool one_channel_applies(int32_t depth_multiplier, const Dims4& in, const Dims4& out) {
  return in.c == 1 && depth_multiplier == out.c && out.c > 1;
}
bool dw3x3_applies(const Window& window, int32_t depth_multiplier, const Dims4& in, const Dims4& filter,
                   const Dims4& out) {
  return depth_multiplier == 1 && in.c == out.c && (out.c & 3) == 0 && out.c > 0 && filter.h == 3 && filter.w == 3 &&
         window.dilation_h == 1 && window.dilation_w == 1;
}
bool dm1_applies(int32_t depth_multiplier, const Dims4& in, const Dims4& out) {
  return depth_multiplier == 1 && in.c == out.c && out.c > 0;
}

}  // namespace

std::size_t depthwise_int8_scratch_bytes(const Window& window, int32_t depth_multiplier, const Dims4& in,
                                         const Dims4& filter, const Dims4& out) {
  std::size_t bytes = 0;
  auto at_least = [&bytes](std::size_t b) { bytes = b > bytes ? b : bytes; };
  if (one_channel_applies(depth_multiplier, in, out)) at_least(carve_one_channel(nullptr, in, filter, out).bytes);
  if (dw3x3_applies(window, depth_multiplier, in, filter, out)) at_least(carve_3x3(nullptr, out.c).bytes);
  if (dm1_applies(depth_multiplier, in, out)) at_least(carve_dm1(nullptr, filter.h * filter.w, out.c).bytes);
  return bytes;
}

void depthwise_int8(const Window& window, int32_t depth_multiplier, const Requant& rq, const Dims4& in,
                    const int8_t* input, const Dims4& filter, const int8_t* filter_data, const int32_t* bias,
                    const Dims4& out, int8_t* output, void* scratch) {
  if (one_channel_applies(depth_multiplier, in, out)) {
    depthwise_one_channel(window, rq, in, input, filter, filter_data, bias, out, output, scratch);
    return;
  }
  if (dw3x3_applies(window, depth_multiplier, in, filter, out) && rq.input_offset >= -127 && rq.input_offset <= 128 &&
      fits_fast_requant(accumulator_bound(9, rq.input_offset, 0, bias, out.c), rq, out.c)) {
    bool all_right = true;
    for (int32_t c = 0; c < out.c; ++c) all_right = all_right && rq.shift(c) < 0;
    if (all_right) {
      depthwise_3x3_dm1(window, rq, in, input, filter_data, bias, out, output, scratch);
      return;
    }
  }
  if (dm1_applies(depth_multiplier, in, out) &&
      fits_fast_requant(accumulator_bound(int64_t{filter.h} * filter.w, rq.input_offset, 0, bias, out.c), rq, out.c)) {
    depthwise_dm1_fast(window, rq, in, input, filter, filter_data, bias, out, output, scratch);
    return;
  }
  const int32_t in_c = in.c;
  const int32_t out_c = out.c;
  const int32_t dm = depth_multiplier;
  const uint32_t offset2 = splat16(rq.input_offset);
  const std::ptrdiff_t in_row = static_cast<std::ptrdiff_t>(in.w) * in_c;
  const std::ptrdiff_t tap_step_x = static_cast<std::ptrdiff_t>(window.dilation_w) * in_c;
  const std::ptrdiff_t tap_step_y = static_cast<std::ptrdiff_t>(window.dilation_h) * in_row;
  const std::ptrdiff_t f_row = static_cast<std::ptrdiff_t>(filter.w) * out_c;
  // Channels done four at a time (depth_multiplier 1 only).
  const int32_t vector_c = dm == 1 ? (out_c & ~3) : 0;

  int8_t* dst = output;
  for (int32_t b = 0; b < out.n; ++b) {
    const int8_t* batch = input + static_cast<std::ptrdiff_t>(b) * in.h * in_row;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      const int32_t y0 = oy * window.stride_h - window.pad_top;
      int32_t ky0, ky1;
      tap_range(y0, window.dilation_h, filter.h, in.h, &ky0, &ky1);
      for (int32_t ox = 0; ox < out.w; ++ox, dst += out_c) {
        const int32_t x0 = ox * window.stride_w - window.pad_left;
        int32_t kx0, kx1;
        tap_range(x0, window.dilation_w, filter.w, in.w, &kx0, &kx1);
        const int32_t rows = ky1 - ky0, cols = kx1 - kx0;
        if (rows <= 0 || cols <= 0) {
          // No tap inside: bias only.
          for (int32_t oc = 0; oc < out_c; ++oc) dst[oc] = requant_channel(bias ? bias[oc] : 0, rq, oc);
          continue;
        }
        // Input and filter of the first valid tap.
        const int8_t* in_first = batch + static_cast<std::ptrdiff_t>(y0 + ky0 * window.dilation_h) * in_row +
                                 static_cast<std::ptrdiff_t>(x0 + kx0 * window.dilation_w) * in_c;
        const int8_t* f_first = filter_data + ky0 * f_row + static_cast<std::ptrdiff_t>(kx0) * out_c;
        int32_t c = 0;
        for (; c < vector_c; c += 4) {
          int32_t a0 = bias ? bias[c] : 0, a1 = bias ? bias[c + 1] : 0;
          int32_t a2 = bias ? bias[c + 2] : 0, a3 = bias ? bias[c + 3] : 0;
          const int8_t* in_r = in_first + c;
          const int8_t* f_r = f_first + c;
          for (int32_t r = rows; r > 0; --r) {
            const int8_t* ip = in_r;
            const int8_t* fp = f_r;
            for (int32_t k = cols; k > 0; --k) {
              const uint32_t x = load_u32(ip), w = load_u32(fp);
              ip += tap_step_x;
              fp += out_c;
              const uint32_t xe = sxtab16(offset2, x), xo = sxtab16_odd(offset2, x);
              const uint32_t we = sxtb16(w), wo = sxtb16_odd(w);
              a0 = smlabb(xe, we, a0);
              a2 = smlatt(xe, we, a2);
              a1 = smlabb(xo, wo, a1);
              a3 = smlatt(xo, wo, a3);
            }
            in_r += tap_step_y;
            f_r += f_row;
          }
          dst[c] = requant_channel(a0, rq, c);
          dst[c + 1] = requant_channel(a1, rq, c + 1);
          dst[c + 2] = requant_channel(a2, rq, c + 2);
          dst[c + 3] = requant_channel(a3, rq, c + 3);
        }
        for (; c < out_c; ++c) {
          const int32_t ic = c / dm;
          int32_t acc = bias ? bias[c] : 0;
          const int8_t* in_r = in_first + ic;
          const int8_t* f_r = f_first + c;
          for (int32_t r = rows; r > 0; --r) {
            const int8_t* ip = in_r;
            const int8_t* fp = f_r;
            for (int32_t k = cols; k > 0; --k) {
              acc += (*ip + rq.input_offset) * *fp;
              ip += tap_step_x;
              fp += out_c;
            }
            in_r += tap_step_y;
            f_r += f_row;
          }
          dst[c] = requant_channel(acc, rq, c);
        }
      }
    }
  }
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

namespace {
std::size_t depthwise_int8_scratch(const kernels::ScratchQuery& q) {
  return kernels::cortex_m7::depthwise_int8_scratch_bytes(q.window, q.depth_multiplier, q.in, q.filter, q.out);
}
}  // namespace

TINYINFER_KERNEL_LIST(depthwise_conv_2d_int8_cortex_m7,
                      {&kDepthwiseConv2dOp, "depthwise_conv_2d_int8_cortex_m7", KernelChoice::kOptimized,
                       signature({kI8, kI8, kI32}, kI8),
                       kernel_entry<kernels::DepthwiseInt8Fn, kernels::cortex_m7::depthwise_int8>(),
                       depthwise_int8_scratch});

}  // namespace tinyinfer
