// SPACE_TO_DEPTH (TFLite op versions 1-2): a 4-D NHWC input [n, h, w, c]
// becomes [n, h / b, w / b, c * b * b] for block_size b: input pixel
// (h * b + bh, w * b + bw) lands in channels [(bh * b + bw) * c, ...) of
// output pixel (h, w). A strided view of the input, copied run by run.
#include "ops/space_to_depth/space_to_depth.h"

#include "format/tflite_access.h"
#include "ops/common/index_params.h"
#include "ops/common/op_params.h"
#include "ops/common/space_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

Status prepare_space_to_depth(PrepareContext& ctx) {
  const auto* opt = format::options_as<fb::SpaceToDepthOptions>(ctx.info(), fb::BuiltinOptions::SpaceToDepthOptions);
  return space_prepare_block_view(ctx, opt != nullptr ? opt->block_size() : 0, false);
}

void eval_space_to_depth(const EvalContext& ctx) {
  ctx.kernel<kernels::SpaceToDepthFn>()(*ctx.data<kernels::StridedCopy>(), ctx.input(0).data, ctx.output(0).data);
}

}  // namespace

const OpRegistration kSpaceToDepthOp = {26,      "SPACE_TO_DEPTH",     2, prepare_space_to_depth, eval_space_to_depth,
                                        nullptr, describe_shape_change};

}  // namespace tinyinfer
