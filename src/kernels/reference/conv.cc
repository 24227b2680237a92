// Reference CONV_2D: direct convolution in TFLite's loop order (batch, out_y,
// out_x, out_c, filter_y, filter_x, in_c). Taps that fall outside the input
// are skipped, which is zero padding for float and "zero point" padding for
// int8 (the tap contributes nothing rather than input_offset * filter).
#include <algorithm>
#include <cstddef>

#include "kernels/reference/reference.h"
#include "quant/fixed_point.h"

namespace tinyinfer::kernels::reference {
namespace {

std::ptrdiff_t nhwc_index(const Dims4& d, int32_t n, int32_t y, int32_t x, int32_t c) {
  return ((static_cast<std::ptrdiff_t>(n) * d.h + y) * d.w + x) * d.c + c;
}

bool inside(const Dims4& in, int32_t y, int32_t x) {
  return y >= 0 && y < in.h && x >= 0 && x < in.w;
}

// Grouped conv (TFLite allows filter in_c to divide input depth): output
// channel oc reads input channels [first_input_channel, + filter.c).
int32_t first_input_channel(const Dims4& in, const Dims4& filter, const Dims4& out, int32_t oc) {
  const int32_t groups = in.c / filter.c;
  const int32_t filters_per_group = out.c / groups;
  return (oc / filters_per_group) * filter.c;
}

}  // namespace

void conv2d_float(const Window& window, const FloatClamp& clamp, const Dims4& in,
                  const float* input, const Dims4& filter, const float* filter_data,
                  const float* bias, const Dims4& out, float* output) {
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      const int32_t in_y_origin = oy * window.stride_h - window.pad_top;
      for (int32_t ox = 0; ox < out.w; ++ox) {
        const int32_t in_x_origin = ox * window.stride_w - window.pad_left;
        for (int32_t oc = 0; oc < out.c; ++oc) {
          const int32_t ic0 = first_input_channel(in, filter, out, oc);
          float acc = 0.0f;
          for (int32_t ky = 0; ky < filter.h; ++ky) {
            const int32_t iy = in_y_origin + ky * window.dilation_h;
            for (int32_t kx = 0; kx < filter.w; ++kx) {
              const int32_t ix = in_x_origin + kx * window.dilation_w;
              if (!inside(in, iy, ix)) continue;
              for (int32_t ic = 0; ic < filter.c; ++ic) {
                acc += input[nhwc_index(in, b, iy, ix, ic0 + ic)] *
                       filter_data[nhwc_index(filter, oc, ky, kx, ic)];
              }
            }
          }
          const float with_bias = acc + (bias ? bias[oc] : 0.0f);
          output[nhwc_index(out, b, oy, ox, oc)] =
              std::min(std::max(with_bias, clamp.min), clamp.max);
        }
      }
    }
  }
}

void conv2d_int8(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input,
                 const Dims4& filter, const int8_t* filter_data, const int32_t* bias,
                 const Dims4& out, int8_t* output) {
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      const int32_t in_y_origin = oy * window.stride_h - window.pad_top;
      for (int32_t ox = 0; ox < out.w; ++ox) {
        const int32_t in_x_origin = ox * window.stride_w - window.pad_left;
        for (int32_t oc = 0; oc < out.c; ++oc) {
          const int32_t ic0 = first_input_channel(in, filter, out, oc);
          int32_t acc = 0;
          for (int32_t ky = 0; ky < filter.h; ++ky) {
            const int32_t iy = in_y_origin + ky * window.dilation_h;
            for (int32_t kx = 0; kx < filter.w; ++kx) {
              const int32_t ix = in_x_origin + kx * window.dilation_w;
              if (!inside(in, iy, ix)) continue;
              for (int32_t ic = 0; ic < filter.c; ++ic) {
                const int32_t input_value = input[nhwc_index(in, b, iy, ix, ic0 + ic)];
                const int32_t filter_value = filter_data[nhwc_index(filter, oc, ky, kx, ic)];
                acc += (input_value + rq.input_offset) * filter_value;
              }
            }
          }
          if (bias) acc += bias[oc];
          acc = quant::multiply_by_quantized_multiplier(acc, rq.multiplier(oc), rq.shift(oc));
          acc += rq.output_offset;
          acc = std::min(std::max(acc, rq.act_min), rq.act_max);
          output[nhwc_index(out, b, oy, ox, oc)] = static_cast<int8_t>(acc);
        }
      }
    }
  }
}

void conv2d_hybrid(const Window& window, const FloatClamp& clamp, const Dims4& in,
                   const float* input, const Dims4& filter, const int8_t* filter_data,
                   const float* filter_scales, const float* bias, const Dims4& out,
                   float* output) {
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      const int32_t in_y_origin = oy * window.stride_h - window.pad_top;
      for (int32_t ox = 0; ox < out.w; ++ox) {
        const int32_t in_x_origin = ox * window.stride_w - window.pad_left;
        for (int32_t oc = 0; oc < out.c; ++oc) {
          const int32_t ic0 = first_input_channel(in, filter, out, oc);
          float acc = 0.0f;
          for (int32_t ky = 0; ky < filter.h; ++ky) {
            const int32_t iy = in_y_origin + ky * window.dilation_h;
            for (int32_t kx = 0; kx < filter.w; ++kx) {
              const int32_t ix = in_x_origin + kx * window.dilation_w;
              if (!inside(in, iy, ix)) continue;
              for (int32_t ic = 0; ic < filter.c; ++ic) {
                acc += input[nhwc_index(in, b, iy, ix, ic0 + ic)] *
                       static_cast<float>(filter_data[nhwc_index(filter, oc, ky, kx, ic)]);
              }
            }
          }
          // The per-channel scale factors out of the sum: apply it once.
          const float value = acc * filter_scales[oc] + (bias ? bias[oc] : 0.0f);
          output[nhwc_index(out, b, oy, ox, oc)] = std::min(std::max(value, clamp.min), clamp.max);
        }
      }
    }
  }
}

}  // namespace tinyinfer::kernels::reference
