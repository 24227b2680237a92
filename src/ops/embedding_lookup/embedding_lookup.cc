// EMBEDDING_LOOKUP (TFLite op versions 1-4): inputs (ids, table); ids is a
// 1-D int32 tensor of row numbers into the table (rank 2 or more); output =
// [ids] + table.shape[1:]. A float32 or int8 table copies rows unchanged;
// an int8 table with a float32 output (hybrid) dequantizes them with the
// table's scale (zero point 0; per row when quantized along dimension 0).
// Ids may be runtime data: each is range-checked at eval.
#include "ops/embedding_lookup/embedding_lookup.h"

#include "ops/common/index_params.h"
#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

Status prepare_hybrid(PrepareContext& ctx, const Tensor& table, kernels::EmbeddingGeometry* g) {
  const Quantization& q = table.quant;
  if (!q.is_quantized()) return ctx.error(StatusCode::kInvalidModel, "int8 table without quantization");
  if (q.per_channel() && (q.quantized_dimension != 0 || q.count != table.shape.dims[0]))
    return ctx.error(StatusCode::kUnsupported, "table quantized per channel along dimension %d (only per row: 0)",
                     static_cast<int>(q.quantized_dimension));
  for (int32_t i = 0; i < q.count; ++i)
    if (q.zero_points != nullptr && q.zero_points[i] != 0)
      return ctx.error(StatusCode::kUnsupported, "table zero point %d (only 0)", static_cast<int>(q.zero_points[i]));
  g->scales = q.scales;
  g->per_row = q.per_channel();
  return Status::ok();
}

Status prepare_embedding_lookup(PrepareContext& ctx) {
  TI_RETURN_IF_ERROR(index_check_io(ctx, 2, "ids, table"));
  const Tensor ids = ctx.input(0);
  const Tensor table = ctx.input(1);
  const Tensor output = ctx.output(0);
  if (ids.type != DataType::kInt32)
    return ctx.error(StatusCode::kUnsupported, "ids of type %s not supported (int32)", data_type_name(ids.type));
  if (ids.shape.rank != 1 || table.shape.rank < 2)
    return ctx.error(StatusCode::kInvalidModel, "ids must have rank 1 (has %d) and the table rank 2 or more (has %d)",
                     static_cast<int>(ids.shape.rank), static_cast<int>(table.shape.rank));
  Shape want = table.shape;
  want.dims[0] = ids.shape.dims[0];
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({ids.type, table.type}, output.type)));
  auto* g = ctx.allocate_persistent_array<kernels::EmbeddingGeometry>(1);
  if (g == nullptr) return ctx.arena_exhausted();
  *g = kernels::EmbeddingGeometry();
  g->ids = ids.shape.dims[0];
  g->rows = table.shape.dims[0];
  for (int32_t d = 1; d < table.shape.rank; ++d) g->columns *= table.shape.dims[d];
  if (table.type == DataType::kInt8 && output.type == DataType::kFloat32)
    TI_RETURN_IF_ERROR(prepare_hybrid(ctx, table, g));
  ctx.node().op_data = g;
  return Status::ok();
}

void eval_embedding_lookup(const EvalContext& ctx) {
  if (!ctx.kernel<kernels::EmbeddingLookupFn>()(*ctx.data<kernels::EmbeddingGeometry>(), ctx.input(0).data,
                                                ctx.input(1).data, ctx.output(0).data))
    index_fail(ctx, "an id is outside the table");
}

}  // namespace

const OpRegistration kEmbeddingLookupOp = {
    7, "EMBEDDING_LOOKUP", 4, prepare_embedding_lookup, eval_embedding_lookup, nullptr, describe_shape_change};

}  // namespace tinyinfer
