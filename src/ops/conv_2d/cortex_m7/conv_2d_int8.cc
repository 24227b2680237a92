// CONV_2D int8 for ARMv7E-M: im2col of two output pixels at a time into a
// small stack buffer of int16 (input + input_offset; padding taps hold 0,
// which is exactly "the tap contributes nothing" of the reference), then a
// 2 pixels x 2 output channels micro-kernel of SMLAD dot products against
// the filter rows sign-extended with SXTB16 (M7: hand-scheduled assembly,
// 17 instructions per 16 MACs; host: its portable twin). The accumulators
// of all channels are requantized afterwards in one tight loop.
//
// Column layout: the dot product length K = kh*kw*in_c is split into groups
// of 4; group g of the pixel pair is the four words (p0: x0,x2)(p0: x1,x3)
// (p1: x0,x2)(p1: x1,x3) of int16 pairs, the lane order SXTB16 gives the
// filter bytes (b0,b2) and (b1,b3), so one LDM fetches everything a group
// needs. A K%4 tail becomes one more group padded with zero columns, so the
// filter bytes it reads past a row (the next row's) contribute nothing; the
// very last row never reads past the filter. Integer sums are exact,
// so any summation order gives the reference's bits.
// The micro-kernel is in conv_2d_int8_gemm_2x2.cc.
#include <cstring>

#include "dsp/armv7em_simd.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/conv_2d/cortex_m7/conv_2d_int8_gemm_2x2.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

// Output channels per micro-kernel call (accumulator buffer).
constexpr int32_t kMaxChunk = 256;

// The call's working memory, carved from the scratch the op layer planned
// in the arena (conv2d_int8_scratch_bytes): the column pair of two output
// pixels, the accumulators of one chunk of channels, a zero bias, the plain
// order staging column and the two requantization tables.
struct ConvScratch {
  uint32_t* columns;      // 4 * groups + 4 words: two int16 columns, interleaved
  int32_t* acc;           // 2 * chunk
  int32_t* zero_bias;     // chunk
  int16_t* plain;         // 4 * groups + 4
  FastChannel* channels;  // out_c
  int32_t* kernel_table;  // 3 * out_c
  std::size_t bytes;
};

int32_t chunk_of(int32_t out_c) { return out_c < kMaxChunk ? (out_c < 2 ? 2 : out_c) : kMaxChunk; }

ConvScratch carve_conv_scratch(void* base, int32_t k, int32_t out_c) {
  const std::size_t groups = static_cast<std::size_t>((k + 3) >> 2);
  const std::size_t chunk = static_cast<std::size_t>(chunk_of(out_c));
  ScratchCarver carve(base);
  ConvScratch s;
  s.columns = carve.take<uint32_t>(4 * groups + 4);
  s.acc = carve.take<int32_t>(2 * chunk);
  s.zero_bias = carve.take<int32_t>(chunk);
  s.plain = carve.take<int16_t>(4 * groups + 4);
  s.channels = carve.take<FastChannel>(static_cast<std::size_t>(out_c));
  s.kernel_table = carve.take<int32_t>(3 * static_cast<std::size_t>(out_c));
  s.bytes = carve.bytes();
  return s;
}

struct ConvGeometry {
  const Window* window;
  const Dims4* in;
  const Dims4* filter;
  int32_t input_offset;
  int32_t groups;    // K / 4
  int16_t* scratch;  // K int16, plain order
};

// int16 index of column element j (< 4*groups) of pixel slot 0/1.
inline int32_t column_index(int32_t j, int32_t slot) {
  return 2 * (4 * (j >> 2) + 2 * slot + (j & 1)) + ((j >> 1) & 1);
}

// Converts `count` int8 (count % 4 == 0) to the group layout + offset; dst
// is the slot's first word of the first group.
inline void convert_groups(const int8_t* __restrict src, int32_t count, uint32_t offset2, pair_word* __restrict dst) {
  for (int32_t i = count >> 2; i > 0; --i) {
    const uint32_t x = load_u32(src);
    src += 4;
    dst[0] = sxtab16(offset2, x);
    dst[1] = sxtab16_odd(offset2, x);
    dst += 4;
  }
}

inline void zero_groups(int32_t count, pair_word* __restrict dst) {
  for (int32_t i = count >> 2; i > 0; --i) {
    dst[0] = 0;
    dst[1] = 0;
    dst += 4;
  }
}

