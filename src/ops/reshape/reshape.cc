// RESHAPE (TFLite op versions 1-2): the bytes stay as they are; only the
// output's static shape is checked against the input.
#include "ops/reshape/reshape.h"

#include <cstdio>

#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

Status prepare_reshape(PrepareContext& ctx) {
  // The optional second input (the new shape) only repeats what the output
  // tensor's static shape already says; we trust and check the latter.
  if (ctx.input_count() < 1 || ctx.input_count() > 2 || !ctx.has_input(0) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 1-2 inputs and 1 output");
  const Tensor& input = ctx.input(0);
  const Tensor& output = ctx.output(0);
  if (input.type != output.type || input.bytes != output.bytes)
    return ctx.error(StatusCode::kInvalidModel, "%s of %u bytes cannot reshape to %s of %u bytes",
                     data_type_name(input.type), static_cast<unsigned>(input.bytes), data_type_name(output.type),
                     static_cast<unsigned>(output.bytes));
  return ctx.use_kernel(signature({input.type}, output.type));
}

void eval_reshape(const EvalContext& ctx) {
  ctx.kernel<kernels::CopyFn>()(ctx.input(0).data, ctx.output(0).data, ctx.output(0).bytes());
}

}  // namespace

const OpRegistration kReshapeOp = {22, "RESHAPE", 2, prepare_reshape, eval_reshape, nullptr, describe_shape_change};

}  // namespace tinyinfer
