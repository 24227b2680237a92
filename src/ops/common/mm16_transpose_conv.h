// The reference TRANSPOSE_CONV walk, one body for float32, int8 and int16x8:
// every input element, in TFLite's order (batch, in_y, in_x, in_c, filter_y,
// filter_x, out_c), adds product(x, w) to the accumulator of each output it
// reaches (outputs cut off by the padding are skipped); then every output is
// finish(accumulator, out_c).
#pragma once

#include <algorithm>
#include <cstddef>

#include "ops/common/window_walk.h"

namespace tinyinfer::kernels::reference {

template <typename Acc, typename In, typename W, typename Out, typename Product, typename Finish>
void transpose_conv_walk(const Window& window, const Dims4& in, const In* input, const Dims4& filter,
                         const W* filter_data, const Dims4& out, Out* output, Acc* acc, Product product,
                         Finish finish) {
  const auto count = static_cast<std::ptrdiff_t>(out.elements());
  std::fill(acc, acc + count, Acc{0});
  for (int32_t b = 0; b < in.n; ++b) {
    for (int32_t iy = 0; iy < in.h; ++iy) {
      for (int32_t ix = 0; ix < in.w; ++ix) {
        for (int32_t ic = 0; ic < in.c; ++ic) {
          const In x = input[nhwc_index(in, b, iy, ix, ic)];
          for (int32_t ky = 0; ky < filter.h; ++ky) {
            const int32_t oy = iy * window.stride_h - window.pad_top + ky;
            for (int32_t kx = 0; kx < filter.w; ++kx) {
              const int32_t ox = ix * window.stride_w - window.pad_left + kx;
              if (!inside(out, oy, ox)) continue;
              Acc* sums = acc + nhwc_index(out, b, oy, ox, 0);
              for (int32_t oc = 0; oc < out.c; ++oc)
                sums[oc] += product(x, filter_data[nhwc_index(filter, oc, ky, kx, ic)]);
            }
          }
        }
      }
    }
  }
  for (std::ptrdiff_t i = 0; i < count; ++i) output[i] = finish(acc[i], static_cast<int32_t>(i % out.c));
}

}  // namespace tinyinfer::kernels::reference
