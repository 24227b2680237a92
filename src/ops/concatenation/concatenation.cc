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
  // TFLite requires int8 inputs in the output's quantization; other types
  // are copied byte for byte, whatever their parameters say.
  if (output.type == DataType::kInt8) {
    for (int32_t i = 0; i < n; ++i) TI_RETURN_IF_ERROR(move_check_same_quant(ctx, ctx.input(i), output, "input"));
  }

  int64_t inner = 1;
  for (int32_t d = axis + 1; d < rank; ++d) inner *= want.dims[d];
  int64_t* runs = move_prepare_runs(ctx, n, want, axis);
  if (runs == nullptr) return ctx.arena_exhausted();
  for (int32_t i = 0; i < n; ++i) runs[i] = ctx.input(i).shape.dims[axis] * inner;
  return Status::ok();
}

}  // namespace

// Versions past 4 add types (uint32, ...), which the kernel lookup refuses.
const OpRegistration kConcatenationOp = {2,       "CONCATENATION",   4, prepare_concatenation, move_eval_join,
                                         nullptr, move_describe_join};

}  // namespace tinyinfer
