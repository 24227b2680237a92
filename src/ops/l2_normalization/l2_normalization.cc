// L2_NORMALIZATION over the innermost dimension (TFLite normalizes the last
// axis only): float32, and int8 with output scale 1/128, zero point 0.
#include "ops/l2_normalization/l2_normalization.h"

#include "ops/common/activation_common.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

// The int8 kernel sums squares of (q - zp), each up to 255^2, in int32.
constexpr int32_t kMaxInt8Depth = 33025;

struct L2NormalizationData {
  DataType type;
  int32_t rows, depth;
  int32_t input_zero_point;
};

Status prepare_l2_normalization(PrepareContext& ctx) {
  Tensor input, output;
  TI_RETURN_IF_ERROR(prepare_unary_activation(ctx, &input, &output));
  const auto* opt = format::options_as<fb::L2NormOptions>(ctx.info(), fb::BuiltinOptions::L2NormOptions);
  const ActivationFunctionType act = opt ? opt->fused_activation_function() : ActivationFunctionType::NONE;
  if (act != ActivationFunctionType::NONE)
    return ctx.error(StatusCode::kUnsupported, "fused activation %s not supported (NONE only)", activation_name(act));
  if (input.shape.rank < 1) return ctx.error(StatusCode::kInvalidModel, "scalar input");
  auto* data = ctx.allocate_persistent_array<L2NormalizationData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = L2NormalizationData();
  data->type = input.type;
  data->depth = input.shape.dims[input.shape.rank - 1];
  data->rows = data->depth > 0 ? static_cast<int32_t>(input.shape.elements() / data->depth) : 0;
  if (input.type == DataType::kInt8) {
    if (output.quant.scale() != 1.0f / 128.0f || output.quant.zero_point() != 0)
      return ctx.error(StatusCode::kUnsupported, "int8 output must have scale 1/128 and zero point 0 (has %g, %d)",
                       static_cast<double>(output.quant.scale()), output.quant.zero_point());
    if (data->depth > kMaxInt8Depth)
      return ctx.error(StatusCode::kUnsupported, "int8 rows of %d values (max %d)", data->depth, kMaxInt8Depth);
    data->input_zero_point = input.quant.zero_point();
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_l2_normalization(const EvalContext& ctx) {
  const L2NormalizationData& d = *ctx.data<L2NormalizationData>();
  if (d.type == DataType::kInt8)
    ctx.kernel<kernels::L2NormalizationInt8Fn>()(d.input_zero_point, d.rows, d.depth,
                                                 ctx.input(0).data_as<const int8_t>(), ctx.output(0).data_as<int8_t>());
  else
    ctx.kernel<kernels::L2NormalizationFloatFn>()(d.rows, d.depth, ctx.input(0).data_as<const float>(),
                                                  ctx.output(0).data_as<float>());
}

int64_t l2_normalization_macs(const Node& node, const TensorSlot*) {
  const auto* d = static_cast<const L2NormalizationData*>(node.op_data);
  return int64_t{d->rows} * d->depth;
}

void describe_l2_normalization(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const L2NormalizationData*>(node.op_data);
  describe_text(buffer, size, "%s, %d x %d", data_type_name(d->type), d->rows, d->depth);
}

}  // namespace

const OpRegistration kL2NormalizationOp = {11,
                                           "L2_NORMALIZATION",
                                           2,
                                           prepare_l2_normalization,
                                           eval_l2_normalization,
                                           l2_normalization_macs,
                                           describe_l2_normalization};

}  // namespace tinyinfer
