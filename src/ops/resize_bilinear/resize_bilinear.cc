// RESIZE_BILINEAR (TFLite op versions 1-4): inputs (input, size), a 4-D NHWC
// input and a constant int32 size (new height, width); options
// align_corners and half_pixel_centers (not both). Float in float
// arithmetic, int8 / int16 in TFLite's integer arithmetic (no float), so
// integer outputs match TFLite byte for byte.
#include "ops/resize_bilinear/resize_bilinear.h"

#include "format/tflite_access.h"
#include "ops/common/index_params.h"
#include "ops/common/op_params.h"
#include "ops/common/space_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

Status prepare_resize_bilinear(PrepareContext& ctx) {
  const auto* opt =
      format::options_as<fb::ResizeBilinearOptions>(ctx.info(), fb::BuiltinOptions::ResizeBilinearOptions);
  const bool align = opt != nullptr && opt->align_corners();
  const bool half = opt != nullptr && opt->half_pixel_centers();
  if (align && half)
    return ctx.error(StatusCode::kInvalidModel, "align_corners and half_pixel_centers cannot both be set");
  return space_prepare_resize(ctx, align, half);
}

void eval_resize_bilinear(const EvalContext& ctx) {
  ctx.kernel<kernels::ResizeBilinearFn>()(*ctx.data<kernels::ResizeGeometry>(), ctx.input(0).data, ctx.output(0).data);
}

}  // namespace

const OpRegistration kResizeBilinearOp = {
    23, "RESIZE_BILINEAR", 4, prepare_resize_bilinear, eval_resize_bilinear, nullptr, describe_shape_change};

}  // namespace tinyinfer
