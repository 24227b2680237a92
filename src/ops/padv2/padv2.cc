// PADV2 (TFLite op versions 1-4): inputs (input, paddings [rank, 2], value);
// pads with the scalar value (of the input's type and, when quantized, the
// output's quantization). Whole input runs are copied between filled runs
// (common/move_pad).
#include "ops/padv2/padv2.h"

#include "ops/common/move_pad.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

Status prepare_padv2(PrepareContext& ctx) { return move_prepare_pad(ctx, 3); }

void eval_padv2(const EvalContext& ctx) { move_eval_pad(ctx, ctx.kernel<kernels::Padv2Fn>()); }

}  // namespace

const OpRegistration kPadv2Op = {60, "PADV2", 4, prepare_padv2, eval_padv2, nullptr, describe_shape_change};

}  // namespace tinyinfer
