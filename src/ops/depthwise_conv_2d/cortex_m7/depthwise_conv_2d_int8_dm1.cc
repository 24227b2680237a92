// DEPTHWISE_CONV_2D int8, depth_multiplier 1, any filter size: each output
// channel is its own sum over the taps, so SIMD runs across channels. Four
// adjacent channels of a tap come in one 32-bit input load; SXTAB16 splits
// them into (c0,c2),(c1,c3) int16 lanes (input + input_offset) and
// SMLABB/SMLATT accumulate one channel each. The channel tail is scalar.
#include "dsp/armv7em_simd.h"
#include "ops/depthwise_conv_2d/cortex_m7/depthwise_conv_2d_int8_paths.h"

namespace tinyinfer::kernels::cortex_m7::depthwise_int8_paths {

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

}  // namespace tinyinfer::kernels::cortex_m7::depthwise_int8_paths
