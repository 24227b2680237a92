// SOFTMAX over the innermost dimension, float and int8 (output fixed at
// scale 1/256, zero point -128 by the TFLite int8 spec).
#include "ops/softmax/softmax.h"

#include <cmath>
#include <cstdio>

#include "dsp/softmax_fixed_point.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

constexpr int32_t kMaxInt8SoftmaxDepth = 2048;

struct SoftmaxData {
  bool is_int8;
  float beta;
  int32_t rows, depth;
  kernels::SoftmaxInt8Params params;
};

Status prepare_softmax(PrepareContext& ctx) {
  if (ctx.input_count() != 1 || !ctx.has_input(0) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 1 input and 1 output");
  const Tensor& input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const auto* opt = format::options_as<fb::SoftmaxOptions>(ctx.info(), fb::BuiltinOptions::SoftmaxOptions);
  const float beta = opt ? opt->beta() : 1.0f;
  if (!std::isfinite(beta) || beta <= 0.0f)
    return ctx.error(StatusCode::kInvalidModel, "beta %g must be positive", static_cast<double>(beta));
  if (input.shape != output.shape || input.type != output.type)
    return ctx.error(StatusCode::kInvalidModel, "input and output differ in shape or type");
  if (input.shape.rank < 1) return ctx.error(StatusCode::kInvalidModel, "scalar input");
  auto* data = ctx.allocate_persistent_array<SoftmaxData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = SoftmaxData();
  data->beta = beta;
  data->depth = input.shape.dims[input.shape.rank - 1];
  data->rows = static_cast<int32_t>(input.shape.elements() / data->depth);
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  if (input.type == DataType::kInt8) {
    data->is_int8 = true;
    TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, input, "input"));
    TI_RETURN_IF_ERROR(require_per_tensor_int8(ctx, output, "output"));
    if (output.quant.zero_point() != -128 || output.quant.scale() != 1.0f / 256.0f)
      return ctx.error(StatusCode::kUnsupported, "int8 output must have scale 1/256 and zero point -128 (has %g, %d)",
                       static_cast<double>(output.quant.scale()), output.quant.zero_point());
    // Deeper rows could overflow the Q12.19 sum of exponentials.
    if (data->depth > kMaxInt8SoftmaxDepth)
      return ctx.error(StatusCode::kUnsupported, "int8 rows of %d values (max %d)", data->depth, kMaxInt8SoftmaxDepth);
    quant::prepare_softmax_int8(beta, input.quant.scale(), &data->params);
    if (data->params.input_multiplier == 0 || data->params.input_left_shift < 0)
      return ctx.error(StatusCode::kUnsupported, "beta x input scale %g is too small for int8 softmax",
                       static_cast<double>(beta) * input.quant.scale());
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_softmax(const EvalContext& ctx) {
  const SoftmaxData& d = *ctx.data<SoftmaxData>();
  if (d.is_int8)
    ctx.kernel<kernels::SoftmaxInt8Fn>()(d.params, d.rows, d.depth, ctx.input(0).data_as<const int8_t>(),
                                         ctx.output(0).data_as<int8_t>());
  else
    ctx.kernel<kernels::SoftmaxFloatFn>()(d.beta, d.rows, d.depth, ctx.input(0).data_as<const float>(),
                                          ctx.output(0).data_as<float>());
}

int64_t softmax_macs(const Node&, const TensorSlot*) { return 0; }

void describe_softmax(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const SoftmaxData*>(node.op_data);
  describe_text(buffer, size, "%s, beta %g, %d x %d", d->is_int8 ? "int8" : "float", static_cast<double>(d->beta),
                d->rows, d->depth);
}

}  // namespace

const OpRegistration kSoftmaxOp = {25, "SOFTMAX", 3, prepare_softmax, eval_softmax, softmax_macs, describe_softmax};

}  // namespace tinyinfer
