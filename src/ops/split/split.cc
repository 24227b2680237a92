// SPLIT (TFLite op versions 1-4): inputs (axis, input); the constant scalar
// axis (negative counts from the end) is cut into `num_splits` equal parts,
// one per output; per outer row each output takes one contiguous run.
#include "ops/split/split.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

Status prepare_split(PrepareContext& ctx) {
  if (ctx.input_count() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.output_count() < 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2 inputs (axis, input) and at least 1 output");
  const auto* opt = format::options_as<fb::SplitOptions>(ctx.info(), fb::BuiltinOptions::SplitOptions);
  const int32_t n = ctx.output_count();
  if (opt != nullptr && opt->num_splits() != n)
    return ctx.error(StatusCode::kInvalidModel, "num_splits %d but %d outputs", static_cast<int>(opt->num_splits()),
                     static_cast<int>(n));
  const Tensor input = ctx.input(1);
  const int32_t rank = input.shape.rank;
  int32_t axis = 0;
  TI_RETURN_IF_ERROR(move_read_axis(ctx, 0, rank, &axis));
  const int32_t dim = input.shape.dims[axis];
  if (dim % n != 0)
    return ctx.error(StatusCode::kInvalidModel, "axis %d of size %d does not split into %d equal parts",
                     static_cast<int>(axis), static_cast<int>(dim), static_cast<int>(n));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, ctx.output(0).type)));
  Shape want = input.shape;
  want.dims[axis] = dim / n;
  return move_prepare_even_split(ctx, input, axis, want);
}

void eval_split(const EvalContext& ctx) { move_eval_split(ctx, 1); }

}  // namespace

// Versions past 4 add types, which the kernel lookup refuses.
const OpRegistration kSplitOp = {49, "SPLIT", 4, prepare_split, eval_split, nullptr, move_describe_split};

}  // namespace tinyinfer
