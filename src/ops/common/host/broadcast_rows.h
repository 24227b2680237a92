// The host SIMD kernels' view of a broadcast (ops/common/broadcast.h): the
// output as rows over which each input is either contiguous (same extent)
// or one repeated element. Same shapes and a scalar operand are one row; a
// row broadcast ([N, C] with [C]) is N rows of C. Portable C++: the SIMD
// lives in the per-target code that walks the rows.
#pragma once

#include <cstdint>

#include "ops/common/broadcast.h"

namespace tinyinfer::kernels::host {

struct BroadcastRows {
  int64_t row_length = 0;       // output elements per row (contiguous)
  bool input1_repeats = false;  // input 1 is one element repeated along the row
  bool input2_repeats = false;
  int32_t outer_rank = 0;  // the dimensions outside the rows
  int32_t outer_dims[kMaxBroadcastRank] = {};
  int64_t outer_stride1[kMaxBroadcastRank] = {}, outer_stride2[kMaxBroadcastRank] = {};
};

// Rows shorter than this go to the reference kernel: its element walk costs
// no more there than starting a vector loop per row.
constexpr int64_t kMinSimdRowLength = 8;

// Fills `rows` for `shape`; false when the innermost block of the broadcast
// is shorter than kMinSimdRowLength (or the shape is empty or invalid), in
// which case the caller runs the reference kernel.
bool plan_broadcast_rows(const BroadcastShape& shape, BroadcastRows* rows);

// Calls row(offset1, offset2, out_offset) for every row in output order:
// the element offsets of the row's first element in each tensor.
template <typename Row>
void for_each_row(const BroadcastRows& rows, Row row) {
  int64_t total = 1;
  for (int32_t d = 0; d < rows.outer_rank; ++d) total *= rows.outer_dims[d];
  int32_t counter[kMaxBroadcastRank] = {};
  int64_t offset1 = 0, offset2 = 0;
  for (int64_t r = 0; r < total; ++r) {
    row(offset1, offset2, r * rows.row_length);
    for (int32_t d = rows.outer_rank - 1; d >= 0; --d) {
      ++counter[d];
      offset1 += rows.outer_stride1[d];
      offset2 += rows.outer_stride2[d];
      if (counter[d] < rows.outer_dims[d]) break;
      offset1 -= rows.outer_stride1[d] * counter[d];
      offset2 -= rows.outer_stride2[d] * counter[d];
      counter[d] = 0;
    }
  }
}

}  // namespace tinyinfer::kernels::host
