// TFLite broadcasting for the elementwise binary ops (ADD, MUL, ...): shapes
// aligned at the innermost dimension, a dimension of 1 repeats.
#pragma once

#include <cstdint>

#include "tinyinfer/status.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer {
class PrepareContext;
}  // namespace tinyinfer

namespace tinyinfer::kernels {

constexpr int kMaxBroadcastRank = 6;
// Both inputs are described in the output's rank: dims of 1 broadcast.
struct BroadcastShape {
  int32_t rank = 0;
  int32_t out[kMaxBroadcastRank] = {};
  int32_t in1[kMaxBroadcastRank] = {};
  int32_t in2[kMaxBroadcastRank] = {};
};

}  // namespace tinyinfer::kernels

namespace tinyinfer {

// The broadcast of inputs `a` and `b` to `out` (TFLite's rule, up to
// kMaxBroadcastRank dimensions); an error naming the node and the dimension
// when the shapes do not broadcast to the output's.
Status prepare_broadcast(PrepareContext& ctx, const Tensor& a, const Tensor& b, const Tensor& out,
                         kernels::BroadcastShape* shape);

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

// Element strides of one input in the output's rank; 0 on a broadcast
// dimension (input dim 1, output dim > 1) so the same element repeats.
inline void broadcast_strides(const int32_t* in_dims, const int32_t* out_dims, int32_t rank, int64_t* strides) {
  int64_t stride = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    strides[d] = (in_dims[d] == 1 && out_dims[d] != 1) ? 0 : stride;
    stride *= in_dims[d];
  }
}

// Calls op(index1, index2, out_index) for every output element in row-major
// order. Rank 0 is a single scalar element.
template <typename Op>
void for_each_broadcast(const BroadcastShape& shape, Op op) {
  const int32_t rank = shape.rank;
  if (rank < 0 || rank > kMaxBroadcastRank) return;
  int64_t stride1[kMaxBroadcastRank] = {};
  int64_t stride2[kMaxBroadcastRank] = {};
  broadcast_strides(shape.in1, shape.out, rank, stride1);
  broadcast_strides(shape.in2, shape.out, rank, stride2);
  int64_t total = 1;
  for (int32_t d = 0; d < rank; ++d) total *= shape.out[d];
  if (total <= 0) return;

  // Odometer over the output index; the input offsets follow incrementally.
  int32_t counter[kMaxBroadcastRank] = {};
  int64_t index1 = 0, index2 = 0;
  for (int64_t out_index = 0; out_index < total; ++out_index) {
    op(index1, index2, out_index);
    for (int32_t d = rank - 1; d >= 0; --d) {
      ++counter[d];
      index1 += stride1[d];
      index2 += stride2[d];
      if (counter[d] < shape.out[d]) break;
      // Wrap this digit and carry into the next one.
      index1 -= stride1[d] * counter[d];
      index2 -= stride2[d] * counter[d];
      counter[d] = 0;
    }
  }
}

}  // namespace tinyinfer::kernels::reference
