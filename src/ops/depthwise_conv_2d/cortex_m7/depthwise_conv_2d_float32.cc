// Optimized DEPTHWISE_CONV_2D for float and hybrid (int8 weights with a
// per-output-channel float scale, float activations).
//
// Math (as the reference): output channel oc = ic * depth_multiplier + m,
//   out[b,y,x,oc] = clamp(sum_taps in[.., ic] * w[tap, oc] + bias[oc])
// hybrid: the same with w = scale[oc] * float(q) (the scale is folded into
// the weights once; this changes rounding only at the level of one float
// product). Taps outside the input contribute nothing.
//
// Paths:
// - one input channel, 3x3, no dilation (the study's first layer, dm = 32):
//   the filter and bias are repacked on the stack into 8-channel blocks
//   [bias 8][tap0 8]..[tap8 8]; for each interior pixel the 9 inputs stay in
//   registers and every block is one bias load, 9 weight loads of 8 and 72
//   multiply-adds (the accumulators start at the bias here);
// - everything else, and border pixels: per pixel, 8 output channels at a
//   time, taps clipped to the input once per pixel, no per-tap bounds checks.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

#if defined(__arm__) && defined(__ARM_ARCH_7EM__) && defined(__ARM_FP) && (__ARM_FP & 4)
// Cortex-M7 FPv5: one interior pixel of the packed 3x3 single-input-channel
// case; VLDMIA moves 8 weights per instruction (GCC would emit one VLDR per
// float). Inputs in s16-s24, accumulators s0-s7, weights s8-s15.
#define TINYINFER_M7_DW_ASM 1
inline void m7_dw3x3_c1(const float* r0, const float* r1, const float* r2, const float* packed, int32_t blocks,
                        float lo, float hi, float* out) {
  asm volatile(
      "vldmia %[r0], {s16-s18}\n\t"
      "vldmia %[r1], {s19-s21}\n\t"
      "vldmia %[r2], {s22-s24}\n\t"
      "1:\n\t"
      "vldmia %[p]!, {s0-s7}\n\t"
      "vldmia %[p]!, {s8-s15}\n\t"
      "vfma.f32 s0, s16, s8\n\t"
      "vfma.f32 s1, s16, s9\n\t"
      "vfma.f32 s2, s16, s10\n\t"
      "vfma.f32 s3, s16, s11\n\t"
      "vfma.f32 s4, s16, s12\n\t"
      "vfma.f32 s5, s16, s13\n\t"
      "vfma.f32 s6, s16, s14\n\t"
      "vfma.f32 s7, s16, s15\n\t"
      "vldmia %[p]!, {s8-s15}\n\t"
      "vfma.f32 s0, s17, s8\n\t"
      "vfma.f32 s1, s17, s9\n\t"
      "vfma.f32 s2, s17, s10\n\t"
      "vfma.f32 s3, s17, s11\n\t"
      "vfma.f32 s4, s17, s12\n\t"
      "vfma.f32 s5, s17, s13\n\t"
      "vfma.f32 s6, s17, s14\n\t"
      "vfma.f32 s7, s17, s15\n\t"
      "vldmia %[p]!, {s8-s15}\n\t"
      "vfma.f32 s0, s18, s8\n\t"
      "vfma.f32 s1, s18, s9\n\t"
      "vfma.f32 s2, s18, s10\n\t"
      "vfma.f32 s3, s18, s11\n\t"
      "vfma.f32 s4, s18, s12\n\t"
      "vfma.f32 s5, s18, s13\n\t"
      "vfma.f32 s6, s18, s14\n\t"
      "vfma.f32 s7, s18, s15\n\t"
      "vldmia %[p]!, {s8-s15}\n\t"
      "vfma.f32 s0, s19, s8\n\t"
      "vfma.f32 s1, s19, s9\n\t"
      "vfma.f32 s2, s19, s10\n\t"
      "vfma.f32 s3, s19, s11\n\t"
      "vfma.f32 s4, s19, s12\n\t"
      "vfma.f32 s5, s19, s13\n\t"
      "vfma.f32 s6, s19, s14\n\t"
      "vfma.f32 s7, s19, s15\n\t"
      "vldmia %[p]!, {s8-s15}\n\t"
      "vfma.f32 s0, s20, s8\n\t"
      "vfma.f32 s1, s20, s9\n\t"
      "vfma.f32 s2, s20, s10\n\t"
      "vfma.f32 s3, s20, s11\n\t"
      "vfma.f32 s4, s20, s12\n\t"
      "vfma.f32 s5, s20, s13\n\t"
      "vfma.f32 s6, s20, s14\n\t"
      "vfma.f32 s7, s20, s15\n\t"
      "vldmia %[p]!, {s8-s15}\n\t"
      "vfma.f32 s0, s21, s8\n\t"
      "vfma.f32 s1, s21, s9\n\t"
      "vfma.f32 s2, s21, s10\n\t"
      "vfma.f32 s3, s21, s11\n\t"
      "vfma.f32 s4, s21, s12\n\t"
      "vfma.f32 s5, s21, s13\n\t"
      "vfma.f32 s6, s21, s14\n\t"
      "vfma.f32 s7, s21, s15\n\t"
      "vldmia %[p]!, {s8-s15}\n\t"
      "vfma.f32 s0, s22, s8\n\t"
      "vfma.f32 s1, s22, s9\n\t"
      "vfma.f32 s2, s22, s10\n\t"
      "vfma.f32 s3, s22, s11\n\t"
      "vfma.f32 s4, s22, s12\n\t"
      "vfma.f32 s5, s22, s13\n\t"
      "vfma.f32 s6, s22, s14\n\t"
      "vfma.f32 s7, s22, s15\n\t"
      "vldmia %[p]!, {s8-s15}\n\t"
      "vfma.f32 s0, s23, s8\n\t"
      "vfma.f32 s1, s23, s9\n\t"
      "vfma.f32 s2, s23, s10\n\t"
      "vfma.f32 s3, s23, s11\n\t"
      "vfma.f32 s4, s23, s12\n\t"
      "vfma.f32 s5, s23, s13\n\t"
      "vfma.f32 s6, s23, s14\n\t"
      "vfma.f32 s7, s23, s15\n\t"
      "vldmia %[p]!, {s8-s15}\n\t"
      "vfma.f32 s0, s24, s8\n\t"
      "vfma.f32 s1, s24, s9\n\t"
      "vfma.f32 s2, s24, s10\n\t"
      "vfma.f32 s3, s24, s11\n\t"
      "vfma.f32 s4, s24, s12\n\t"
      "vfma.f32 s5, s24, s13\n\t"
      "vfma.f32 s6, s24, s14\n\t"
      "vfma.f32 s7, s24, s15\n\t"
      "vmaxnm.f32 s0, s0, %[lo]\n\t"
      "vmaxnm.f32 s1, s1, %[lo]\n\t"
      "vmaxnm.f32 s2, s2, %[lo]\n\t"
      "vmaxnm.f32 s3, s3, %[lo]\n\t"
      "vmaxnm.f32 s4, s4, %[lo]\n\t"
      "vmaxnm.f32 s5, s5, %[lo]\n\t"
      "vmaxnm.f32 s6, s6, %[lo]\n\t"
      "vmaxnm.f32 s7, s7, %[lo]\n\t"
      "vminnm.f32 s0, s0, %[hi]\n\t"
      "vminnm.f32 s1, s1, %[hi]\n\t"
      "vminnm.f32 s2, s2, %[hi]\n\t"
      "vminnm.f32 s3, s3, %[hi]\n\t"
      "vminnm.f32 s4, s4, %[hi]\n\t"
      "vminnm.f32 s5, s5, %[hi]\n\t"
      "vminnm.f32 s6, s6, %[hi]\n\t"
      "vminnm.f32 s7, s7, %[hi]\n\t"
      "vstmia %[o]!, {s0-s7}\n\t"
      "subs %[n], %[n], #1\n\t"
      "bne 1b\n\t"
      : [p] "+r"(packed), [o] "+r"(out), [n] "+r"(blocks)
      : [r0] "r"(r0), [r1] "r"(r1), [r2] "r"(r2), [lo] "t"(lo), [hi] "t"(hi)
      : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16",
        "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "cc", "memory");
}
#endif

struct DwArgs {
  Window win;
  int32_t dm;
  FloatClamp clamp;
  Dims4 in, filter, out;
  const float* input;
  const float* w;     // [kh, kw, out_c], float (hybrid: scale folded in)
  const float* bias;  // may be null
  float* output;
};

void clip_taps(int32_t origin, int32_t taps, int32_t dilation, int32_t size, int32_t* begin, int32_t* end) {
  int32_t b = 0;
  while (b < taps && origin + b * dilation < 0) ++b;
  int32_t e = taps;
  while (e > b && origin + (e - 1) * dilation >= size) --e;
  *begin = b;
  *end = e;
}

// Which input channel feeds output channel oc: the same one (multiplier 1)
// or the only one (one input channel).
enum class InputOf { kSameChannel, kChannelZero };

template <InputOf mode>
inline float input_for(const float* pixel, int32_t oc, int32_t /*dm*/) {
  if constexpr (mode == InputOf::kSameChannel) return pixel[oc];
  return pixel[0];
}

// Eight output channels [oc0, oc0 + 8) of one pixel over the taps
// [ky0, ky1) x [kx0, kx1): named accumulators, so that they stay in FPU
// registers (an acc[8] array indexed in a loop went to the stack: 5 memory
// operations per multiply-accumulate, 7.8 instructions per MAC on kws).
// kInside3x3: a 3x3 window wholly inside the input, the taps unrolled.
template <InputOf mode, bool kInside3x3>
inline void dw_block8(const DwArgs& a, const float* first_tap, int32_t ky0, int32_t ky1, int32_t kx0, int32_t kx1,
                      std::ptrdiff_t row_step, std::ptrdiff_t col_step, int32_t oc0, float* out_px) {
  if constexpr (kInside3x3) {
    ky0 = 0;
    ky1 = 3;
    kx0 = 0;
    kx1 = 3;
  }
  const Dims4& f = a.filter;
  float acc[8];
  for (int k = 0; k < 8; ++k) acc[k] = a.bias ? a.bias[oc0 + k] : 0.0f;
  float a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3], a4 = acc[4], a5 = acc[5], a6 = acc[6], a7 = acc[7];
  const float* in_row = first_tap;
  for (int32_t ky = ky0; ky < ky1; ++ky, in_row += row_step) {
    const float* px = in_row;
    const float* wt = a.w + (static_cast<std::ptrdiff_t>(ky) * f.w + kx0) * f.c + oc0;
    for (int32_t kx = kx0; kx < kx1; ++kx, px += col_step, wt += f.c) {
      if constexpr (mode == InputOf::kSameChannel) {
        const float* x = px + oc0;  // one base: the eight loads take immediate offsets
        a0 += x[0] * wt[0];
        a1 += x[1] * wt[1];
        a2 += x[2] * wt[2];
        a3 += x[3] * wt[3];
        a4 += x[4] * wt[4];
        a5 += x[5] * wt[5];
        a6 += x[6] * wt[6];
        a7 += x[7] * wt[7];
      } else {
        a0 += input_for<mode>(px, oc0 + 0, a.dm) * wt[0];
        a1 += input_for<mode>(px, oc0 + 1, a.dm) * wt[1];
        a2 += input_for<mode>(px, oc0 + 2, a.dm) * wt[2];
        a3 += input_for<mode>(px, oc0 + 3, a.dm) * wt[3];
        a4 += input_for<mode>(px, oc0 + 4, a.dm) * wt[4];
        a5 += input_for<mode>(px, oc0 + 5, a.dm) * wt[5];
        a6 += input_for<mode>(px, oc0 + 6, a.dm) * wt[6];
        a7 += input_for<mode>(px, oc0 + 7, a.dm) * wt[7];
      }
    }
  }
  const float sums[8] = {a0, a1, a2, a3, a4, a5, a6, a7};
  for (int k = 0; k < 8; ++k) out_px[oc0 + k] = std::fmin(std::fmax(sums[k], a.clamp.min), a.clamp.max);
}

