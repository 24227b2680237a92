// Conv + pool fusion (InterpreterOptions::fuse_conv_pool): a batch-1
// CONV_2D / DEPTHWISE_CONV_2D whose output only a non-overlapping VALID
// MAX/AVERAGE_POOL_2D reads computes that output a band of rows at a time and
// pools each band at once, so the full conv output never takes arena space.
// The ops only provide row hooks (RowFusion); which pairs fuse, the band size
// and the fused loop live here.
#pragma once

#include <cstdint>

namespace tinyinfer {

class Model;
struct EvalContext;
struct Node;
struct TensorSlot;

// An op's side of the fusion (OpRegistration::row_fusion, null when the op
// cannot take part). A conv fills eval_rows, a pool the other two.
struct RowFusion {
  // Conv, batch 1: output rows [row_begin, row_begin + rows) into `rows_out`
  // (row-major like the output).
  void (*eval_rows)(const EvalContext& ctx, int32_t row_begin, int32_t rows, void* rows_out);
  // Pool: input rows per output row when it can pool band by band (VALID,
  // vertical stride == filter height), else 0.
  int32_t (*rows_per_output_row)(const Node& node);
  // Pool: pools `in_rows` input rows at `rows_in` into output row out_row.
  void (*pool_rows)(const EvalContext& ctx, const void* rows_in, int32_t in_rows, int32_t out_row);
};

// Once every op has prepared: marks the pairs that fuse (Node::fused_with_next
// on the conv, fused_into_previous on the pool) and sets the conv's
// band_bytes, which the arena planner then places.
void fuse_conv_pool_pairs(const Model& model, Node* nodes, int32_t op_count, const TensorSlot* tensors);

// Runs a conv marked fused_with_next and the pool after it, band by band
// through conv.band.
void eval_fused_conv_pool(Node& conv, Node& pool, const TensorSlot* tensors);

}  // namespace tinyinfer
