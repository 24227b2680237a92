// ADD with TFLite broadcasting (shapes aligned at the innermost dimension,
// a dimension of 1 repeats), float and int8.
#include "ops/add/add.h"

#include <cstdio>

#include "ops/add/add_params.h"
#include "ops/common/binary_elementwise.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

struct AddData {
  BinaryElementwise common;
  kernels::AddInt8Params params;
};

Status prepare_add(PrepareContext& ctx) {
  const auto* opt = format::options_as<fb::AddOptions>(ctx.info(), fb::BuiltinOptions::AddOptions);
  const ActivationFunctionType act = opt ? opt->fused_activation_function() : ActivationFunctionType::NONE;
  auto* data = ctx.allocate_persistent_array<AddData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = AddData();
  TI_RETURN_IF_ERROR(prepare_binary_elementwise(ctx, act, &data->common));
  if (data->common.is_int8) {
    const Tensor a = ctx.input(0);
    const Tensor b = ctx.input(1);
    const Tensor out = ctx.output(0);
    quant::prepare_add_int8(a.quant.scale(), a.quant.zero_point(), b.quant.scale(), b.quant.zero_point(),
                            out.quant.scale(), out.quant.zero_point(), data->common.act_min, data->common.act_max,
                            &data->params);
    // The optimized kernel's per-byte tables, planned in the arena for this op.
    kernels::ScratchQuery query;
    query.in = {1, 1, 1, static_cast<int32_t>(a.shape.elements())};
    query.filter = {1, 1, 1, static_cast<int32_t>(b.shape.elements())};
    query.out = {1, 1, 1, static_cast<int32_t>(out.shape.elements())};
    query.small_arena = ctx.small_arena();
    ctx.request_scratch(ctx.kernel_scratch_bytes(query));
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_add(const EvalContext& ctx) {
  const AddData& d = *ctx.data<AddData>();
  if (d.common.is_int8) {
    ctx.kernel<kernels::AddInt8Fn>()(d.params, d.common.shape, ctx.input(0).data_as<const int8_t>(),
                                     ctx.input(1).data_as<const int8_t>(), ctx.output(0).data_as<int8_t>(),
                                     ctx.node.scratch);
  } else {
    ctx.kernel<kernels::AddFloatFn>()(d.common.clamp, d.common.shape, ctx.input(0).data_as<const float>(),
                                      ctx.input(1).data_as<const float>(), ctx.output(0).data_as<float>());
  }
}

int64_t add_macs(const Node&, const TensorSlot*) { return 0; }

void describe_add(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const AddData*>(node.op_data);
  std::snprintf(buffer, size, "%s, %s", d->common.is_int8 ? "int8" : "float", activation_name(d->common.activation));
}

}  // namespace

const OpRegistration kAddOp = {0, "ADD", 5, prepare_add, eval_add, add_macs, describe_add};

}  // namespace tinyinfer