// One output pixel, all output channels, taps clipped to the input.
template <InputOf mode>
void dw_pixel(const DwArgs& a, int32_t b, int32_t oy, int32_t ox) {
  const Dims4& in = a.in;
  const Dims4& f = a.filter;
  const Dims4& out = a.out;
  const int32_t iy0 = oy * a.win.stride_h - a.win.pad_top;
  const int32_t ix0 = ox * a.win.stride_w - a.win.pad_left;
  int32_t ky0, ky1, kx0, kx1;
  clip_taps(iy0, f.h, a.win.dilation_h, in.h, &ky0, &ky1);
  clip_taps(ix0, f.w, a.win.dilation_w, in.w, &kx0, &kx1);
  const std::ptrdiff_t row_step = static_cast<std::ptrdiff_t>(a.win.dilation_h) * in.w * in.c;
  const std::ptrdiff_t col_step = static_cast<std::ptrdiff_t>(a.win.dilation_w) * in.c;
  const float* first_tap = a.input + ((static_cast<std::ptrdiff_t>(b) * in.h + iy0 + ky0 * a.win.dilation_h) * in.w +
                                      ix0 + kx0 * a.win.dilation_w) *
                                         in.c;
  float* out_px = a.output + ((static_cast<std::ptrdiff_t>(b) * out.h + oy) * out.w + ox) * out.c;
  const int32_t full_blocks = out.c / 8;
  if (f.h == 3 && f.w == 3 && ky0 == 0 && ky1 == 3 && kx0 == 0 && kx1 == 3) {
    for (int32_t blk = 0; blk < full_blocks; ++blk)
      dw_block8<mode, true>(a, first_tap, ky0, ky1, kx0, kx1, row_step, col_step, 8 * blk, out_px);
  } else {
    for (int32_t blk = 0; blk < full_blocks; ++blk)
      dw_block8<mode, false>(a, first_tap, ky0, ky1, kx0, kx1, row_step, col_step, 8 * blk, out_px);
  }
  for (int32_t oc0 = 8 * full_blocks; oc0 < out.c; oc0 += 8) {
    const int32_t n = std::min<int32_t>(8, out.c - oc0);
    float acc[8] = {};
    const float* in_row = first_tap;
    for (int32_t ky = ky0; ky < ky1; ++ky, in_row += row_step) {
      const float* px = in_row;
      const float* wt = a.w + (static_cast<std::ptrdiff_t>(ky) * f.w + kx0) * f.c + oc0;
      for (int32_t kx = kx0; kx < kx1; ++kx, px += col_step, wt += f.c) {
        for (int k = 0; k < n; ++k) acc[k] += input_for<mode>(px, oc0 + k, a.dm) * wt[k];
      }
    }
    for (int k = 0; k < n; ++k) {
      const float v = acc[k] + (a.bias ? a.bias[oc0 + k] : 0.0f);
      out_px[oc0 + k] = std::fmin(std::fmax(v, a.clamp.min), a.clamp.max);
    }
  }
}