// Fills slot `slot` of the column pair with output pixel (b, oy, ox); the K%4
// last group is padded with zeros.
void fill_column(const ConvGeometry& g, const int8_t* input, int32_t b, int32_t oy, int32_t ox, uint32_t* columns,
                 int32_t slot) {
  const Window& w = *g.window;
  const Dims4& in = *g.in;
  const Dims4& f = *g.filter;
  const int32_t in_c = in.c;
  const int32_t y0 = oy * w.stride_h - w.pad_top;
  const int32_t x0 = ox * w.stride_w - w.pad_left;
  const int8_t* batch = input + static_cast<std::ptrdiff_t>(b) * in.h * in.w * in_c;
  const uint32_t offset2 = splat16(g.input_offset);
  pair_word* dst = reinterpret_cast<pair_word*>(columns) + 2 * slot;
  if ((in_c & 3) == 0) {
    // Whole groups per tap.
    for (int32_t ky = 0; ky < f.h; ++ky) {
      const int32_t iy = y0 + ky * w.dilation_h;
      const bool row_inside = iy >= 0 && iy < in.h;
      for (int32_t kx = 0; kx < f.w; ++kx) {
        const int32_t ix = x0 + kx * w.dilation_w;
        if (row_inside && ix >= 0 && ix < in.w) {
          convert_groups(batch + (static_cast<std::ptrdiff_t>(iy) * in.w + ix) * in_c, in_c, offset2, dst);
        } else {
          zero_groups(in_c, dst);
        }
        dst += in_c;  // (in_c / 4) groups of 4 words
      }
    }
    return;
  }
  const int32_t row_len = f.w * in_c;
  if (w.dilation_w == 1 && (row_len & 3) == 0) {
    // Each filter row is one contiguous run of the input when it lies inside.
    for (int32_t ky = 0; ky < f.h; ++ky) {
      const int32_t iy = y0 + ky * w.dilation_h;
      if (iy < 0 || iy >= in.h) {
        zero_groups(row_len, dst);
      } else if (x0 >= 0 && x0 + f.w <= in.w) {
        convert_groups(batch + (static_cast<std::ptrdiff_t>(iy) * in.w + x0) * in_c, row_len, offset2, dst);
      } else {
        const int8_t* src = batch + static_cast<std::ptrdiff_t>(iy) * in.w * in_c;
        const int32_t j0 = ky * row_len;
        for (int32_t kx = 0; kx < f.w; ++kx) {
          const int32_t ix = x0 + kx;
          const bool inside = ix >= 0 && ix < in.w;
          for (int32_t c = 0; c < in_c; ++c) {
            const int32_t v = inside ? src[ix * in_c + c] + g.input_offset : 0;
            reinterpret_cast<int16_t*>(columns)[column_index(j0 + kx * in_c + c, slot)] = static_cast<int16_t>(v);
          }
        }
      }
      dst += row_len;
    }
    return;
  }
  // Any geometry: plain order into scratch, then whole groups permuted.
  int16_t* plain = g.scratch;
  int32_t j = 0;
  for (int32_t ky = 0; ky < f.h; ++ky) {
    const int32_t iy = y0 + ky * w.dilation_h;
    const bool row_inside = iy >= 0 && iy < in.h;
    for (int32_t kx = 0; kx < f.w; ++kx) {
      const int32_t ix = x0 + kx * w.dilation_w;
      if (row_inside && ix >= 0 && ix < in.w) {
        const int8_t* src = batch + (static_cast<std::ptrdiff_t>(iy) * in.w + ix) * in_c;
        for (int32_t c = 0; c < in_c; ++c) plain[j + c] = static_cast<int16_t>(src[c] + g.input_offset);
      } else {
        for (int32_t c = 0; c < in_c; ++c) plain[j + c] = 0;
      }
      j += in_c;
    }
  }
  for (; j < 4 * g.groups; ++j) plain[j] = 0;
  const pair_word* pairs = reinterpret_cast<const pair_word*>(plain);
  for (int32_t i = 0; i < g.groups; ++i) {
    const uint32_t a = pairs[0];  // x0 | x1 << 16
    const uint32_t c = pairs[1];  // x2 | x3 << 16
    dst[0] = (a & 0xFFFFu) | (c << 16);
    dst[1] = (a >> 16) | (c & 0xFFFF0000u);
    pairs += 2;
    dst += 4;
  }
}

// Requantizers of one output channel's accumulator (see dsp.h).
struct GeneralRequant {
  const Requant& rq;
  int8_t operator()(int32_t acc, int32_t oc) const {
    const ChannelRequant r = make_channel_requant(rq.multiplier(oc), rq.shift(oc));
    return finish(requantize(acc, r), rq.output_offset, rq.act_min, rq.act_max);
  }
};

