#include "runtime/passes/conv_pool_fusion.h"

#include <cstddef>

#include "runtime/node.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

// How many ops read tensor t (as any input).
int32_t reader_count(const Node* nodes, int32_t op_count, int32_t t) {
  int32_t readers = 0;
  for (int32_t i = 0; i < op_count; ++i)
    for (int32_t k = 0; k < nodes[i].input_count; ++k)
      if (nodes[i].inputs[k] == t) ++readers;
  return readers;
}

bool is_graph_output(const Model& model, int32_t t) {
  for (int32_t k = 0; k < model.output_count(); ++k)
    if (model.output_tensor_index(k) == t) return true;
  return false;
}

}  // namespace

void fuse_conv_pool_pairs(const Model& model, Node* nodes, int32_t op_count, const TensorSlot* tensors) {
  for (int32_t i = 0; i + 1 < op_count; ++i) {
    Node& conv = nodes[i];
    Node& pool = nodes[i + 1];
    const RowFusion* conv_hooks = conv.kernel->op->row_fusion;
    const RowFusion* pool_hooks = pool.kernel->op->row_fusion;
    if (conv.fused_into_previous || conv_hooks == nullptr || conv_hooks->eval_rows == nullptr ||
        pool_hooks == nullptr || pool_hooks->rows_per_output_row == nullptr || pool_hooks->pool_rows == nullptr)
      continue;
    // The conv output must exist only for this pool, whole and batch 1.
    const int32_t t = conv.outputs[0];
    if (pool.input_count < 1 || pool.inputs[0] != t || is_graph_output(model, t) ||
        reader_count(nodes, op_count, t) != 1 || tensors[t].rank != 4 || tensors[t].dims[0] != 1)
      continue;
    const int32_t band_rows = pool_hooks->rows_per_output_row(pool);
    if (band_rows <= 0) continue;
    const TensorSlot& s = tensors[t];
    conv.fused_with_next = true;
    pool.fused_into_previous = true;
    conv.band_bytes = static_cast<std::size_t>(band_rows) * s.dims[2] * s.dims[3] * data_type_size(s.type);
  }
}

void eval_fused_conv_pool(Node& conv, Node& pool, const TensorSlot* tensors) {
  const RowFusion& conv_hooks = *conv.kernel->op->row_fusion;
  const RowFusion& pool_hooks = *pool.kernel->op->row_fusion;
  const EvalContext conv_ctx{conv, tensors};
  const EvalContext pool_ctx{pool, tensors};
  const int32_t band_rows = pool_hooks.rows_per_output_row(pool);
  const int32_t out_rows = tensors[pool.outputs[0]].dims[1];
  for (int32_t row = 0; row < out_rows; ++row) {
    conv_hooks.eval_rows(conv_ctx, row * band_rows, band_rows, conv.band);
    pool_hooks.pool_rows(pool_ctx, conv.band, band_rows, row);
  }
}

}  // namespace tinyinfer
