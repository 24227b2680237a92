// CONCATENATION (TFLite op versions 1-4): inputs of one type and equal dims
// except along `axis` (negative counts from the end) are joined as whole
// runs per outer row. Quantized inputs must share the output's scale and
// zero point, as TFLite's int8/int16 kernels require (no rescaling).
#include "ops/concatenation/concatenation.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

struct ConcatenationData {
  kernels::ConcatRuns runs;
  const void** inputs;  // filled at eval
  int32_t axis;
};

Status prepare_concatenation(PrepareContext& ctx) {
  const int32_t n = ctx.input_count();
  if (n < 1 || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects at least 1 input and 1 output");
  for (int32_t i = 0; i < n; ++i)
    if (!ctx.has_input(i)) return ctx.error(StatusCode::kInvalidModel, "input %d is absent", static_cast<int>(i));
  const auto* opt = format::options_as<fb::ConcatenationOptions>(ctx.info(), fb::BuiltinOptions::ConcatenationOptions);
  const ActivationFunctionType act = opt ? opt->fused_activation_function() : ActivationFunctionType::NONE;
  if (act != ActivationFunctionType::NONE)
    return ctx.error(StatusCode::kUnsupported, "fused activation %s not supported (NONE)", activation_name(act));
  const Tensor output = ctx.output(0);
  const Tensor first = ctx.input(0);
  const int32_t rank = first.shape.rank;
  int32_t axis = 0;
  TI_RETURN_IF_ERROR(move_resolve_axis(ctx, opt ? opt->axis() : 0, rank, "axis", &axis));
  Shape want = first.shape;
  want.dims[axis] = 0;
  for (int32_t i = 0; i < n; ++i) {
    const Tensor in = ctx.input(i);
    if (in.type != first.type)
      return ctx.error(StatusCode::kInvalidModel, "input %d is %s, input 0 is %s", static_cast<int>(i),
                       data_type_name(in.type), data_type_name(first.type));
    bool same = in.shape.rank == rank;
    for (int32_t d = 0; same && d < rank; ++d) same = d == axis || in.shape.dims[d] == first.shape.dims[d];
    if (!same)
      return ctx.error(StatusCode::kInvalidModel, "input %d's shape differs from input 0's outside axis %d",
                       static_cast<int>(i), static_cast<int>(axis));
    want.dims[axis] += in.shape.dims[axis];
  }
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({first.type}, output.type)));
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  for (int32_t i = 0; i < n; ++i) TI_RETURN_IF_ERROR(move_check_same_quant(ctx, ctx.input(i), output, "input"));

  auto* data = ctx.allocate_persistent_array<ConcatenationData>(1);
  auto* runs = ctx.allocate_persistent_array<int64_t>(static_cast<std::size_t>(n));
  auto* inputs = ctx.allocate_persistent_array<const void*>(static_cast<std::size_t>(n));
  if (data == nullptr || runs == nullptr || inputs == nullptr) return ctx.arena_exhausted();
  int64_t outer = 1, inner = 1;
  for (int32_t d = 0; d < axis; ++d) outer *= want.dims[d];
  for (int32_t d = axis + 1; d < rank; ++d) inner *= want.dims[d];
  for (int32_t i = 0; i < n; ++i) runs[i] = ctx.input(i).shape.dims[axis] * inner;
  data->runs.outer = outer;
  data->runs.count = n;
  data->runs.runs = runs;
  data->inputs = inputs;
  data->axis = axis;
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_concatenation(const EvalContext& ctx) {
  ConcatenationData& d = *ctx.data<ConcatenationData>();
  for (int32_t i = 0; i < d.runs.count; ++i) d.inputs[i] = ctx.input(i).data;
  ctx.kernel<kernels::ConcatenationFn>()(d.runs, d.inputs, ctx.output(0).data);
}

int64_t no_macs(const Node&, const TensorSlot*) { return 0; }

void describe_concatenation(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const ConcatenationData*>(node.op_data);
  describe_text(buffer, size, "%d inputs, axis %d", static_cast<int>(d->runs.count), static_cast<int>(d->axis));
}

}  // namespace

// Versions past 4 add types (uint32, ...), which the kernel lookup refuses.
const OpRegistration kConcatenationOp = {2,       "CONCATENATION",       4, prepare_concatenation, eval_concatenation,
                                         no_macs, describe_concatenation};

}  // namespace tinyinfer