struct FastRequant {
  const FastChannel* channels;
  int32_t half_offset, act_min, act_max;
  int8_t operator()(int32_t acc, int32_t oc) const {
    const FastChannel& c = channels[oc];
    return clamp_to_int8(fast_requantize(acc, c.multiplier, c.pre_shift, c.post_shift, half_offset), act_min, act_max);
  }
};

// Dot product of one filter row (k bytes, never read past) with slot `slot`
// of the padded column pair.
int32_t dot_padded(const uint32_t* columns, int32_t k, const int8_t* w, int32_t slot, int32_t acc) {
  const uint32_t* c = columns + 2 * slot;
  const int32_t full = k >> 2;
  for (int32_t g = 0; g < full; ++g) {
    const uint32_t wv = load_u32(w);
    w += 4;
    acc = smlad(sxtb16(wv), c[0], acc);
    acc = smlad(sxtb16_odd(wv), c[1], acc);
    c += 4;
  }
  if ((k & 3) != 0) {
    uint32_t wv = 0;
    for (int32_t i = 0; i < (k & 3); ++i) wv |= static_cast<uint32_t>(static_cast<uint8_t>(w[i])) << (8 * i);
    acc = smlad(sxtb16(wv), c[0], acc);
    acc = smlad(sxtb16_odd(wv), c[1], acc);
  }
  return acc;
}

// Parameters of the requantization inside the micro-kernel (every channel
// with a right shift e >= 1 and the fast shortcut's bound).
struct InKernelRequant {
  const int32_t* table;  // nullptr: requantize outside
  int32_t half_offset;
  uint32_t act_min2, act_max2;
};

template <typename Rq>
void conv_pixels(const Window& window, int32_t input_offset, const Dims4& in, const int8_t* input, const Dims4& filter,
                 const int8_t* filter_data, const int32_t* bias, const Dims4& out, int8_t* output, const Rq& orq,
                 const InKernelRequant& kr, const ConvScratch& work) {
  const int32_t k = filter.h * filter.w * filter.c;
  const int32_t groups = (k + 3) >> 2;    // the last one padded when k % 4 != 0
  const int32_t chunk = chunk_of(out.c);  // channels per micro-kernel call (work.acc)
  uint32_t* const columns = work.columns;
  int32_t* const acc = work.acc;
  int32_t* const zero_bias = work.zero_bias;
  if (bias == nullptr) std::memset(zero_bias, 0, sizeof(int32_t) * static_cast<std::size_t>(chunk));
  const ConvGeometry g{&window, &in, &filter, input_offset, groups, work.plain};
  const bool requant_in_kernel = kr.table != nullptr;
  const int32_t out_c = out.c;
  const int32_t even_c = out_c & ~1;
  // A pair (oc, oc+1) reads its rows' padded groups up to byte
  // (oc + 2) * k + pad of the filter, which must stay inside out_c * k.
  const int32_t pad = 4 * groups - k;
  const int32_t last_safe_oc = pad == 0 ? out_c : out_c - 2 - (pad + k - 1) / k;

  // Output pixels in (b, oy, ox) order, two at a time (an odd last pixel
  // fills both slots and is written once).
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
  for (int64_t p = 0; p < pixels; p += 2) {
    const bool two = p + 1 < pixels;
    fill_column(g, input, b, oy, ox, columns, 0);
    if (two) advance();
    fill_column(g, input, b, oy, ox, columns, 1);
    advance();
    int8_t* out0 = dst;
    int8_t* out1 = dst + out_c;
    auto write = [&](int32_t oc, int32_t a00, int32_t a01, int32_t a10, int32_t a11) {
      out0[oc] = orq(a00, oc);
      out0[oc + 1] = orq(a01, oc + 1);
      if (two) {
        out1[oc] = orq(a10, oc);
        out1[oc + 1] = orq(a11, oc + 1);
      }
    };
    for (int32_t c0 = 0; c0 < even_c; c0 += chunk) {
      const int32_t n = even_c - c0 < chunk ? even_c - c0 : chunk;
      int32_t kernel_pairs = n >> 1;
      if (last_safe_oc < c0 + n - 2) kernel_pairs = last_safe_oc < c0 ? 0 : ((last_safe_oc - c0) >> 1) + 1;
      if (kernel_pairs > 0) {
        alignas(8) Gemm2x2Args args{columns,
                                    filter_data + static_cast<std::ptrdiff_t>(c0) * k,
                                    groups,
                                    k,
                                    bias ? bias + c0 : zero_bias,
                                    kernel_pairs,
                                    acc,
                                    2 * k - 4 * groups,
                                    requant_in_kernel ? kr.table + 3 * c0 : nullptr,
                                    kr.half_offset,
                                    kr.act_min2,
                                    kr.act_max2,
                                    out0 + c0,
                                    (two ? out1 : out0) + c0};
        gemm_2x2(&args);
        if (!requant_in_kernel) {
          const int32_t* a = acc;
          for (int32_t i = 0; i < kernel_pairs; ++i, a += 4) write(c0 + 2 * i, a[0], a[1], a[2], a[3]);
        }
      }
      for (int32_t oc = c0 + 2 * kernel_pairs; oc < c0 + n; oc += 2) {
        const int8_t* w0 = filter_data + static_cast<std::ptrdiff_t>(oc) * k;
        const int32_t b0 = bias ? bias[oc] : 0, b1 = bias ? bias[oc + 1] : 0;
        write(oc, dot_padded(columns, k, w0, 0, b0), dot_padded(columns, k, w0 + k, 0, b1),
              dot_padded(columns, k, w0, 1, b0), dot_padded(columns, k, w0 + k, 1, b1));
      }
    }
    if (even_c != out_c) {
      const int32_t oc = even_c;
      const int8_t* w = filter_data + static_cast<std::ptrdiff_t>(oc) * k;
      const int32_t b0 = bias ? bias[oc] : 0;
      out0[oc] = orq(dot_padded(columns, k, w, 0, b0), oc);
      if (two) out1[oc] = orq(dot_padded(columns, k, w, 1, b0), oc);
    }
    dst += (two ? 2 : 1) * out_c;
  }
}

}  // namespace

