// PACK (TFLite op versions 1-4): `values_count` inputs of one shape stacked
// along a new axis in [-(rank + 1), rank]; per outer row each input gives one
// contiguous run. Quantized inputs must share the output's scale and zero
// point (TFLite's restriction: no rescaling).
#include "ops/pack/pack.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

Status prepare_pack(PrepareContext& ctx) {
  const int32_t n = ctx.input_count();
  if (n < 1 || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects at least 1 input and 1 output");
  for (int32_t i = 0; i < n; ++i)
    if (!ctx.has_input(i)) return ctx.error(StatusCode::kInvalidModel, "input %d is absent", static_cast<int>(i));
  const auto* opt = format::options_as<fb::PackOptions>(ctx.info(), fb::BuiltinOptions::PackOptions);
  if (opt != nullptr && opt->values_count() != n)
    return ctx.error(StatusCode::kInvalidModel, "values_count %d but %d inputs", static_cast<int>(opt->values_count()),
                     static_cast<int>(n));
  const Tensor output = ctx.output(0);
  const Tensor first = ctx.input(0);
  const int32_t rank = first.shape.rank;
  if (rank + 1 > kMaxRank)
    return ctx.error(StatusCode::kUnsupported, "inputs of rank %d: output rank above %d", static_cast<int>(rank),
                     static_cast<int>(kMaxRank));
  int32_t axis = 0;
  TI_RETURN_IF_ERROR(move_resolve_axis(ctx, opt ? opt->axis() : 0, rank + 1, "axis", &axis));
  for (int32_t i = 1; i < n; ++i) {
    const Tensor in = ctx.input(i);
    if (in.type != first.type)
      return ctx.error(StatusCode::kInvalidModel, "input %d is %s, input 0 is %s", static_cast<int>(i),
                       data_type_name(in.type), data_type_name(first.type));
    if (in.shape != first.shape)
      return ctx.error(StatusCode::kInvalidModel, "input %d's shape differs from input 0's", static_cast<int>(i));
  }
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({first.type}, output.type)));
  Shape want;
  want.rank = rank + 1;
  for (int32_t d = 0, s = 0; d < want.rank; ++d) want.dims[d] = d == axis ? n : first.shape.dims[s++];
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));

  int64_t inner = 1;
  for (int32_t d = axis; d < rank; ++d) inner *= first.shape.dims[d];
  int64_t* runs = move_prepare_runs(ctx, n, first.shape, axis);
  if (runs == nullptr) return ctx.arena_exhausted();
  for (int32_t i = 0; i < n; ++i) runs[i] = inner;
  return Status::ok();
}

}  // namespace

// Versions past 4 add types (uint32, ...), which the kernel lookup refuses.
const OpRegistration kPackOp = {83, "PACK", 4, prepare_pack, move_eval_join, nullptr, move_describe_join};

}  // namespace tinyinfer
