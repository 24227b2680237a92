// UNPACK (TFLite op versions 1-4): one output per index of `axis` (negative
// counts from the end), each the input without that axis; per outer row each
// output takes one contiguous run.
#include "ops/unpack/unpack.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

struct UnpackData {
  kernels::ConcatRuns runs;
  void** outputs;  // filled at eval
  int32_t axis;
};

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
  for (int32_t i = 0; i < n; ++i) {
    const Tensor out = ctx.output(i);
    if (out.type != input.type)
      return ctx.error(StatusCode::kInvalidModel, "output %d is %s, the input is %s", static_cast<int>(i),
                       data_type_name(out.type), data_type_name(input.type));
    TI_RETURN_IF_ERROR(move_check_shape(ctx, out, want, "output"));
    TI_RETURN_IF_ERROR(move_check_same_quant(ctx, input, out, "input"));
  }

  auto* data = ctx.allocate_persistent_array<UnpackData>(1);
  auto* runs = ctx.allocate_persistent_array<int64_t>(static_cast<std::size_t>(n));
  auto* outputs = ctx.allocate_persistent_array<void*>(static_cast<std::size_t>(n));
  if (data == nullptr || runs == nullptr || outputs == nullptr) return ctx.arena_exhausted();
  int64_t outer = 1, inner = 1;
  for (int32_t d = 0; d < axis; ++d) outer *= input.shape.dims[d];
  for (int32_t d = axis + 1; d < rank; ++d) inner *= input.shape.dims[d];
  for (int32_t i = 0; i < n; ++i) runs[i] = inner;
  data->runs.outer = outer;
  data->runs.count = n;
  data->runs.runs = runs;
  data->outputs = outputs;
  data->axis = axis;
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_unpack(const EvalContext& ctx) {
  UnpackData& d = *ctx.data<UnpackData>();
  for (int32_t i = 0; i < d.runs.count; ++i) d.outputs[i] = ctx.output(i).data;
  ctx.kernel<kernels::UnpackFn>()(d.runs, ctx.input(0).data, d.outputs);
}

int64_t no_macs(const Node&, const TensorSlot*) { return 0; }

void describe_unpack(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const UnpackData*>(node.op_data);
  describe_text(buffer, size, "%d outputs, axis %d", static_cast<int>(d->runs.count), static_cast<int>(d->axis));
}

}  // namespace

// Versions past 4 add types (bool, ...), which the kernel lookup refuses.
const OpRegistration kUnpackOp = {88, "UNPACK", 4, prepare_unpack, eval_unpack, no_macs, describe_unpack};

}  // namespace tinyinfer