// Out of line: inlined into dw_generic, GCC allocated the pixel loop's
// registers worse (5 % more instructions on kws_ref_model_float32).
template <InputOf mode>
__attribute__((noinline)) void dw_all_pixels(const DwArgs& a) {
  for (int32_t b = 0; b < a.out.n; ++b)
    for (int32_t oy = 0; oy < a.out.h; ++oy)
      for (int32_t ox = 0; ox < a.out.w; ++ox) dw_pixel<mode>(a, b, oy, ox);
}

void dw_generic(const DwArgs& a) {
  if (a.dm == 1) {
    dw_all_pixels<InputOf::kSameChannel>(a);
  } else if (a.in.c == 1) {
    dw_all_pixels<InputOf::kChannelZero>(a);
  } else {
    // Several input channels, each with several outputs: rare in models, and
    // a third unrolled copy of the pixel loop (3.5 KB of flash) for it did
    // not pay; the reference loop runs it.
    reference::depthwise_float(a.win, a.dm, a.clamp, a.in, a.input, a.filter, a.w, a.bias, a.out, a.output);
  }
}

// Packed 3x3 single-input-channel path: blocks of 8 output channels laid out
// [bias 8][tap0 8]...[tap8 8].
constexpr int32_t kPackedBlockFloats = 8 + 9 * 8;

