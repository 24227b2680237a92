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

int64_t no_macs(const Node&, const TensorSlot*) { return 0; }

void describe_reshape(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size) {
  char in[64], out[64];
  format_shape(tensors[node.inputs[0]].shape(), in, sizeof(in));
  format_shape(tensors[node.outputs[0]].shape(), out, sizeof(out));
  describe_text(buffer, size, "%s -> %s", in, out);
}

}  // namespace

const OpRegistration kReshapeOp = {22, "RESHAPE", 2, prepare_reshape, eval_reshape, no_macs, describe_reshape};

}  // namespace tinyinfer
