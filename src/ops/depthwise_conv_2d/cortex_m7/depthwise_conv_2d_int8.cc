// DEPTHWISE_CONV_2D int8 for ARMv7E-M. Each output channel is its own sum
// over the taps, so SIMD runs across channels: with depth_multiplier 1, four
// adjacent channels of a tap come in one 32-bit load of the input and one of
// the filter; SXTAB16/SXTB16 split them into (c0,c2),(c1,c3) int16 lanes
// (input + input_offset) and SMLABB/SMLATT accumulate one channel each.
// The taps inside the image are found once per output pixel, so padding
// costs nothing (a skipped tap is the reference's "contributes nothing").
// Other depth multipliers and the channel tail use the same tap ranges with
// scalar multiply-adds. Requantization as in dsp.h (bit-exact).
// This file: the dispatcher, the one-channel path and the generic loop; the
// fast paths are in depthwise_conv_2d_int8_dm1.cc and _3x3.cc.
#include "dsp/armv7em_simd.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/depthwise_conv_2d/cortex_m7/depthwise_conv_2d_int8_paths.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

using depthwise_int8_paths::carve_3x3;
using depthwise_int8_paths::carve_dm1;
using depthwise_int8_paths::depthwise_3x3_dm1;
using depthwise_int8_paths::depthwise_dm1_fast;
using depthwise_int8_paths::tap_range;

inline int8_t requant_channel(int32_t acc, const Requant& rq, int32_t oc) {
  return finish(requantize(acc, make_channel_requant(rq.multiplier(oc), rq.shift(oc))), rq.output_offset, rq.act_min,
                rq.act_max);
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