bool packed_3x3_applies(const DwArgs& a) {
  return a.in.c == 1 && a.filter.h == 3 && a.filter.w == 3 && a.win.dilation_h == 1 && a.win.dilation_w == 1 &&
         a.out.c % 8 == 0 && a.out.c > 0;
}

// One interior pixel: r0..r2 point at the 3 inputs of each filter row.
inline void dw3x3_c1_pixel(const float* r0, const float* r1, const float* r2, const float* packed, int32_t blocks,
                           const FloatClamp& clamp, float* out) {
#if defined(TINYINFER_M7_DW_ASM)
  m7_dw3x3_c1(r0, r1, r2, packed, blocks, clamp.min, clamp.max, out);
#else
  const float x[9] = {r0[0], r0[1], r0[2], r1[0], r1[1], r1[2], r2[0], r2[1], r2[2]};
  for (int32_t blk = 0; blk < blocks; ++blk) {
    float acc[8];
    for (int k = 0; k < 8; ++k) acc[k] = packed[k];
    packed += 8;
    for (int t = 0; t < 9; ++t, packed += 8)
      for (int k = 0; k < 8; ++k) acc[k] += x[t] * packed[k];
    for (int k = 0; k < 8; ++k) out[k] = std::fmin(std::fmax(acc[k], clamp.min), clamp.max);
    out += 8;
  }
#endif
}

