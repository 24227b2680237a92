// Optimized CONV_2D for float and hybrid (int8 weights with a per-output-
// channel float scale, float activations).
//
// Math (same as the reference): out[b,y,x,oc] = clamp(sum_taps in * w + bias)
// for float, clamp(scale[oc] * sum_taps in * float(q) + bias) for hybrid.
// Taps outside the input contribute nothing (zero padding). Only the
// accumulation order differs from the reference, so results agree within
// float rounding, not bit for bit.
//
// Shape of the computation: for dilation_w == 1 the taps of one filter row
// are one contiguous run of filter_w * in_c floats in the input (NHWC) and in
// the filter ([oc, kh, kw, ic]), so every output is a few dot products of
// contiguous runs. A block of up to 3 neighbouring output pixels x 4 output
// channels keeps 12 accumulators in registers and shares each loaded input
// and weight among 3-4 multiply-adds. Border pixels (window partly outside)
// get their own clipped runs, so the interior has no bounds checks. Hybrid
// weights of one 4-channel block are widened to float once (on the stack)
// and reused by every output pixel.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "dsp/float_dot.h"
#include "ops/conv_2d/conv_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

// Taps of one output block that lie inside the input, as `rows` x `cols` runs
// of `len` consecutive floats. Offsets are in elements.
struct Runs {
  int32_t rows = 0, cols = 0, len = 0;
  int32_t in_row_step = 0, in_col_step = 0;
  int32_t w_row_step = 0, w_col_step = 0;
};

// Geometry shared by all blocks of one call.
struct ConvGeometry {
  Window window;
  Dims4 in, filter, out;
  int32_t w_oc_stride;  // elements per output channel in the filter
};

// First and one-past-last filter tap along one axis whose input coordinate
// origin + k * dilation lies in [0, size).
void clip_taps(int32_t origin, int32_t taps, int32_t dilation, int32_t size, int32_t* begin, int32_t* end) {
  int32_t b = 0;
  while (b < taps && origin + b * dilation < 0) ++b;
  int32_t e = taps;
  while (e > b && origin + (e - 1) * dilation >= size) --e;
  *begin = b;
  *end = e;
}

// P output pixels (same row, consecutive x, identical clipped window) x O
// output channels. in[p] points at the first valid tap of pixel p, w at the
// first valid tap of output channel oc0.
// out[p][oc0 + o] = clamp(acc + bias) or clamp(acc * scale + bias), the
// reference's expressions. The clamp uses maxNum/minNum (VMAXNM/VMINNM on the
// M7, one instruction each); it differs from std::min/max only for NaN.
template <int P, int O>
inline void store_block(const float (&acc)[P][O], const float* scales, const float* bias, int32_t oc0,
                        const FloatClamp& clamp, float* const (&out)[P]) {
  for (int o = 0; o < O; ++o) {
    const float b = bias ? bias[oc0 + o] : 0.0f;
    const float s = scales ? scales[oc0 + o] : 1.0f;
    for (int p = 0; p < P; ++p) {
      const float v = scales ? acc[p][o] * s + b : acc[p][o] + b;
      out[p][oc0 + o] = std::fmin(std::fmax(v, clamp.min), clamp.max);
    }
  }
}

template <int P, int O, typename W>
inline void conv_block(const ConvGeometry& g, const Runs& r, const float* const (&in)[P], const W* w,
                       const float* scales, const float* bias, int32_t oc0, const FloatClamp& clamp,
                       float* const (&out)[P]) {
  float acc[P][O];
#if defined(TINYINFER_M7_FLOAT_ASM)
  if constexpr (O == 4 && std::is_same_v<W, float> && P <= 3) {
    // One row run per filter row, all a multiple of 4 long: the whole block
    // in one assembly loop nest.
    if (r.cols == 1 && r.rows > 0 && r.len >= 4 && (r.len & 3) == 0) {
      const M7RowSteps steps{r.len >> 2, (r.in_row_step - r.len) * 4, (r.w_row_step - r.len) * 4};
      const float* a[P];
      const float* wo[4];
      for (int p = 0; p < P; ++p) a[p] = in[p];
      for (int o = 0; o < 4; ++o) wo[o] = w + static_cast<std::ptrdiff_t>(o) * g.w_oc_stride;
      if constexpr (P == 1) m7_rows_1x4(a, wo, r.rows, &steps, acc);
      if constexpr (P == 2) m7_rows_2x4(a, wo, r.rows, &steps, acc);
      if constexpr (P == 3) m7_rows_3x4(a, wo, r.rows, &steps, acc);
      store_block<P, O>(acc, scales, bias, oc0, clamp, out);
      return;
    }
  }
#endif
  for (int p = 0; p < P; ++p)
    for (int o = 0; o < O; ++o) acc[p][o] = 0.0f;
  for (int32_t row = 0; row < r.rows; ++row) {
    for (int32_t col = 0; col < r.cols; ++col) {
      const int32_t in_off = row * r.in_row_step + col * r.in_col_step;
      const int32_t w_off = row * r.w_row_step + col * r.w_col_step;
      const float* a[P];
      const W* wo[O];
      for (int p = 0; p < P; ++p) a[p] = in[p] + in_off;
      for (int o = 0; o < O; ++o) wo[o] = w + static_cast<std::ptrdiff_t>(o) * g.w_oc_stride + w_off;
      run_dot<P, O, W>(a, wo, r.len, acc);
    }
  }
  store_block<P, O>(acc, scales, bias, oc0, clamp, out);
}

