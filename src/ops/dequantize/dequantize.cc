// DEQUANTIZE (TFLite op versions 1-4), int8 -> float32 per tensor.
#include "ops/dequantize/dequantize.h"

#include "ops/common/per_tensor_conversion.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_dequantize(PrepareContext& ctx) { return prepare_per_tensor_conversion(ctx, true); }

void eval_dequantize(const EvalContext& ctx) {
  const auto& d = *ctx.data<ConversionData>();
  ctx.kernel<kernels::DequantizeFn>()(d.scale, d.zero_point, ctx.input(0).elements(),
                                      ctx.input(0).data_as<const int8_t>(), ctx.output(0).data_as<float>());
}

}  // namespace

const OpRegistration kDequantizeOp = {
    6, "DEQUANTIZE", 4, prepare_dequantize, eval_dequantize, conversion_macs, describe_conversion};

}  // namespace tinyinfer
