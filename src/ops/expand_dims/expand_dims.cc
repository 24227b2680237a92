// EXPAND_DIMS (TFLite op version 1): inputs (input, axis); inserts a size-1
// dimension at the constant axis in [-(rank + 1), rank]. The bytes stay as
// they are.
#include "ops/expand_dims/expand_dims.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

Status prepare_expand_dims(PrepareContext& ctx) {
  if (ctx.input_count() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2 inputs (input, axis) and 1 output");
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const int32_t rank = input.shape.rank;
  if (rank + 1 > kMaxRank)
    return ctx.error(StatusCode::kUnsupported, "input of rank %d: output rank above %d", static_cast<int>(rank),
                     static_cast<int>(kMaxRank));
  int32_t axis = 0;
  TI_RETURN_IF_ERROR(move_read_axis(ctx, 1, rank + 1, &axis));
  Shape want;
  want.rank = rank + 1;
  for (int32_t d = 0, s = 0; d < want.rank; ++d) want.dims[d] = d == axis ? 1 : input.shape.dims[s++];
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  return Status::ok();
}

void eval_expand_dims(const EvalContext& ctx) {
  ctx.kernel<kernels::ExpandDimsFn>()(ctx.input(0).data, ctx.output(0).data,
                                      static_cast<std::size_t>(ctx.output(0).elements()));
}

}  // namespace

// Version 2 adds int16, which this op runs like every type.
const OpRegistration kExpandDimsOp = {70,      "EXPAND_DIMS",        2, prepare_expand_dims, eval_expand_dims,
                                      nullptr, describe_shape_change};

}  // namespace tinyinfer
