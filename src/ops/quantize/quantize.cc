// QUANTIZE (TFLite op versions 1-2), float32 -> int8 per tensor.
#include "ops/quantize/quantize.h"

#include "ops/common/per_tensor_conversion.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_quantize(PrepareContext& ctx) { return prepare_per_tensor_conversion(ctx, false); }

void eval_quantize(const EvalContext& ctx) {
  const auto& d = *ctx.data<ConversionData>();
  ctx.kernel<kernels::QuantizeFn>()(d.scale, d.zero_point, ctx.input(0).elements(), ctx.input(0).data_as<const float>(),
                                    ctx.output(0).data_as<int8_t>());
}

}  // namespace

const OpRegistration kQuantizeOp = {
    114, "QUANTIZE", 2, prepare_quantize, eval_quantize, conversion_macs, describe_conversion};

}  // namespace tinyinfer
