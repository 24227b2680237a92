// SQUEEZE (TFLite op versions 1-2): drops the size-1 dimensions listed in
// squeeze_dims (negative count from the end; empty: every size-1
// dimension). The bytes stay as they are.
#include "ops/squeeze/squeeze.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

Status prepare_squeeze(PrepareContext& ctx) {
  if (ctx.input_count() != 1 || !ctx.has_input(0) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 1 input and 1 output");
  const auto* opt = format::options_as<fb::SqueezeOptions>(ctx.info(), fb::BuiltinOptions::SqueezeOptions);
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const int32_t rank = input.shape.rank;
  bool drop[kMaxRank] = {};
  const auto* dims = opt != nullptr ? opt->squeeze_dims() : nullptr;
  if (dims == nullptr || dims->size() == 0) {
    for (int32_t d = 0; d < rank; ++d) drop[d] = input.shape.dims[d] == 1;
  } else {
    for (const int32_t value : *dims) {
      int32_t d = 0;
      TI_RETURN_IF_ERROR(move_resolve_axis(ctx, value, rank, "squeeze_dims entry", &d));
      if (input.shape.dims[d] != 1)
        return ctx.error(StatusCode::kInvalidModel, "squeeze_dims entry %d: dimension %d has size %d, not 1",
                         static_cast<int>(value), static_cast<int>(d), static_cast<int>(input.shape.dims[d]));
      drop[d] = true;
    }
  }
  Shape want;
  for (int32_t d = 0; d < rank; ++d)
    if (!drop[d]) want.dims[want.rank++] = input.shape.dims[d];
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  return Status::ok();
}

void eval_squeeze(const EvalContext& ctx) {
  ctx.kernel<kernels::SqueezeFn>()(ctx.input(0).data, ctx.output(0).data,
                                   static_cast<std::size_t>(ctx.output(0).elements()));
}

}  // namespace

const OpRegistration kSqueezeOp = {43, "SQUEEZE", 2, prepare_squeeze, eval_squeeze, nullptr, describe_shape_change};

}  // namespace tinyinfer