// All output pixels of batch b for output channels [oc0, oc0 + O). w points
// at the filter of oc0 (float or int8, w_oc_stride apart).
template <int O, typename W>
void conv_channels(const ConvGeometry& g, const FloatClamp& clamp, int32_t b, const float* input, const W* w,
                   const float* scales, const float* bias, int32_t oc0, float* output) {
  const Window& win = g.window;
  const Dims4& in = g.in;
  const Dims4& f = g.filter;
  const Dims4& out = g.out;
  const int32_t c = in.c;
  const int32_t pixel_step = win.stride_w * c;
  for (int32_t oy = 0; oy < out.h; ++oy) {
    const int32_t iy0 = oy * win.stride_h - win.pad_top;
    int32_t ky0, ky1;
    clip_taps(iy0, f.h, win.dilation_h, in.h, &ky0, &ky1);
    const float* in_row = input + (static_cast<std::ptrdiff_t>(b) * in.h + iy0 + ky0 * win.dilation_h) * in.w * c;
    float* out_row = output + (static_cast<std::ptrdiff_t>(b) * out.h + oy) * out.w * out.c;
    Runs r;
    r.rows = ky1 - ky0;
    r.in_row_step = win.dilation_h * in.w * c;
    r.w_row_step = f.w * c;
    const W* w_row = w + static_cast<std::ptrdiff_t>(ky0) * f.w * c;
    int32_t ox = 0;
    while (ox < out.w) {
      const int32_t ix0 = ox * win.stride_w - win.pad_left;
      int32_t kx0, kx1;
      clip_taps(ix0, f.w, win.dilation_w, in.w, &kx0, &kx1);
      if (win.dilation_w == 1) {
        r.cols = 1;
        r.len = (kx1 - kx0) * c;
      } else {
        r.cols = kx1 - kx0;
        r.in_col_step = win.dilation_w * c;
        r.w_col_step = c;
        r.len = c;
      }
      const float* first = in_row + (ix0 + kx0 * win.dilation_w) * c;
      const W* wk = w_row + kx0 * c;
      float* o0 = out_row + static_cast<std::ptrdiff_t>(ox) * out.c;
      // Neighbours with the full window share the runs: block them.
      int32_t n = 1;
      if (kx0 == 0 && kx1 == f.w) {
        while (n < 3 && ox + n < out.w && (ox + n) * win.stride_w - win.pad_left + (f.w - 1) * win.dilation_w < in.w) {
          ++n;
        }
      }
      if (n == 3) {
        const float* a[3] = {first, first + pixel_step, first + 2 * pixel_step};
        float* const o[3] = {o0, o0 + out.c, o0 + 2 * out.c};
        conv_block<3, O, W>(g, r, a, wk, scales, bias, oc0, clamp, o);
      } else if (n == 2) {
        const float* a[2] = {first, first + pixel_step};
        float* const o[2] = {o0, o0 + out.c};
        conv_block<2, O, W>(g, r, a, wk, scales, bias, oc0, clamp, o);
      } else {
        const float* a[1] = {first};
        float* const o[1] = {o0};
        conv_block<1, O, W>(g, r, a, wk, scales, bias, oc0, clamp, o);
      }
      ox += n;
    }
  }
}

// `count` (1..4) output channels from oc0. A remainder of 2 or 3 channels
// (output depths that are not a multiple of 4: rare) runs one channel at a
// time rather than through two more unrolled copies (5.5 KB of flash).
template <typename W>
void conv_channels_any(int32_t count, const ConvGeometry& g, const FloatClamp& clamp, int32_t b, const float* input,
                       const W* w, const float* scales, const float* bias, int32_t oc0, float* output) {
  if (count == 4) {
    conv_channels<4, W>(g, clamp, b, input, w, scales, bias, oc0, output);
    return;
  }
  for (int32_t k = 0; k < count; ++k) {
    conv_channels<1, W>(g, clamp, b, input, w + static_cast<std::ptrdiff_t>(k) * g.w_oc_stride, scales, bias, oc0 + k,
                        output);
  }
}