std::size_t packed_floats(const DwArgs& a) { return static_cast<std::size_t>(a.out.c / 8) * kPackedBlockFloats; }

// `packed`: packed_floats(a) floats of the call's scratch.
void dw_packed_3x3(const DwArgs& a, float* packed) {
  const Dims4& in = a.in;
  const Dims4& out = a.out;
  const int32_t blocks = out.c / 8;
  for (int32_t blk = 0; blk < blocks; ++blk) {
    float* p = packed + blk * kPackedBlockFloats;
    for (int k = 0; k < 8; ++k) p[k] = a.bias ? a.bias[blk * 8 + k] : 0.0f;
    for (int t = 0; t < 9; ++t)
      for (int k = 0; k < 8; ++k) p[8 + t * 8 + k] = a.w[t * a.filter.c + blk * 8 + k];
  }
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      const int32_t iy0 = oy * a.win.stride_h - a.win.pad_top;
      const bool row_inside = iy0 >= 0 && iy0 + 2 < in.h;
      const float* in_row = a.input + (static_cast<std::ptrdiff_t>(b) * in.h + iy0) * in.w;
      float* out_px = a.output + (static_cast<std::ptrdiff_t>(b) * out.h + oy) * out.w * out.c;
      for (int32_t ox = 0; ox < out.w; ++ox, out_px += out.c) {
        const int32_t ix0 = ox * a.win.stride_w - a.win.pad_left;
        if (row_inside && ix0 >= 0 && ix0 + 2 < in.w) {
          const float* r0 = in_row + ix0;
          dw3x3_c1_pixel(r0, r0 + in.w, r0 + 2 * in.w, packed, blocks, a.clamp, out_px);
        } else {
          dw_pixel<InputOf::kChannelZero>(a, b, oy, ox);
        }
      }
    }
  }
}

