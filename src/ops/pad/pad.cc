// PAD (TFLite op versions 1-4): inputs (input, paddings [rank, 2]); pads
// with zero (the output zero point when int8). Whole input runs are
// copied between filled runs (common/move_pad).
#include "ops/pad/pad.h"

#include "ops/common/move_pad.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

Status prepare_pad(PrepareContext& ctx) { return move_prepare_pad(ctx, 2); }

void eval_pad(const EvalContext& ctx) { move_eval_pad(ctx, ctx.kernel<kernels::PadFn>()); }

}  // namespace

const OpRegistration kPadOp = {34, "PAD", 4, prepare_pad, eval_pad, nullptr, describe_shape_change};

}  // namespace tinyinfer
