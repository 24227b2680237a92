// SELECT_V2: output = condition ? x : y per element, the three inputs
// broadcast to the output (TFLite's rule over all three: a dimension of 1
// repeats). The values are copied raw (quantized types keep their bytes, as
// in TFLite).
#pragma once

#include <cstdint>

#include "ops/common/broadcast.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSelectV2Op;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// The three inputs described in the output's rank: dims of 1 broadcast. Rank 0
// is a single element.
struct SelectShape {
  int32_t rank = 0;
  int32_t out[kMaxBroadcastRank] = {};
  int32_t condition[kMaxBroadcastRank] = {};
  int32_t x[kMaxBroadcastRank] = {};
  int32_t y[kMaxBroadcastRank] = {};
};

template <typename T>
using SelectV2Fn = void (*)(const SelectShape& shape, const bool* condition, const T* x, const T* y, T* output);

namespace reference {

void select_v2_float(const SelectShape& shape, const bool* condition, const float* x, const float* y, float* output);
void select_v2_int8(const SelectShape& shape, const bool* condition, const int8_t* x, const int8_t* y, int8_t* output);
void select_v2_int16(const SelectShape& shape, const bool* condition, const int16_t* x, const int16_t* y,
                     int16_t* output);

// The walk over the output in row-major order, the three input offsets
// following incrementally (an odometer, as for_each_broadcast).
template <typename T>
inline void select_v2(const SelectShape& shape, const bool* condition, const T* x, const T* y, T* output) {
  const int32_t rank = shape.rank;
  if (rank < 0 || rank > kMaxBroadcastRank) return;
  int64_t stride_c[kMaxBroadcastRank] = {};
  int64_t stride_x[kMaxBroadcastRank] = {};
  int64_t stride_y[kMaxBroadcastRank] = {};
  broadcast_strides(shape.condition, shape.out, rank, stride_c);
  broadcast_strides(shape.x, shape.out, rank, stride_x);
  broadcast_strides(shape.y, shape.out, rank, stride_y);
  int64_t total = 1;
  for (int32_t d = 0; d < rank; ++d) total *= shape.out[d];
  int32_t counter[kMaxBroadcastRank] = {};
  int64_t ic = 0, ix = 0, iy = 0;
  for (int64_t o = 0; o < total; ++o) {
    output[o] = condition[ic] ? x[ix] : y[iy];
    for (int32_t d = rank - 1; d >= 0; --d) {
      ++counter[d];
      ic += stride_c[d];
      ix += stride_x[d];
      iy += stride_y[d];
      if (counter[d] < shape.out[d]) break;
      // Wrap this digit and carry into the next one.
      ic -= stride_c[d] * counter[d];
      ix -= stride_x[d] * counter[d];
      iy -= stride_y[d] * counter[d];
      counter[d] = 0;
    }
  }
}

}  // namespace reference

}  // namespace tinyinfer::kernels