// The scratch of dw_run: the packed 3x3 filter when that path applies.
std::size_t dw_run_floats(const DwArgs& a) { return packed_3x3_applies(a) ? packed_floats(a) : 0; }

void dw_run(const DwArgs& a, float* packed) {
  if (packed_3x3_applies(a)) {
    dw_packed_3x3(a, packed);
  } else {
    dw_generic(a);
  }
}

}  // namespace

void depthwise_float(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp, const Dims4& in,
                     const float* input, const Dims4& filter, const float* filter_data, const float* bias,
                     const Dims4& out, float* output, void* scratch) {
  const DwArgs a{window, depth_multiplier, clamp, in, filter, out, input, filter_data, bias, output};
  dw_run(a, ScratchCarver(scratch).take<float>(dw_run_floats(a)));
}

std::size_t depthwise_float_scratch_bytes(const Window& window, int32_t depth_multiplier, const Dims4& in,
                                          const Dims4& filter, const Dims4& out) {
  const DwArgs a{window, depth_multiplier, FloatClamp{}, in, filter, out, nullptr, nullptr, nullptr, nullptr};
  return ScratchCarver::bytes_of<float>(dw_run_floats(a));
}

// Hybrid: the filter with its scales folded in, then dw_run's own scratch.
std::size_t depthwise_hybrid_scratch_bytes(const Window& window, int32_t depth_multiplier, const Dims4& in,
                                           const Dims4& filter, const Dims4& out) {
  const DwArgs a{window, depth_multiplier, FloatClamp{}, in, filter, out, nullptr, nullptr, nullptr, nullptr};
  ScratchCarver carve(nullptr);
  carve.take<float>(static_cast<std::size_t>(filter.h) * filter.w * filter.c);
  carve.take<float>(dw_run_floats(a));
  return carve.bytes();
}

void depthwise_hybrid(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp, const Dims4& in,
                      const float* input, const Dims4& filter, const int8_t* filter_data, const float* filter_scales,
                      const float* bias, const Dims4& out, float* output, void* scratch) {
  const int64_t n = int64_t{filter.h} * filter.w * filter.c;
  ScratchCarver carve(scratch);
  float* const w = carve.take<float>(static_cast<std::size_t>(n));
  for (int32_t i = 0; i < static_cast<int32_t>(n); ++i)
    w[i] = filter_scales[i % filter.c] * static_cast<float>(filter_data[i]);
  const DwArgs a{window, depth_multiplier, clamp, in, filter, out, input, w, bias, output};
  dw_run(a, carve.take<float>(dw_run_floats(a)));
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

namespace {
std::size_t depthwise_float_scratch(const kernels::ScratchQuery& q) {
  return kernels::cortex_m7::depthwise_float_scratch_bytes(q.window, q.depth_multiplier, q.in, q.filter, q.out);
}
std::size_t depthwise_hybrid_scratch(const kernels::ScratchQuery& q) {
  return kernels::cortex_m7::depthwise_hybrid_scratch_bytes(q.window, q.depth_multiplier, q.in, q.filter, q.out);
}
}  // namespace

TINYINFER_KERNEL_LIST(depthwise_conv_2d_float32_cortex_m7,
                      {&kDepthwiseConv2dOp, "depthwise_conv_2d_float32_cortex_m7", KernelChoice::kOptimized,
                       signature({kF32, kF32, kF32}, kF32),
                       kernel_entry<kernels::DepthwiseFloatFn, kernels::cortex_m7::depthwise_float>(),
                       depthwise_float_scratch});
// Hybrid: float activations, int8 weights.
TINYINFER_KERNEL_LIST(depthwise_conv_2d_hybrid_cortex_m7,
                      {&kDepthwiseConv2dOp, "depthwise_conv_2d_hybrid_cortex_m7", KernelChoice::kOptimized,
                       signature({kF32, kI8, kF32}, kF32),
                       kernel_entry<kernels::DepthwiseHybridFn, kernels::cortex_m7::depthwise_hybrid>(),
                       depthwise_hybrid_scratch});

}  // namespace tinyinfer
