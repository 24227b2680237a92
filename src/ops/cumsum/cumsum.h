// CUMSUM: running sums along one axis, optionally exclusive (each output
// leaves out its own element) and/or reverse (from the end of the axis).
#pragma once

#include <cstdint>

#include "ops/common/reduce_rescale.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kCumsumOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// The tensor seen as [outer, depth, inner], summed along depth.
struct CumsumParams {
  int64_t outer = 1;
  int64_t depth = 1;
  int64_t inner = 1;
  int32_t axis = 0;  // for describe()
  bool exclusive = false;
  bool reverse = false;
  SumRescale rescale;  // int8 only
};

using CumsumFn = void (*)(const CumsumParams& p, const void* input, void* output);

namespace reduce {

// One running sum per (outer, inner) line: acc starts at `start`, each input
// enters as scale_in(x) through add(), each output is scale_out(acc).
template <typename T, typename Acc, typename Add, typename In, typename Out>
void cumsum_lines(const CumsumParams& p, const T* in, T* out, Acc start, Add add, In scale_in, Out scale_out) {
  const int64_t step = p.reverse ? -p.inner : p.inner;
  const int64_t first = p.reverse ? (p.depth - 1) * p.inner : 0;
  for (int64_t o = 0; o < p.outer; ++o) {
    for (int64_t i = 0; i < p.inner; ++i) {
      int64_t at = o * p.depth * p.inner + i + first;
      Acc acc = start;
      for (int64_t k = 0; k < p.depth; ++k, at += step) {
        const Acc x = scale_in(in[at]);
        if (p.exclusive) {
          out[at] = scale_out(acc);
          acc = add(acc, x);
        } else {
          acc = add(acc, x);
          out[at] = scale_out(acc);
        }
      }
    }
  }
}

}  // namespace reduce

namespace reference {
void cumsum_float32(const CumsumParams& p, const void* input, void* output);
void cumsum_int8(const CumsumParams& p, const void* input, void* output);
void cumsum_int32(const CumsumParams& p, const void* input, void* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
