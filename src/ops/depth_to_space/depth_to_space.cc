// DEPTH_TO_SPACE (TFLite op versions 1-2): a 4-D NHWC input [n, h, w, c]
// becomes [n, h * b, w * b, c / (b * b)] for block_size b: output pixel
// (h * b + bh, w * b + bw) takes channels [(bh * b + bw) * c', ...) of input
// pixel (h, w). A strided view of the input, copied run by run.
#include "ops/depth_to_space/depth_to_space.h"

#include "format/tflite_access.h"
#include "ops/common/index_params.h"
#include "ops/common/op_params.h"
#include "ops/common/space_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

Status prepare_depth_to_space(PrepareContext& ctx) {
  const auto* opt = format::options_as<fb::DepthToSpaceOptions>(ctx.info(), fb::BuiltinOptions::DepthToSpaceOptions);
  return space_prepare_block_view(ctx, opt != nullptr ? opt->block_size() : 0, true);
}

void eval_depth_to_space(const EvalContext& ctx) {
  ctx.kernel<kernels::DepthToSpaceFn>()(*ctx.data<kernels::StridedCopy>(), ctx.input(0).data, ctx.output(0).data);
}

}  // namespace

const OpRegistration kDepthToSpaceOp = {5,       "DEPTH_TO_SPACE",     2, prepare_depth_to_space, eval_depth_to_space,
                                        nullptr, describe_shape_change};

}  // namespace tinyinfer
