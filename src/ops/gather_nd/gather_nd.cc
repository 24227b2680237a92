// GATHER_ND (TFLite op versions 1-5): inputs (params, indices); the last
// dimension of indices (depth <= params rank) holds index tuples into the
// leading dimensions of params; output = indices.shape[:-1] +
// params.shape[depth:]. Indices may be runtime data: every entry is checked
// against its own dimension at eval.
#include "ops/gather_nd/gather_nd.h"

#include "ops/common/index_params.h"
#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

Status prepare_gather_nd(PrepareContext& ctx) {
  TI_RETURN_IF_ERROR(index_check_io(ctx, 2, "params, indices"));
  const Tensor params = ctx.input(0);
  const Tensor indices = ctx.input(1);
  const Tensor output = ctx.output(0);
  TI_RETURN_IF_ERROR(index_check_index_type(ctx, indices, "indices"));
  const int32_t rank = params.shape.rank;
  const int32_t irank = indices.shape.rank;
  if (rank < 1 || irank < 1)
    return ctx.error(StatusCode::kInvalidModel, "params (rank %d) and indices (rank %d) must have rank 1 or more",
                     static_cast<int>(rank), static_cast<int>(irank));
  const int32_t depth = indices.shape.dims[irank - 1];
  if (depth > rank)
    return ctx.error(StatusCode::kInvalidModel, "index tuples of %d entries for params of rank %d",
                     static_cast<int>(depth), static_cast<int>(rank));
  if (irank - 1 + rank - depth > kMaxRank)
    return ctx.error(StatusCode::kUnsupported, "output rank %d above %d", static_cast<int>(irank - 1 + rank - depth),
                     static_cast<int>(kMaxRank));
  Shape want;
  for (int32_t d = 0; d < irank - 1; ++d) want.dims[want.rank++] = indices.shape.dims[d];
  for (int32_t d = depth; d < rank; ++d) want.dims[want.rank++] = params.shape.dims[d];
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({params.type, indices.type}, output.type)));
  auto* g = ctx.allocate_persistent_array<kernels::GatherNdGeometry>(1);
  if (g == nullptr) return ctx.arena_exhausted();
  *g = kernels::GatherNdGeometry();
  int64_t strides[kMaxRank] = {};
  move_strides(params.shape, strides);
  g->depth = depth;
  g->slices = 1;
  for (int32_t d = 0; d < irank - 1; ++d) g->slices *= indices.shape.dims[d];
  for (int32_t d = 0; d < depth; ++d) {
    g->dims[d] = params.shape.dims[d];
    g->strides[d] = strides[d];
  }
  for (int32_t d = depth; d < rank; ++d) g->slice *= params.shape.dims[d];
  ctx.node().op_data = g;
  return Status::ok();
}

void eval_gather_nd(const EvalContext& ctx) {
  if (!ctx.kernel<kernels::GatherNdFn>()(*ctx.data<kernels::GatherNdGeometry>(), ctx.input(0).data, ctx.input(1).data,
                                         ctx.output(0).data))
    index_fail(ctx, "an index is outside its dimension");
}

}  // namespace

const OpRegistration kGatherNdOp = {107,     "GATHER_ND",          5, prepare_gather_nd, eval_gather_nd,
                                    nullptr, describe_shape_change};

}  // namespace tinyinfer
