// The reference BATCH_MATMUL walk (one body for float32, int8 and int16):
// for every output batch (broadcast over up to three leading dimensions, as
// TFLite's rank-5 limit leaves) and element (i, j), the sum over k of
// lhs(i, k) * rhs(k, j), in TFLite's order of k, then finish(sum).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "ops/common/mm16_int16.h"

namespace tinyinfer::kernels {

struct MatMulGeometry {
  // Output batch dimensions (leading ones padded with 1) and, per input, the
  // element stride of each (0 where that input broadcasts).
  int32_t batch[3] = {1, 1, 1};
  int64_t lhs_stride[3] = {0, 0, 0}, rhs_stride[3] = {0, 0, 0};
  int32_t rows = 1, cols = 1, depth = 1;  // output rows x cols, depth summed
  bool adj_x = false, adj_y = false;      // lhs stored [depth, rows] / rhs [cols, depth]
};

// int8 / int16 (zero points 0) BATCH_MATMUL: TFLite's per-tensor rescale of
// the sum of (lhs - lhs zero point) * (rhs - rhs zero point), no activation.
struct MatMulQuant {
  int32_t lhs_offset = 0, rhs_offset = 0, output_offset = 0;
  int32_t multiplier = 0, shift = 0;
  int32_t act_min = 0, act_max = 0;
};

namespace reference {

template <typename Acc, typename T, typename Out, typename Product, typename Finish>
void matmul_walk(const MatMulGeometry& g, const T* lhs, const T* rhs, Out* output, Product product, Finish finish) {
  const std::ptrdiff_t rows = g.rows, cols = g.cols, depth = g.depth;
  // Element steps along i and k of lhs, and along k and j of rhs.
  const std::ptrdiff_t lhs_i = g.adj_x ? 1 : depth, lhs_k = g.adj_x ? rows : 1;
  const std::ptrdiff_t rhs_k = g.adj_y ? 1 : cols, rhs_j = g.adj_y ? depth : 1;
  Out* out = output;
  for (int32_t b0 = 0; b0 < g.batch[0]; ++b0) {
    for (int32_t b1 = 0; b1 < g.batch[1]; ++b1) {
      for (int32_t b2 = 0; b2 < g.batch[2]; ++b2) {
        const T* l = lhs + b0 * g.lhs_stride[0] + b1 * g.lhs_stride[1] + b2 * g.lhs_stride[2];
        const T* r = rhs + b0 * g.rhs_stride[0] + b1 * g.rhs_stride[1] + b2 * g.rhs_stride[2];
        for (std::ptrdiff_t i = 0; i < rows; ++i) {
          for (std::ptrdiff_t j = 0; j < cols; ++j) {
            Acc acc = 0;
            for (std::ptrdiff_t k = 0; k < depth; ++k)
              acc += product(l[i * lhs_i + k * lhs_k], r[k * rhs_k + j * rhs_j]);
            *out++ = finish(acc);
          }
        }
      }
    }
  }
}

// int8 / int16: zero-point-corrected products summed in 64 bits; int8 then
// rescales the sum as TFLite's int32 accumulator holds it (wrapped) with the
// 32-bit rescale, int16 the whole sum with the 64-bit one.
template <typename T>
void quantized_matmul(const MatMulGeometry& g, const MatMulQuant& q, const T* lhs, const T* rhs, T* output) {
  matmul_walk<int64_t>(
      g, lhs, rhs, output, [&q](T a, T b) { return int64_t{int32_t{a} + q.lhs_offset} * (int32_t{b} + q.rhs_offset); },
      [&q](int64_t acc) {
        int32_t v = sizeof(T) == 1
                        ? quant::multiply_by_quantized_multiplier(quant::wrap_to_int32(acc), q.multiplier, q.shift)
                        : quant::multiply_by_quantized_multiplier_64(acc, q.multiplier, q.shift);
        v += q.output_offset;
        return static_cast<T>(std::min(std::max(v, q.act_min), q.act_max));
      });
}

}  // namespace reference
}  // namespace tinyinfer::kernels
