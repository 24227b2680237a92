// ARG_MAX / ARG_MIN: the index of the largest / smallest element along one
// axis, written as int32 or int64. The input is seen as [outer, axis, inner];
// the first of equal elements wins, as in TFLite (Micro).
#pragma once

#include <cstddef>
#include <cstdint>

#include "tinyinfer/status.h"

namespace tinyinfer {

class PrepareContext;
struct EvalContext;
struct Node;
struct TensorSlot;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

struct ArgMinMaxParams {
  int64_t outer = 1;
  int64_t axis_size = 1;
  int64_t inner = 1;
  int32_t axis = 0;  // for describe()
  bool int64_output = false;
};

using ArgMinMaxFn = void (*)(const ArgMinMaxParams& p, const void* input, void* output);

namespace reduce {

// out[o, i] = the first a with no element of in[o, *, i] `better` than
// in[o, a, i] (TFLM compares with a plain > or <: a NaN is never better, and
// one at index 0 stays chosen).
template <typename T, typename Better>
void arg_select(const ArgMinMaxParams& p, const T* in, void* output, Better better) {
  auto* out32 = static_cast<int32_t*>(output);
  auto* out64 = static_cast<int64_t*>(output);
  for (int64_t o = 0; o < p.outer; ++o) {
    const T* block = in + o * p.axis_size * p.inner;
    for (int64_t i = 0; i < p.inner; ++i) {
      int64_t chosen = 0;
      if (p.axis_size > 0) {
        T value = block[i];
        for (int64_t a = 1; a < p.axis_size; ++a) {
          const T x = block[a * p.inner + i];
          if (better(x, value)) {
            value = x;
            chosen = a;
          }
        }
      }
      const int64_t at = o * p.inner + i;
      if (p.int64_output) {
        out64[at] = chosen;
      } else {
        out32[at] = static_cast<int32_t>(chosen);
      }
    }
  }
}

}  // namespace reduce
}  // namespace tinyinfer::kernels

namespace tinyinfer {

// Inputs (input, axis): a constant int32/int64 axis of one element in
// [-rank, rank); output of the input's shape without that axis, int32 or
// int64 (the kernel signature input type -> output type).
Status prepare_arg_min_max(PrepareContext& ctx);
void eval_arg_min_max(const EvalContext& ctx);
int64_t arg_min_max_macs(const Node& node, const TensorSlot* tensors);
void describe_arg_min_max(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size);

}  // namespace tinyinfer