std::size_t conv2d_int8_scratch_bytes(const Dims4& in, const Dims4& filter, const Dims4& out) {
  const int32_t k = filter.h * filter.w * filter.c;
  if (filter.c != in.c || k <= 0) return 0;
  return carve_conv_scratch(nullptr, k, out.c).bytes;
}

void conv2d_int8(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input, const Dims4& filter,
                 const int8_t* filter_data, const int32_t* bias, const Dims4& out, int8_t* output, void* scratch) {
  const int32_t k = filter.h * filter.w * filter.c;
  // Grouped convolutions keep the reference.
  if (filter.c != in.c || k <= 0) {
    reference::conv2d_int8(window, rq, in, input, filter, filter_data, bias, out, output);
    return;
  }
  const ConvScratch work = carve_conv_scratch(scratch, k, out.c);
  const int64_t bound = accumulator_bound(k, rq.input_offset, 0, bias, out.c);
  if (fits_fast_requant(bound, rq, out.c)) {
    FastChannel* table = work.channels;
    for (int32_t c = 0; c < out.c; ++c) table[c] = make_fast_channel(rq.multiplier(c), rq.shift(c));
    const FastRequant fast{table, 1 + 2 * rq.output_offset, rq.act_min, rq.act_max};
    // In-kernel requantization: y = x - [x<0] and (z >> e) = (y >> (e-1)) for e >= 1 (dsp.h).
    int32_t* kernel_table = work.kernel_table;
    InKernelRequant kr{nullptr, 1 + 2 * rq.output_offset, splat16(rq.act_min), splat16(rq.act_max)};
    bool all_right = true;
    for (int32_t c = 0; c < out.c; ++c) all_right = all_right && table[c].post_shift >= 1;
    if (all_right) {
      for (int32_t c = 0; c < out.c; ++c) {
        kernel_table[3 * c] = table[c].multiplier;
        kernel_table[3 * c + 1] = static_cast<int32_t>(table[c].pre_shift);
        kernel_table[3 * c + 2] = static_cast<int32_t>(table[c].post_shift) - 1;
      }
      kr.table = kernel_table;
    }
    conv_pixels(window, rq.input_offset, in, input, filter, filter_data, bias, out, output, fast, kr, work);
  } else {
    const GeneralRequant general{rq};
    const InKernelRequant none{nullptr, 0, 0, 0};
    conv_pixels(window, rq.input_offset, in, input, filter, filter_data, bias, out, output, general, none, work);
  }
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

namespace {
std::size_t conv_2d_int8_scratch(const kernels::ScratchQuery& q) {
  return kernels::cortex_m7::conv2d_int8_scratch_bytes(q.in, q.filter, q.out);
}
}  // namespace

TINYINFER_KERNEL_LIST(conv_2d_int8_cortex_m7,
                      {&kConv2dOp, "conv_2d_int8_cortex_m7", KernelChoice::kOptimized, signature({kI8, kI8, kI32}, kI8),
                       kernel_entry<kernels::Conv2dInt8Fn, kernels::cortex_m7::conv2d_int8>(), conv_2d_int8_scratch});

}  // namespace tinyinfer
