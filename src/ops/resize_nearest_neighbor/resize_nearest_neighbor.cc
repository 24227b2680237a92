// RESIZE_NEAREST_NEIGHBOR (TFLite op versions 1-4): inputs (input, size), a
// 4-D NHWC input and a constant int32 size (new height, width); options
// align_corners and half_pixel_centers choose the source pixel exactly as
// TFLite's reference does (float scale, floor or round).
#include "ops/resize_nearest_neighbor/resize_nearest_neighbor.h"

#include "format/tflite_access.h"
#include "ops/common/index_params.h"
#include "ops/common/op_params.h"
#include "ops/common/space_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

Status prepare_resize_nearest_neighbor(PrepareContext& ctx) {
  const auto* opt = format::options_as<fb::ResizeNearestNeighborOptions>(
      ctx.info(), fb::BuiltinOptions::ResizeNearestNeighborOptions);
  return space_prepare_resize(ctx, opt != nullptr && opt->align_corners(), opt != nullptr && opt->half_pixel_centers());
}

void eval_resize_nearest_neighbor(const EvalContext& ctx) {
  ctx.kernel<kernels::ResizeNearestNeighborFn>()(*ctx.data<kernels::ResizeGeometry>(), ctx.input(0).data,
                                                 ctx.output(0).data);
}

}  // namespace

const OpRegistration kResizeNearestNeighborOp = {
    97,      "RESIZE_NEAREST_NEIGHBOR", 4, prepare_resize_nearest_neighbor, eval_resize_nearest_neighbor,
    nullptr, describe_shape_change};

}  // namespace tinyinfer
