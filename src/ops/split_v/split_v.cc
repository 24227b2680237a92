// SPLIT_V (TFLite op versions 1-3): inputs (input, size_splits, axis); the
// constant axis (negative counts from the end) is cut into parts of the
// constant sizes, at most one of them -1 (the rest of the axis); per outer
// row each output takes one contiguous run.
#include "ops/split_v/split_v.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

Status prepare_split_v(PrepareContext& ctx) {
  if (ctx.input_count() != 3 || !ctx.has_input(0) || !ctx.has_input(1) || !ctx.has_input(2) || ctx.output_count() < 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 3 inputs (input, size_splits, axis) and at least 1 output");
  const auto* opt = format::options_as<fb::SplitVOptions>(ctx.info(), fb::BuiltinOptions::SplitVOptions);
  const int32_t n = ctx.output_count();
  if (opt != nullptr && opt->num_splits() != n)
    return ctx.error(StatusCode::kInvalidModel, "num_splits %d but %d outputs", static_cast<int>(opt->num_splits()),
                     static_cast<int>(n));
  const Tensor input = ctx.input(0);
  const int32_t rank = input.shape.rank;
  int32_t axis = 0;
  TI_RETURN_IF_ERROR(move_read_axis(ctx, 2, rank, &axis));
  const int32_t dim = input.shape.dims[axis];
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, ctx.output(0).type)));

  int64_t* runs = move_prepare_runs(ctx, n, input.shape, axis);
  if (runs == nullptr) return ctx.arena_exhausted();
  // The sizes go through `runs` first (n values, the size of size_splits).
  int32_t count = 0;
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(1), "size_splits", n, runs, &count));
  if (count != n || ctx.input(1).shape.rank != 1)
    return ctx.error(StatusCode::kInvalidModel, "size_splits must be a vector of %d values (one per output)",
                     static_cast<int>(n));
  int32_t unknown = -1;
  int64_t total = 0;
  for (int32_t i = 0; i < n; ++i) {
    if (runs[i] == -1 && unknown < 0) {
      unknown = i;
    } else if (runs[i] < 0) {
      return ctx.error(StatusCode::kInvalidModel, "size_splits[%d] = %d: sizes must be >= 0 with at most one -1",
                       static_cast<int>(i), static_cast<int>(runs[i]));
    } else {
      total += runs[i];
    }
  }
  if (unknown >= 0) {
    if (total > dim)
      return ctx.error(StatusCode::kInvalidModel, "size_splits add up to %d, more than axis %d's size %d",
                       static_cast<int>(total), static_cast<int>(axis), static_cast<int>(dim));
    runs[unknown] = dim - total;
  } else if (total != dim) {
    return ctx.error(StatusCode::kInvalidModel, "size_splits add up to %d, axis %d has size %d",
                     static_cast<int>(total), static_cast<int>(axis), static_cast<int>(dim));
  }
  int64_t inner = 1;
  for (int32_t d = axis + 1; d < rank; ++d) inner *= input.shape.dims[d];
  for (int32_t i = 0; i < n; ++i) {
    const Tensor out = ctx.output(i);
    if (out.type != input.type)
      return ctx.error(StatusCode::kInvalidModel, "output %d is %s, the input is %s", static_cast<int>(i),
                       data_type_name(out.type), data_type_name(input.type));
    Shape want = input.shape;
    want.dims[axis] = static_cast<int32_t>(runs[i]);
    TI_RETURN_IF_ERROR(move_check_shape(ctx, out, want, "output"));
    runs[i] *= inner;
  }
  return Status::ok();
}

void eval_split_v(const EvalContext& ctx) { move_eval_split(ctx, 0); }

}  // namespace

// Versions past 3 add types, which the kernel lookup refuses.
const OpRegistration kSplitVOp = {102, "SPLIT_V", 3, prepare_split_v, eval_split_v, nullptr, move_describe_split};

}  // namespace tinyinfer
