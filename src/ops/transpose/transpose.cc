// TRANSPOSE (TFLite op versions 1-6): inputs (input, perm); output dimension
// i is input dimension perm[i] (a constant permutation of [0, rank)). The
// output is copied as a strided view of the input, whole runs at a time
// where the innermost dimension stays in place.
#include "ops/transpose/transpose.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

struct TransposeData {
  kernels::StridedCopy copy;
  int32_t perm[kMaxRank];
  int32_t rank;
};

Status prepare_transpose(PrepareContext& ctx) {
  if (ctx.input_count() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2 inputs (input, perm) and 1 output");
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const int32_t rank = input.shape.rank;
  int64_t perm[kMaxRank] = {};
  int32_t count = 0;
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(1), "perm", kMaxRank, perm, &count));
  if (count != rank)
    return ctx.error(StatusCode::kInvalidModel, "perm has %d entries for an input of rank %d", static_cast<int>(count),
                     static_cast<int>(rank));
  bool seen[kMaxRank] = {};
  for (int32_t i = 0; i < rank; ++i) {
    if (perm[i] < 0 || perm[i] >= rank || seen[perm[i]])
      return ctx.error(StatusCode::kInvalidModel, "perm is not a permutation of [0, %d): entry %d is %d",
                       static_cast<int>(rank), static_cast<int>(i), static_cast<int>(perm[i]));
    seen[perm[i]] = true;
  }
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  auto* data = ctx.allocate_persistent_array<TransposeData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = TransposeData();
  int64_t strides[kMaxRank] = {};
  move_strides(input.shape, strides);
  Shape want;
  want.rank = rank;
  kernels::StridedCopy& c = data->copy;
  c.rank = rank;
  for (int32_t i = 0; i < rank; ++i) {
    const auto p = static_cast<int32_t>(perm[i]);
    want.dims[i] = input.shape.dims[p];
    c.dims[i] = input.shape.dims[p];
    c.strides[i] = strides[p];
    data->perm[i] = p;
  }
  data->rank = rank;
  if (rank == 0) c.dims[0] = 1;  // a scalar: one element
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  move_simplify(&c);
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_transpose(const EvalContext& ctx) {
  ctx.kernel<kernels::TransposeFn>()(ctx.data<TransposeData>()->copy, ctx.input(0).data, ctx.output(0).data);
}

void describe_transpose(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const TransposeData*>(node.op_data);
  Shape perm;
  perm.rank = d->rank;
  for (int32_t i = 0; i < d->rank; ++i) perm.dims[i] = d->perm[i];
  char text[64];
  format_shape(perm, text, sizeof(text));
  describe_text(buffer, size, "perm %s", text);
}

}  // namespace

const OpRegistration kTransposeOp = {39,      "TRANSPOSE",       6, prepare_transpose, eval_transpose,
                                     nullptr, describe_transpose};

}  // namespace tinyinfer