ConvGeometry make_geometry(const Window& window, const Dims4& in, const Dims4& filter, const Dims4& out) {
  ConvGeometry g;
  g.window = window;
  g.in = in;
  g.filter = filter;
  g.out = out;
  g.w_oc_stride = filter.h * filter.w * filter.c;
  return g;
}

// Hybrid weights of one 4-channel block widened to float in the call's
// scratch; larger filters convert on the fly inside the dot products instead
// (so the scratch stays at most 12 KiB).
constexpr int32_t kHybridBlockFloats = 3072;

bool hybrid_widens(const Dims4& filter) { return 4 * int64_t{filter.h} * filter.w * filter.c <= kHybridBlockFloats; }

}  // namespace

void conv2d_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                  const Dims4& filter, const float* filter_data, const float* bias, const Dims4& out, float* output,
                  void*) {
  if (filter.c != in.c) {  // grouped convolution: rare, keep the reference
    reference::conv2d_float(window, clamp, in, input, filter, filter_data, bias, out, output);
    return;
  }
  const ConvGeometry g = make_geometry(window, in, filter, out);
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oc = 0; oc < out.c; oc += 4) {
      const float* w = filter_data + static_cast<std::ptrdiff_t>(oc) * g.w_oc_stride;
      conv_channels_any<float>(std::min<int32_t>(4, out.c - oc), g, clamp, b, input, w, nullptr, bias, oc, output);
    }
  }
}

void conv2d_hybrid(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                   const Dims4& filter, const int8_t* filter_data, const float* filter_scales, const float* bias,
                   const Dims4& out, float* output, void* scratch) {
  if (filter.c != in.c) {
    reference::conv2d_hybrid(window, clamp, in, input, filter, filter_data, filter_scales, bias, out, output);
    return;
  }
  const ConvGeometry g = make_geometry(window, in, filter, out);
  const bool widen = hybrid_widens(filter);
  float* const block = ScratchCarver(scratch).take<float>(widen ? 4 * static_cast<std::size_t>(g.w_oc_stride) : 0);
  for (int32_t oc = 0; oc < out.c; oc += 4) {
    const int32_t count = std::min<int32_t>(4, out.c - oc);
    const int8_t* q = filter_data + static_cast<std::ptrdiff_t>(oc) * g.w_oc_stride;
    if (widen) {
      const int32_t n = count * g.w_oc_stride;
      widen_int8(q, n, block);
      for (int32_t b = 0; b < out.n; ++b) {
        conv_channels_any<float>(count, g, clamp, b, input, block, filter_scales, bias, oc, output);
      }
    } else {
      for (int32_t b = 0; b < out.n; ++b) {
        conv_channels_any<int8_t>(count, g, clamp, b, input, q, filter_scales, bias, oc, output);
      }
    }
  }
}

std::size_t conv2d_hybrid_scratch_bytes(const Dims4& in, const Dims4& filter) {
  if (filter.c != in.c || !hybrid_widens(filter)) return 0;
  return ScratchCarver::bytes_of<float>(4 * static_cast<std::size_t>(filter.h) * filter.w * filter.c);
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

namespace {
std::size_t conv_2d_hybrid_scratch(const kernels::ScratchQuery& q) {
  return kernels::cortex_m7::conv2d_hybrid_scratch_bytes(q.in, q.filter);
}
}  // namespace

TINYINFER_KERNEL_LIST(conv_2d_float32_cortex_m7,
                      {&kConv2dOp, "conv_2d_float32_cortex_m7", KernelChoice::kOptimized,
                       signature({kF32, kF32, kF32}, kF32),
                       kernel_entry<kernels::Conv2dFloatFn, kernels::cortex_m7::conv2d_float>(), nullptr});
// Hybrid: float activations, int8 weights.
TINYINFER_KERNEL_LIST(conv_2d_hybrid_cortex_m7,
                      {&kConv2dOp, "conv_2d_hybrid_cortex_m7", KernelChoice::kOptimized,
                       signature({kF32, kI8, kF32}, kF32),
                       kernel_entry<kernels::Conv2dHybridFn, kernels::cortex_m7::conv2d_hybrid>(),
                       conv_2d_hybrid_scratch});

}  // namespace tinyinfer
