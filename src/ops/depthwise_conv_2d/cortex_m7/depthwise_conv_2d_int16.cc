// DEPTHWISE_CONV_2D int16x8 for ARMv7E-M (int16 activations, int8 weights,
// int64 bias). Each output channel is its own sum over the taps, so SIMD runs
// across channels: with depth_multiplier 1, four adjacent channels of a tap
// are two 32-bit loads of the input, (x0,x1) and (x2,x3), and one of the
// filter, which SXTB16 splits into (w0,w2) and (w1,w3); SMLABB, SMLATB,
// SMLABT and SMLATT then pick the matching halves, one channel each, so no
// lane shuffling is needed. The taps inside the input are found once per
// output pixel (padding costs nothing: the reference skips those taps too).
// Other depth multipliers and the channel tail use the same tap ranges with
// scalar multiply-adds.
//
// The sums are int32: |x * w| <= 2^15 * 2^7, so fewer than 512 taps cannot
// overflow and the sum equals the reference's int64 one; larger filters run
// the reference. Requantization is the reference's requantize_int16, so the
// results are bit-exact.
#include <cstddef>

#include "dsp/armv7em_simd.h"
#include "ops/common/mm16_int16.h"
#include "ops/depthwise_conv_2d/cortex_m7/depthwise_conv_2d_int8_paths.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

using depthwise_int8_paths::tap_range;

// The two mixed-half multiply-adds the int8 kernels do not use:
// acc + lane0(a) * lane1(b) and acc + lane1(a) * lane0(b).
#if defined(__ARM_FEATURE_DSP)
inline int32_t smlabt(uint32_t a, uint32_t b, int32_t acc) {
  return __smlabt(static_cast<int32_t>(a), static_cast<int32_t>(b), acc);
}
inline int32_t smlatb(uint32_t a, uint32_t b, int32_t acc) {
  return __smlatb(static_cast<int32_t>(a), static_cast<int32_t>(b), acc);
}
#else
inline int32_t smlabt(uint32_t a, uint32_t b, int32_t acc) {
  return static_cast<int32_t>(static_cast<uint32_t>(acc) + static_cast<uint32_t>(lane(a, 0) * lane(b, 1)));
}
inline int32_t smlatb(uint32_t a, uint32_t b, int32_t acc) {
  return static_cast<int32_t>(static_cast<uint32_t>(acc) + static_cast<uint32_t>(lane(a, 1) * lane(b, 0)));
}
#endif

// Below this many taps an int32 sum of int16 x int8 products cannot overflow.
constexpr int32_t kMaxTaps = 511;

// Where one output pixel's taps inside the input start, and how many there are.
struct PixelTaps {
  const int16_t* input;  // channel 0 of the first tap inside
  const int8_t* filter;  // output channel 0 of that tap
  int32_t rows, cols;
};

struct Geometry {
  std::ptrdiff_t in_row, tap_step_x, tap_step_y, filter_row;
};

// Four output channels c..c+3 of depth multiplier 1 at one pixel. Not
// inlined: alone, its loop keeps every pointer and sum in a register.
__attribute__((noinline)) void dot4(const PixelTaps& t, const Geometry& g, int32_t c, int32_t out_c, int32_t* a) {
  int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  const int16_t* in_r = t.input + c;
  const int8_t* f_r = t.filter + c;
  const std::ptrdiff_t row_span = t.cols * g.tap_step_x;
  const std::ptrdiff_t step_x = g.tap_step_x, step_w = out_c;
  for (int32_t r = 0; r < t.rows; ++r, in_r += g.tap_step_y, f_r += g.filter_row) {
    const int16_t* x = in_r;
    const int16_t* const end = in_r + row_span;
    const int8_t* w = f_r;
    while (x != end) {
      const uint32_t x01 = load_u32(x), x23 = load_u32(x + 2);
      const uint32_t wv = load_u32(w);
      x += step_x;
      w += step_w;
      const uint32_t w02 = sxtb16(wv), w13 = sxtb16_odd(wv);
      a0 = smlabb(x01, w02, a0);
      a1 = smlatb(x01, w13, a1);
      a2 = smlabt(x23, w02, a2);
      a3 = smlatt(x23, w13, a3);
    }
  }
  a[0] = a0;
  a[1] = a1;
  a[2] = a2;
  a[3] = a3;
}

