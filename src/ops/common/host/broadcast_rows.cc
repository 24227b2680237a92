#include "ops/common/host/broadcast_rows.h"

namespace tinyinfer::kernels::host {

bool plan_broadcast_rows(const BroadcastShape& shape, BroadcastRows* rows) {
  const int32_t rank = shape.rank;
  if (rank < 0 || rank > kMaxBroadcastRank) return false;
  for (int32_t d = 0; d < rank; ++d)
    if (shape.out[d] <= 0) return false;
  // Grow the row inward-out while each input stays either the whole block
  // (its dims equal the output's) or one element (its dims all 1).
  bool whole1 = true, one1 = true, whole2 = true, one2 = true;
  int32_t first_row_dim = rank;
  int64_t row_length = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    const bool next_whole1 = whole1 && shape.in1[d] == shape.out[d], next_one1 = one1 && shape.in1[d] == 1;
    const bool next_whole2 = whole2 && shape.in2[d] == shape.out[d], next_one2 = one2 && shape.in2[d] == 1;
    if (!(next_whole1 || next_one1) || !(next_whole2 || next_one2)) break;
    whole1 = next_whole1, one1 = next_one1, whole2 = next_whole2, one2 = next_one2;
    row_length *= shape.out[d];
    first_row_dim = d;
  }
  // Both inputs repeating would mean neither spans the output: not a broadcast.
  if (row_length < kMinSimdRowLength || (!whole1 && !whole2)) return false;
  *rows = BroadcastRows();
  rows->row_length = row_length;
  rows->input1_repeats = !whole1;
  rows->input2_repeats = !whole2;
  rows->outer_rank = first_row_dim;
  int64_t stride1[kMaxBroadcastRank] = {}, stride2[kMaxBroadcastRank] = {};
  reference::broadcast_strides(shape.in1, shape.out, rank, stride1);
  reference::broadcast_strides(shape.in2, shape.out, rank, stride2);
  for (int32_t d = 0; d < first_row_dim; ++d) {
    rows->outer_dims[d] = shape.out[d];
    rows->outer_stride1[d] = stride1[d];
    rows->outer_stride2[d] = stride2[d];
  }
  return true;
}

}  // namespace tinyinfer::kernels::host
