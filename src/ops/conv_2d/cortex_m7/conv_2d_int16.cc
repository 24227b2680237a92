// CONV_2D int16x8 for ARMv7E-M: per output pixel the input patch (filter_h x
// filter_w x channels, one copy per tap; taps outside the input are 0 - the
// 16x8 scheme's zero point, so they add nothing, as the reference skips them)
// is gathered, turned into the paired row layout of common/cortex_m7/
// mm16_dot.h in place, and every output channel's filter row, which has the
// patch's order, is dotted against it with SMLALD. Bit-exact with the
// reference.
#include <cstddef>
#include <cstring>

#include "ops/common/cortex_m7/mm16_dot.h"
#include "ops/conv_2d/conv_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

// The patch of output pixel (n, oy, ox) in plain order, k = (ky * filter.w +
// kx) * c + ic: one copy per tap, zeros for taps outside the input.
void gather_patch(const Window& window, const Dims4& in, const int16_t* input, const Dims4& filter, int32_t n,
                  int32_t oy, int32_t ox, int16_t* row) {
  const std::size_t tap_bytes = sizeof(int16_t) * static_cast<std::size_t>(filter.c);
  const int32_t y0 = oy * window.stride_h - window.pad_top;
  const int32_t x0 = ox * window.stride_w - window.pad_left;
  for (int32_t ky = 0; ky < filter.h; ++ky) {
    const int32_t iy = y0 + ky * window.dilation_h;
    for (int32_t kx = 0; kx < filter.w; ++kx, row += filter.c) {
      const int32_t ix = x0 + kx * window.dilation_w;
      if (iy >= 0 && iy < in.h && ix >= 0 && ix < in.w) {
        std::memcpy(row, input + ((static_cast<std::ptrdiff_t>(n) * in.h + iy) * in.w + ix) * in.c, tap_bytes);
      } else {
        std::memset(row, 0, tap_bytes);
      }
    }
  }
}

template <typename Bias>
void conv2d_int16x8(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input, const Dims4& filter,
                    const int8_t* filter_data, const Bias* bias, const Dims4& out, int16_t* output, void* scratch) {
  const int32_t depth = filter.h * filter.w * filter.c;
  int16_t* const row = static_cast<int16_t*>(scratch);
  for (int32_t n = 0; n < out.n; ++n) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        gather_patch(window, in, input, filter, n, oy, ox, row);
        mm16_pair_in_place(row, depth);
        int16_t* pixel = output + ((static_cast<std::ptrdiff_t>(n) * out.h + oy) * out.w + ox) * out.c;
        mm16_dot_units(row, depth, filter_data, out.c, bias, rq, pixel, 1);
      }
    }
  }
}

bool fast_path(const Requant& rq, const Dims4& in, const Dims4& filter, void* scratch) {
  return scratch != nullptr && filter.c == in.c && filter.h * filter.w * filter.c > 0 && rq.input_offset == 0;
}

}  // namespace

std::size_t conv2d_int16_scratch_bytes(const Dims4& in, const Dims4& filter) {
  return filter.c == in.c ? mm16_row_bytes(filter.h * filter.w * filter.c) : 0;
}

void conv2d_int16(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input, const Dims4& filter,
                  const int8_t* filter_data, const int64_t* bias, const Dims4& out, int16_t* output, void* scratch) {
  if (!fast_path(rq, in, filter, scratch)) {
    reference::conv2d_int16(window, rq, in, input, filter, filter_data, bias, out, output);
    return;
  }
  conv2d_int16x8(window, rq, in, input, filter, filter_data, bias, out, output, scratch);
}

void conv2d_int16_bias32(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input,
                         const Dims4& filter, const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                         int16_t* output, void* scratch) {
  if (!fast_path(rq, in, filter, scratch)) {
    reference::conv2d_int16_bias32(window, rq, in, input, filter, filter_data, bias, out, output);
    return;
  }
  conv2d_int16x8(window, rq, in, input, filter, filter_data, bias, out, output, scratch);
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

namespace {
// The paired patch is the only scratch; with small_arena the reference
// kernel runs instead (no scratch, more instructions).
std::size_t conv_2d_int16_scratch(const kernels::ScratchQuery& q) {
  return q.small_arena ? 0 : kernels::cortex_m7::conv2d_int16_scratch_bytes(q.in, q.filter);
}
}  // namespace

TINYINFER_KERNEL_LIST(
    conv_2d_int16_cortex_m7,
    {&kConv2dOp, "conv_2d_int16_cortex_m7", KernelChoice::kOptimized, signature({kI16, kI8, kI64}, kI16),
     kernel_entry<kernels::Conv2dInt16Fn, kernels::cortex_m7::conv2d_int16>(), conv_2d_int16_scratch},
    {&kConv2dOp, "conv_2d_int16_cortex_m7", KernelChoice::kOptimized, signature({kI16, kI8, kI32}, kI16),
     kernel_entry<kernels::Conv2dInt16Bias32Fn, kernels::cortex_m7::conv2d_int16_bias32>(), conv_2d_int16_scratch});

}  // namespace tinyinfer
