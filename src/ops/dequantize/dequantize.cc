// DEQUANTIZE (TFLite op versions 1-5), int8 / int16 / uint8 -> float32, per tensor or
// per channel (version 5: int8 weights with one scale per slice).
#include "ops/dequantize/dequantize.h"

#include "ops/common/per_tensor_conversion.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_dequantize(PrepareContext& ctx) { return prepare_per_tensor_conversion(ctx, true); }

template <typename In>
void run_dequantize(const EvalContext& ctx) {
  const auto& d = *ctx.data<ConversionData>();
  run_conversion(d, ctx.kernel<kernels::DequantizeFromFn<In>>(), ctx.input(0).elements(),
                 ctx.input(0).data_as<const In>(), ctx.output(0).data_as<float>());
}

void eval_dequantize(const EvalContext& ctx) {
  switch (ctx.input(0).type) {
    case DataType::kInt16:
      run_dequantize<int16_t>(ctx);
      break;
    case DataType::kUInt8:
      run_dequantize<uint8_t>(ctx);
      break;
    default:  // int8: the only other type with a kernel
      run_dequantize<int8_t>(ctx);
      break;
  }
}

}  // namespace

const OpRegistration kDequantizeOp = {6,       "DEQUANTIZE",       5, prepare_dequantize, eval_dequantize,
                                      nullptr, describe_conversion};

}  // namespace tinyinfer
