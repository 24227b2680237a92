// SPLIT (TFLite op versions 1-4): inputs (axis, input); the constant scalar
// axis (negative counts from the end) is cut into `num_splits` equal parts,
// one per output; per outer row each output takes one contiguous run.
#include "ops/split/split.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

struct SplitData {
  kernels::ConcatRuns runs;
  void** outputs;  // filled at eval
  int32_t axis;
};

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
  int64_t axis_value = 0;
  int32_t count = 0;
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(0), "axis", 1, &axis_value, &count));
  if (count != 1) return ctx.error(StatusCode::kInvalidModel, "axis must hold one value");
  int32_t axis = 0;
  TI_RETURN_IF_ERROR(move_resolve_axis(ctx, axis_value, rank, "axis", &axis));
  const int32_t dim = input.shape.dims[axis];
  if (dim % n != 0)
    return ctx.error(StatusCode::kInvalidModel, "axis %d of size %d does not split into %d equal parts",
                     static_cast<int>(axis), static_cast<int>(dim), static_cast<int>(n));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, ctx.output(0).type)));
  Shape want = input.shape;
  want.dims[axis] = dim / n;
  for (int32_t i = 0; i < n; ++i) {
    const Tensor out = ctx.output(i);
    if (out.type != input.type)
      return ctx.error(StatusCode::kInvalidModel, "output %d is %s, the input is %s", static_cast<int>(i),
                       data_type_name(out.type), data_type_name(input.type));
    TI_RETURN_IF_ERROR(move_check_shape(ctx, out, want, "output"));
    TI_RETURN_IF_ERROR(move_check_same_quant(ctx, input, out, "input"));
  }

  auto* data = ctx.allocate_persistent_array<SplitData>(1);
  auto* runs = ctx.allocate_persistent_array<int64_t>(static_cast<std::size_t>(n));
  auto* outputs = ctx.allocate_persistent_array<void*>(static_cast<std::size_t>(n));
  if (data == nullptr || runs == nullptr || outputs == nullptr) return ctx.arena_exhausted();
  int64_t outer = 1, inner = 1;
  for (int32_t d = 0; d < axis; ++d) outer *= input.shape.dims[d];
  for (int32_t d = axis + 1; d < rank; ++d) inner *= input.shape.dims[d];
  for (int32_t i = 0; i < n; ++i) runs[i] = (dim / n) * inner;
  data->runs.outer = outer;
  data->runs.count = n;
  data->runs.runs = runs;
  data->outputs = outputs;
  data->axis = axis;
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_split(const EvalContext& ctx) {
  SplitData& d = *ctx.data<SplitData>();
  for (int32_t i = 0; i < d.runs.count; ++i) d.outputs[i] = ctx.output(i).data;
  ctx.kernel<kernels::SplitFn>()(d.runs, ctx.input(1).data, d.outputs);
}

int64_t no_macs(const Node&, const TensorSlot*) { return 0; }

void describe_split(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const SplitData*>(node.op_data);
  describe_text(buffer, size, "%d outputs, axis %d", static_cast<int>(d->runs.count), static_cast<int>(d->axis));
}

}  // namespace

// Versions past 4 add types, which the kernel lookup refuses.
const OpRegistration kSplitOp = {49, "SPLIT", 4, prepare_split, eval_split, no_macs, describe_split};

}  // namespace tinyinfer