// Output channel oc (input channel ic) at one pixel, any depth multiplier.
inline int32_t dot1(const PixelTaps& t, const Geometry& g, int32_t ic, int32_t oc, int32_t out_c) {
  int32_t acc = 0;
  const int16_t* in_r = t.input + ic;
  const int8_t* f_r = t.filter + oc;
  for (int32_t r = 0; r < t.rows; ++r, in_r += g.tap_step_y, f_r += g.filter_row) {
    const int16_t* x = in_r;
    const int8_t* w = f_r;
    for (int32_t k = 0; k < t.cols; ++k, x += g.tap_step_x, w += out_c) acc += int32_t{*x} * *w;
  }
  return acc;
}

void depthwise_int16x8(const Window& window, int32_t depth_multiplier, const Requant& rq, const Dims4& in,
                       const int16_t* input, const Dims4& filter, const int8_t* filter_data, const int64_t* bias,
                       const Dims4& out, int16_t* output) {
  const int32_t in_c = in.c, out_c = out.c, dm = depth_multiplier;
  Geometry g;
  g.in_row = static_cast<std::ptrdiff_t>(in.w) * in_c;
  g.tap_step_x = static_cast<std::ptrdiff_t>(window.dilation_w) * in_c;
  g.tap_step_y = static_cast<std::ptrdiff_t>(window.dilation_h) * g.in_row;
  g.filter_row = static_cast<std::ptrdiff_t>(filter.w) * out_c;
  // Channels done four at a time (depth multiplier 1 only).
  const int32_t vector_c = dm == 1 ? (out_c & ~3) : 0;
  int16_t* dst = output;
  for (int32_t b = 0; b < out.n; ++b) {
    const int16_t* batch = input + static_cast<std::ptrdiff_t>(b) * in.h * g.in_row;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      const int32_t y0 = oy * window.stride_h - window.pad_top;
      int32_t ky0, ky1;
      tap_range(y0, window.dilation_h, filter.h, in.h, &ky0, &ky1);
      for (int32_t ox = 0; ox < out.w; ++ox, dst += out_c) {
        const int32_t x0 = ox * window.stride_w - window.pad_left;
        int32_t kx0, kx1;
        tap_range(x0, window.dilation_w, filter.w, in.w, &kx0, &kx1);
        // No tap inside: every sum is 0 (bias only), as in the reference.
        PixelTaps t{batch, filter_data, 0, 0};
        if (ky1 > ky0 && kx1 > kx0) {
          t.rows = ky1 - ky0;
          t.cols = kx1 - kx0;
          t.input = batch + static_cast<std::ptrdiff_t>(y0 + ky0 * window.dilation_h) * g.in_row +
                    static_cast<std::ptrdiff_t>(x0 + kx0 * window.dilation_w) * in_c;
          t.filter = filter_data + ky0 * g.filter_row + static_cast<std::ptrdiff_t>(kx0) * out_c;
        }
        int32_t c = 0;
        for (; c < vector_c; c += 4) {
          int32_t a[4];
          dot4(t, g, c, out_c, a);
          for (int32_t i = 0; i < 4; ++i) dst[c + i] = requantize_int16(a[i], bias, rq, c + i);
        }
        for (; c < out_c; ++c) dst[c] = requantize_int16(dot1(t, g, c / dm, c, out_c), bias, rq, c);
      }
    }
  }
}

}  // namespace

void depthwise_int16(const Window& window, int32_t depth_multiplier, const Requant& rq, const Dims4& in,
                     const int16_t* input, const Dims4& filter, const int8_t* filter_data, const int64_t* bias,
                     const Dims4& out, int16_t* output, void* /*scratch*/) {
  if (depth_multiplier <= 0 || in.c * depth_multiplier != out.c || filter.c != out.c ||
      filter.h * filter.w > kMaxTaps) {
    reference::depthwise_int16(window, depth_multiplier, rq, in, input, filter, filter_data, bias, out, output);
    return;
  }
  depthwise_int16x8(window, depth_multiplier, rq, in, input, filter, filter_data, bias, out, output);
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

// No scratch: the sums live in registers, so small_arena changes nothing.
TINYINFER_KERNEL_LIST(depthwise_conv_2d_int16_cortex_m7,
                      {&kDepthwiseConv2dOp, "depthwise_conv_2d_int16_cortex_m7", KernelChoice::kOptimized,
                       signature({kI16, kI8, kI64}, kI16),
                       kernel_entry<kernels::DepthwiseInt16Fn, kernels::cortex_m7::depthwise_int16>(), nullptr});

}  // namespace tinyinfer
