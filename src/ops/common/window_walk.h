// The window walk of the reference CONV_2D and DEPTHWISE_CONV_2D, one body
// for float, int8 and hybrid: for every output element, sum product(x, w)
// over the taps that fall inside the input (skipping the rest is zero
// padding for float and "zero point" padding for int8: the tap contributes
// nothing rather than input_offset * w), then store finish(sum, oc).
#pragma once

#include <algorithm>
#include <cstddef>

#include "dsp/fixed_point.h"
#include "ops/common/kernel_types.h"

namespace tinyinfer::kernels::reference {

inline std::ptrdiff_t nhwc_index(const Dims4& d, int32_t n, int32_t y, int32_t x, int32_t c) {
  return ((static_cast<std::ptrdiff_t>(n) * d.h + y) * d.w + x) * d.c + c;
}

inline bool inside(const Dims4& in, int32_t y, int32_t x) { return y >= 0 && y < in.h && x >= 0 && x < in.w; }

// ---- products and finishers per element type ----
struct FloatProduct {
  float operator()(float x, float w) const { return x * w; }
};
struct HybridProduct {
  float operator()(float x, int8_t w) const { return x * static_cast<float>(w); }
};
struct Int8Product {
  int32_t input_offset;
  int32_t operator()(int8_t x, int8_t w) const { return (int32_t{x} + input_offset) * int32_t{w}; }
};

struct FloatFinish {
  const float* bias;
  FloatClamp clamp;
  float operator()(float acc, int32_t oc) const {
    const float value = acc + (bias ? bias[oc] : 0.0f);
    return std::min(std::max(value, clamp.min), clamp.max);
  }
};
// Hybrid: the per-channel weight scale factors out of the sum, applied once.
struct HybridFinish {
  const float* scales;
  const float* bias;
  FloatClamp clamp;
  float operator()(float acc, int32_t oc) const {
    const float value = acc * scales[oc] + (bias ? bias[oc] : 0.0f);
    return std::min(std::max(value, clamp.min), clamp.max);
  }
};
// int8: TFLite's requantization of the int32 sum (per output channel).
struct Int8Finish {
  const int32_t* bias;
  const Requant& rq;
  int8_t operator()(int32_t acc, int32_t oc) const {
    if (bias) acc += bias[oc];
    acc = quant::multiply_by_quantized_multiplier(acc, rq.multiplier(oc), rq.shift(oc));
    acc += rq.output_offset;
    return static_cast<int8_t>(std::min(std::max(acc, rq.act_min), rq.act_max));
  }
};

// Sum over the filter taps of output (oy, ox), in order: tap(acc, iy, ix,
// ky, kx) adds one tap's products to acc; taps outside the input are skipped.
template <typename Acc, typename Tap>
Acc sum_window(const Window& window, const Dims4& in, const Dims4& filter, int32_t oy, int32_t ox, Tap tap) {
  const int32_t in_y_origin = oy * window.stride_h - window.pad_top;
  const int32_t in_x_origin = ox * window.stride_w - window.pad_left;
  Acc acc = 0;
  for (int32_t ky = 0; ky < filter.h; ++ky) {
    const int32_t iy = in_y_origin + ky * window.dilation_h;
    for (int32_t kx = 0; kx < filter.w; ++kx) {
      const int32_t ix = in_x_origin + kx * window.dilation_w;
      if (inside(in, iy, ix)) tap(acc, iy, ix, ky, kx);
    }
  }
  return acc;
}

// CONV_2D in TFLite's loop order (batch, out_y, out_x, out_c, filter_y,
// filter_x, in_c). Grouped conv (filter in_c dividing the input depth):
// output channel oc reads input channels [group start, + filter.c).
template <typename Acc, typename In, typename W, typename Out, typename Product, typename Finish>
void conv_walk(const Window& window, const Dims4& in, const In* input, const Dims4& filter, const W* filter_data,
               const Dims4& out, Out* output, Product product, Finish finish) {
  const int32_t groups = in.c / filter.c;
  const int32_t filters_per_group = out.c / groups;
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        for (int32_t oc = 0; oc < out.c; ++oc) {
          const int32_t ic0 = (oc / filters_per_group) * filter.c;
          const Acc acc = sum_window<Acc>(window, in, filter, oy, ox,
                                          [&](Acc& sum, int32_t iy, int32_t ix, int32_t ky, int32_t kx) {
                                            for (int32_t ic = 0; ic < filter.c; ++ic) {
                                              sum += product(input[nhwc_index(in, b, iy, ix, ic0 + ic)],
                                                             filter_data[nhwc_index(filter, oc, ky, kx, ic)]);
                                            }
                                          });
          output[nhwc_index(out, b, oy, ox, oc)] = finish(acc, oc);
        }
      }
    }
  }
}

// DEPTHWISE_CONV_2D in TFLite's loop order (batch, out_y, out_x, in_c,
// multiplier, filter_y, filter_x): output channel oc = ic * dm + m reads only
// input channel ic.
template <typename Acc, typename In, typename W, typename Out, typename Product, typename Finish>
void depthwise_walk(const Window& window, int32_t depth_multiplier, const Dims4& in, const In* input,
                    const Dims4& filter, const W* filter_data, const Dims4& out, Out* output, Product product,
                    Finish finish) {
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        for (int32_t ic = 0; ic < in.c; ++ic) {
          for (int32_t m = 0; m < depth_multiplier; ++m) {
            const int32_t oc = ic * depth_multiplier + m;
            const Acc acc = sum_window<Acc>(
                window, in, filter, oy, ox, [&](Acc& sum, int32_t iy, int32_t ix, int32_t ky, int32_t kx) {
                  sum += product(input[nhwc_index(in, b, iy, ix, ic)], filter_data[nhwc_index(filter, 0, ky, kx, oc)]);
                });
            output[nhwc_index(out, b, oy, ox, oc)] = finish(acc, oc);
          }
        }
      }
    }
  }
}

}  // namespace tinyinfer::kernels::reference
