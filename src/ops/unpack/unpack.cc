// UNPACK (TFLite op versions 1-4): one output per index of `axis` (negative
// counts from the end), each the input without that axis; per outer row each
// output takes one contiguous run.
#include "ops/unpack/unpack.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

Status prepare_unpack(PrepareContext& ctx) {
  if (ctx.input_count() != 1 || !ctx.has_input(0) || ctx.output_count() < 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 1 input and at least 1 output");
  const auto* opt = format::options_as<fb::UnpackOptions>(ctx.info(), fb::BuiltinOptions::UnpackOptions);
  const Tensor input = ctx.input(0);
  const int32_t rank = input.shape.rank;
  int32_t axis = 0;
  TI_RETURN_IF_ERROR(move_resolve_axis(ctx, opt ? opt->axis() : 0, rank, "axis", &axis));
  const int32_t n = input.shape.dims[axis];
  if (ctx.output_count() != n || (opt != nullptr && opt->num() != n))
    return ctx.error(StatusCode::kInvalidModel, "axis %d has %d entries but num is %d and there are %d outputs",
                     static_cast<int>(axis), static_cast<int>(n), static_cast<int>(opt ? opt->num() : n),
                     static_cast<int>(ctx.output_count()));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, ctx.output(0).type)));
  Shape want;
  want.rank = rank - 1;
  for (int32_t d = 0, s = 0; d < rank; ++d)
    if (d != axis) want.dims[s++] = input.shape.dims[d];
  return move_prepare_even_split(ctx, input, axis, want);
}

void eval_unpack(const EvalContext& ctx) { move_eval_split(ctx, 0); }

}  // namespace

// Versions past 4 add types (bool, ...), which the kernel lookup refuses.
const OpRegistration kUnpackOp = {88, "UNPACK", 4, prepare_unpack, eval_unpack, nullptr, move_describe_split};

}  // namespace tinyinfer
