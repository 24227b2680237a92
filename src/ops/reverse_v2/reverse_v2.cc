// REVERSE_V2 (TFLite op versions 1-3): inputs (input, axis); the input read
// backwards along the constant axes (negative count from the end, each at
// most once): a strided view with negative strides, copied run by run.
#include "ops/reverse_v2/reverse_v2.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

struct ReverseV2Data {
  kernels::StridedCopy copy;
  int32_t axes;  // bit d: axis d reversed
};

Status prepare_reverse_v2(PrepareContext& ctx) {
  if (ctx.input_count() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2 inputs (input, axis) and 1 output");
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const int32_t rank = input.shape.rank;
  int64_t axes[kMaxRank] = {};
  int32_t count = 0;
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(1), "axis", kMaxRank, axes, &count));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  auto* data = ctx.allocate_persistent_array<ReverseV2Data>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = ReverseV2Data();
  for (int32_t i = 0; i < count; ++i) {
    int32_t axis = 0;
    TI_RETURN_IF_ERROR(move_resolve_axis(ctx, axes[i], rank, "axis", &axis));
    if ((data->axes & (1 << axis)) != 0)
      return ctx.error(StatusCode::kInvalidModel, "axis %d is listed twice", static_cast<int>(axis));
    data->axes |= 1 << axis;
  }
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, input.shape, "output"));
  kernels::StridedCopy& c = data->copy;
  c.rank = rank;
  move_strides(input.shape, c.strides);
  for (int32_t d = 0; d < rank; ++d) {
    c.dims[d] = input.shape.dims[d];
    if ((data->axes & (1 << d)) != 0 && c.dims[d] > 0) {
      c.offset += (c.dims[d] - 1) * c.strides[d];
      c.strides[d] = -c.strides[d];
    }
  }
  if (rank == 0) c.dims[0] = 1;
  move_simplify(&c);
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_reverse_v2(const EvalContext& ctx) {
  ctx.kernel<kernels::ReverseV2Fn>()(ctx.data<ReverseV2Data>()->copy, ctx.input(0).data, ctx.output(0).data);
}

void describe_reverse_v2(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const ReverseV2Data*>(node.op_data);
  describe_text(buffer, size, "axes mask 0x%x", static_cast<unsigned>(d->axes));
}

}  // namespace

const OpRegistration kReverseV2Op = {105,     "REVERSE_V2",       3, prepare_reverse_v2, eval_reverse_v2,
                                     nullptr, describe_reverse_v2};

}  // namespace tinyinfer
