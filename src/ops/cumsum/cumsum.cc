// CUMSUM (TFLite op version 1): inputs (input, axis), CumsumOptions
// exclusive and reverse; a constant int32/int64 axis of one element in
// [-rank, rank); the output has the input's shape and type. int8 rescales
// as TFLite's (reduce_rescale.h).
#include "ops/cumsum/cumsum.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

Status prepare_cumsum(PrepareContext& ctx) {
  if (ctx.input_count() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2 inputs (input, axis) and 1 output");
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const int32_t rank = input.shape.rank;
  if (rank < 1) return ctx.error(StatusCode::kInvalidModel, "input '%s' is a scalar: no axis to sum along", input.name);
  int32_t axis = 0;
  TI_RETURN_IF_ERROR(move_read_axis(ctx, 1, rank, &axis));
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, input.shape, "output"));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  auto* p = ctx.allocate_persistent_array<kernels::CumsumParams>(1);
  if (p == nullptr) return ctx.arena_exhausted();
  *p = kernels::CumsumParams();
  for (int32_t d = 0; d < axis; ++d) p->outer *= input.shape.dims[d];
  for (int32_t d = axis + 1; d < rank; ++d) p->inner *= input.shape.dims[d];
  p->depth = input.shape.dims[axis];
  p->axis = axis;
  if (const auto* opt = format::options_as<fb::CumsumOptions>(ctx.info(), fb::BuiltinOptions::CumsumOptions)) {
    p->exclusive = opt->exclusive();
    p->reverse = opt->reverse();
  }
  if (input.type == DataType::kInt8) TI_RETURN_IF_ERROR(prepare_sum_rescale(ctx, input, output, &p->rescale));
  ctx.node().op_data = p;
  return Status::ok();
}

void eval_cumsum(const EvalContext& ctx) {
  ctx.kernel<kernels::CumsumFn>()(*ctx.data<kernels::CumsumParams>(), ctx.input(0).data, ctx.output(0).data);
}

int64_t cumsum_macs(const Node& node, const TensorSlot* tensors) { return tensors[node.inputs[0]].elements(); }

void describe_cumsum(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* p = static_cast<const kernels::CumsumParams*>(node.op_data);
  describe_text(buffer, size, "axis %d%s%s", static_cast<int>(p->axis), p->exclusive ? " exclusive" : "",
                p->reverse ? " reverse" : "");
}

}  // namespace

const OpRegistration kCumsumOp = {128, "CUMSUM", 1, prepare_cumsum, eval_cumsum, cumsum_macs, describe_cumsum};

}  // namespace tinyinfer
