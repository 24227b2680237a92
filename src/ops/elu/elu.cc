// ELU (alpha 1): x < 0 ? exp(x) - 1 : x. float32, and int8 through a lookup
// table computed in float exactly as TFLite Micro's PopulateLookupTable.
#include "ops/elu/elu.h"

#include <cmath>

#include "ops/common/activation_common.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

struct EluData {
  DataType type;
  int8_t table[256];
};

void populate_table(const Tensor& input, const Tensor& output, int8_t* table) {
  const float input_scale = input.quant.scale();
  const int32_t input_zp = input.quant.zero_point();
  const float inverse_scale = 1.0f / output.quant.scale();
  const int32_t output_zp = output.quant.zero_point();
  for (int32_t q = -128; q <= 127; ++q) {
    const float x = input_scale * static_cast<float>(q - input_zp);
    const float y = x < 0.0f ? std::exp(x) - 1.0f : x;
    const float rescaled = std::round(y * inverse_scale);
    // Saturate in float first: a huge ratio must not overflow the int cast.
    const float clamped = rescaled + static_cast<float>(output_zp);
    int32_t v = clamped > 127.0f ? 127 : (clamped < -128.0f ? -128 : static_cast<int32_t>(clamped));
    table[static_cast<uint8_t>(static_cast<int8_t>(q))] = static_cast<int8_t>(v);
  }
}

Status prepare_elu(PrepareContext& ctx) {
  Tensor input, output;
  TI_RETURN_IF_ERROR(prepare_unary_activation(ctx, &input, &output));
  auto* data = ctx.allocate_persistent_array<EluData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = EluData();
  data->type = input.type;
  if (input.type == DataType::kInt8) populate_table(input, output, data->table);
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_elu(const EvalContext& ctx) {
  const EluData& d = *ctx.data<EluData>();
  const int64_t n = activation_elements(ctx.input(0));
  if (d.type == DataType::kInt8)
    ctx.kernel<kernels::EluInt8Fn>()(d.table, n, ctx.input(0).data_as<const int8_t>(), ctx.output(0).data_as<int8_t>());
  else
    ctx.kernel<kernels::EluFloatFn>()(n, ctx.input(0).data_as<const float>(), ctx.output(0).data_as<float>());
}

void describe_elu(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const EluData*>(node.op_data);
  describe_text(buffer, size, "%s", data_type_name(d->type));
}

}  // namespace

const OpRegistration kEluOp = {111, "ELU", 2, prepare_elu, eval_elu, nullptr, describe_elu};

}  // namespace tinyinfer
