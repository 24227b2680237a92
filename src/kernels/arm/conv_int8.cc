// CONV_2D int8 for ARMv7E-M: im2col of two output pixels at a time into a
// small stack buffer of int16 (input + input_offset; padding taps hold 0,
// which is exactly "the tap contributes nothing" of the reference), then a
// 2 pixels x 2 output channels micro-kernel of SMLAD dot products against
// the filter rows sign-extended with SXTB16. A 1x1 convolution needs no
// gathering: its "column" is the input pixel itself, converted.
//
// Column layout: the dot product length K = kh*kw*in_c is split into groups
// of 4 stored as (x0,x2),(x1,x3) int16 pairs, the lane order SXTB16 gives the
// filter bytes (b0,b2) and (b1,b3); the K%4 tail is stored in plain order.
// Integer sums are exact, so any summation order gives the reference's bits.
#include <cstring>

#include "kernels/arm/dsp.h"
#include "kernels/arm/int8_kernels.h"
#include "kernels/reference/reference.h"

namespace tinyinfer::kernels::arm {
namespace {

// int16 entries per column; two columns live on the stack (4 KiB).
constexpr int32_t kMaxColumn = 1024;
// Output channels whose fast requantization parameters fit on the stack.
constexpr int32_t kMaxFastChannels = 256;

struct ConvGeometry {
  const Window* window;
  const Dims4* in;
  const Dims4* filter;
  const Dims4* out;
  int32_t input_offset;
};

// Converts `count` int8 (count % 4 == 0) to int16 pairs (x0,x2),(x1,x3) + offset.
inline void convert_groups(const int8_t* __restrict src, int32_t count, uint32_t offset2,
                           pair_word* __restrict dst) {
  for (int32_t i = count >> 2; i > 0; --i) {
    const uint32_t x = load_u32(src);
    src += 4;
    dst[0] = sxtab16(offset2, x);
    dst[1] = sxtab16_odd(offset2, x);
    dst += 2;
  }
}

// Fills the column of output pixel (b, oy, ox). Returns nothing; the
// column has K entries in the layout described above.
void fill_column(const ConvGeometry& g, const int8_t* input, int32_t b, int32_t oy, int32_t ox,
                 int16_t* __restrict column) {
  const Window& w = *g.window;
  const Dims4& in = *g.in;
  const Dims4& f = *g.filter;
  const int32_t in_c = in.c;
  const int32_t y0 = oy * w.stride_h - w.pad_top;
  const int32_t x0 = ox * w.stride_w - w.pad_left;
  const int8_t* batch = input + static_cast<std::ptrdiff_t>(b) * in.h * in.w * in_c;
  const uint32_t offset2 = splat16(g.input_offset);
  if ((in_c & 3) == 0) {
    // Whole groups per tap: convert straight into the permuted layout.
    pair_word* dst = reinterpret_cast<pair_word*>(column);
    for (int32_t ky = 0; ky < f.h; ++ky) {
      const int32_t iy = y0 + ky * w.dilation_h;
      const bool row_inside = iy >= 0 && iy < in.h;
      for (int32_t kx = 0; kx < f.w; ++kx) {
        const int32_t ix = x0 + kx * w.dilation_w;
        if (row_inside && ix >= 0 && ix < in.w) {
          convert_groups(batch + (static_cast<std::ptrdiff_t>(iy) * in.w + ix) * in_c, in_c, offset2, dst);
        } else {
          std::memset(dst, 0, static_cast<std::size_t>(in_c) * 2);
        }
        dst += in_c >> 1;
      }
    }
    return;
  }
  // Any channel count: plain order first, then permute the whole groups.
  int16_t* dst = column;
  for (int32_t ky = 0; ky < f.h; ++ky) {
    const int32_t iy = y0 + ky * w.dilation_h;
    const bool row_inside = iy >= 0 && iy < in.h;
    for (int32_t kx = 0; kx < f.w; ++kx) {
      const int32_t ix = x0 + kx * w.dilation_w;
      if (row_inside && ix >= 0 && ix < in.w) {
        const int8_t* src = batch + (static_cast<std::ptrdiff_t>(iy) * in.w + ix) * in_c;
        for (int32_t c = 0; c < in_c; ++c) dst[c] = static_cast<int16_t>(src[c] + g.input_offset);
      } else {
        for (int32_t c = 0; c < in_c; ++c) dst[c] = 0;
      }
      dst += in_c;
    }
  }
  const int32_t groups = (f.h * f.w * in_c) >> 2;
  pair_word* pairs = reinterpret_cast<pair_word*>(column);
  for (int32_t i = 0; i < groups; ++i) {
    const uint32_t a = pairs[0];  // x0 | x1 << 16
    const uint32_t c = pairs[1];  // x2 | x3 << 16
    pairs[0] = (a & 0xFFFFu) | (c << 16);
    pairs[1] = (a >> 16) | (c & 0xFFFF0000u);
    pairs += 2;
  }
}

// Requantizers of one output channel's accumulator (see dsp.h).
struct GeneralRequant {
  const int32_t* multipliers;
  const int32_t* shifts;
  int32_t output_offset, act_min, act_max;
  int8_t operator()(int32_t acc, int32_t oc) const {
    const ChannelRequant r = make_channel_requant(multipliers[oc], shifts[oc]);
    return finish(requantize(acc, r), output_offset, act_min, act_max);
  }
};

struct FastRequant {
  const FastChannel* channels;
  int32_t half_offset, act_min, act_max;
  int8_t operator()(int32_t acc, int32_t oc) const {
    const FastChannel& c = channels[oc];
    return clamp_to_int8(fast_requantize(acc, c.multiplier, c.pre_shift, c.post_shift, half_offset),
                         act_min, act_max);
  }
};

// Dot products of two columns with all filter rows; writes out0[oc], out1[oc].
template <typename Rq>
void gemm_two_columns(const int16_t* __restrict col0, const int16_t* __restrict col1, int32_t k,
                      const int8_t* __restrict filter, const int32_t* __restrict bias,
                      int32_t out_c, const Rq& rq, int8_t* __restrict out0,
                      int8_t* __restrict out1) {
  const int32_t groups = k >> 2;
  const int32_t tail = k & 3;
  const int32_t tail_start = groups << 2;
  int32_t oc = 0;
  for (; oc + 1 < out_c; oc += 2) {
    const int8_t* w0 = filter + static_cast<std::ptrdiff_t>(oc) * k;
    const int8_t* w1 = w0 + k;
    int32_t a00 = bias ? bias[oc] : 0;
    int32_t a01 = bias ? bias[oc + 1] : 0;
    int32_t a10 = a00, a11 = a01;
    const pair_word* p0 = reinterpret_cast<const pair_word*>(col0);
    const pair_word* p1 = reinterpret_cast<const pair_word*>(col1);
    for (int32_t i = groups; i > 0; --i) {
      const uint32_t x0e = p0[0], x0o = p0[1];
      const uint32_t x1e = p1[0], x1o = p1[1];
      p0 += 2;
      p1 += 2;
      uint32_t wv = load_u32(w0);
      w0 += 4;
      uint32_t we = sxtb16(wv), wo = sxtb16_odd(wv);
      a00 = smlad(we, x0e, a00);
      a00 = smlad(wo, x0o, a00);
      a10 = smlad(we, x1e, a10);
      a10 = smlad(wo, x1o, a10);
      wv = load_u32(w1);
      w1 += 4;
      we = sxtb16(wv);
      wo = sxtb16_odd(wv);
      a01 = smlad(we, x0e, a01);
      a01 = smlad(wo, x0o, a01);
      a11 = smlad(we, x1e, a11);
      a11 = smlad(wo, x1o, a11);
    }
    for (int32_t t = 0; t < tail; ++t) {
      const int32_t x0 = col0[tail_start + t], x1 = col1[tail_start + t];
      const int32_t f0 = w0[t], f1 = w1[t];
      a00 += x0 * f0;
      a10 += x1 * f0;
      a01 += x0 * f1;
      a11 += x1 * f1;
    }
    out0[oc] = rq(a00, oc);
    out1[oc] = rq(a10, oc);
    out0[oc + 1] = rq(a01, oc + 1);
    out1[oc + 1] = rq(a11, oc + 1);
  }
  if (oc < out_c) {
    const int8_t* w0 = filter + static_cast<std::ptrdiff_t>(oc) * k;
    int32_t a00 = bias ? bias[oc] : 0;
    int32_t a10 = a00;
    const pair_word* p0 = reinterpret_cast<const pair_word*>(col0);
    const pair_word* p1 = reinterpret_cast<const pair_word*>(col1);
    for (int32_t i = groups; i > 0; --i) {
      const uint32_t wv = load_u32(w0);
      w0 += 4;
      const uint32_t we = sxtb16(wv), wo = sxtb16_odd(wv);
      a00 = smlad(we, p0[0], a00);
      a00 = smlad(wo, p0[1], a00);
      a10 = smlad(we, p1[0], a10);
      a10 = smlad(wo, p1[1], a10);
      p0 += 2;
      p1 += 2;
    }
    for (int32_t t = 0; t < tail; ++t) {
      a00 += col0[tail_start + t] * w0[t];
      a10 += col1[tail_start + t] * w0[t];
    }
    out0[oc] = rq(a00, oc);
    out1[oc] = rq(a10, oc);
  }
}

// One column (the odd last pixel).
template <typename Rq>
void gemm_one_column(const int16_t* __restrict col0, int32_t k, const int8_t* __restrict filter,
                     const int32_t* __restrict bias, int32_t out_c, const Rq& rq,
                     int8_t* __restrict out0) {
  const int32_t groups = k >> 2;
  const int32_t tail = k & 3;
  const int32_t tail_start = groups << 2;
  int32_t oc = 0;
  for (; oc + 1 < out_c; oc += 2) {
    const int8_t* w0 = filter + static_cast<std::ptrdiff_t>(oc) * k;
    const int8_t* w1 = w0 + k;
    int32_t a0 = bias ? bias[oc] : 0;
    int32_t a1 = bias ? bias[oc + 1] : 0;
    const pair_word* p0 = reinterpret_cast<const pair_word*>(col0);
    for (int32_t i = groups; i > 0; --i) {
      const uint32_t xe = p0[0], xo = p0[1];
      p0 += 2;
      uint32_t wv = load_u32(w0);
      w0 += 4;
      a0 = smlad(sxtb16(wv), xe, a0);
      a0 = smlad(sxtb16_odd(wv), xo, a0);
      wv = load_u32(w1);
      w1 += 4;
      a1 = smlad(sxtb16(wv), xe, a1);
      a1 = smlad(sxtb16_odd(wv), xo, a1);
    }
    for (int32_t t = 0; t < tail; ++t) {
      a0 += col0[tail_start + t] * w0[t];
      a1 += col0[tail_start + t] * w1[t];
    }
    out0[oc] = rq(a0, oc);
    out0[oc + 1] = rq(a1, oc + 1);
  }
  if (oc < out_c) {
    const int8_t* w0 = filter + static_cast<std::ptrdiff_t>(oc) * k;
    int32_t a0 = bias ? bias[oc] : 0;
    const pair_word* p0 = reinterpret_cast<const pair_word*>(col0);
    for (int32_t i = groups; i > 0; --i) {
      const uint32_t wv = load_u32(w0);
      w0 += 4;
      a0 = smlad(sxtb16(wv), p0[0], a0);
      a0 = smlad(sxtb16_odd(wv), p0[1], a0);
      p0 += 2;
    }
    for (int32_t t = 0; t < tail; ++t) a0 += col0[tail_start + t] * w0[t];
    out0[oc] = rq(a0, oc);
  }
}

template <typename Rq>
void conv_pixels(const Window& window, int32_t input_offset, const Dims4& in, const int8_t* input,
                 const Dims4& filter, const int8_t* filter_data, const int32_t* bias,
                 const Dims4& out, int8_t* output, const Rq& orq) {
  const int32_t k = filter.h * filter.w * filter.c;
  alignas(8) int16_t columns[2][kMaxColumn];
  const ConvGeometry g{&window, &in, &filter, &out, input_offset};
  const int32_t out_c = out.c;

  // Output pixels in (b, oy, ox) order, two at a time.
  const int64_t pixels = static_cast<int64_t>(out.n) * out.h * out.w;
  int32_t b = 0, oy = 0, ox = 0;
  auto advance = [&] {
    if (++ox == out.w) {
      ox = 0;
      if (++oy == out.h) {
        oy = 0;
        ++b;
      }
    }
  };
  int8_t* dst = output;
  int64_t p = 0;
  for (; p + 1 < pixels; p += 2) {
    fill_column(g, input, b, oy, ox, columns[0]);
    advance();
    fill_column(g, input, b, oy, ox, columns[1]);
    advance();
    gemm_two_columns(columns[0], columns[1], k, filter_data, bias, out_c, orq, dst, dst + out_c);
    dst += 2 * out_c;
  }
  if (p < pixels) {
    fill_column(g, input, b, oy, ox, columns[0]);
    gemm_one_column(columns[0], k, filter_data, bias, out_c, orq, dst);
  }
}

}  // namespace

void conv2d_int8(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input,
                 const Dims4& filter, const int8_t* filter_data, const int32_t* bias,
                 const Dims4& out, int8_t* output) {
  const int32_t k = filter.h * filter.w * filter.c;
  // Grouped convolutions and very long dot products keep the reference.
  if (filter.c != in.c || k > kMaxColumn || k <= 0) {
    reference::conv2d_int8(window, rq, in, input, filter, filter_data, bias, out, output);
    return;
  }
  const int64_t bound = accumulator_bound(k, rq.input_offset, 0, bias, out.c);
  if (out.c <= kMaxFastChannels && fits_fast_requant(bound, rq.shifts, out.c)) {
    FastChannel table[kMaxFastChannels];
    for (int32_t c = 0; c < out.c; ++c) table[c] = make_fast_channel(rq.multipliers[c], rq.shifts[c]);
    const FastRequant fast{table, 1 + 2 * rq.output_offset, rq.act_min, rq.act_max};
    conv_pixels(window, rq.input_offset, in, input, filter, filter_data, bias, out, output, fast);
  } else {
    const GeneralRequant general{rq.multipliers, rq.shifts, rq.output_offset, rq.act_min, rq.act_max};
    conv_pixels(window, rq.input_offset, in, input, filter, filter_data, bias, out, output, general);
  }
}

}  // namespace tinyinfer::kernels::arm
