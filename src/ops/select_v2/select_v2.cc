// SELECT_V2: condition ? x : y with the three inputs broadcast to the output
// (TFLite's rule, up to kMaxBroadcastRank dimensions); values float32, int8
// and int16, the types TFLite Micro implements.
#include "ops/select_v2/select_v2.h"

#include <algorithm>

#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

struct SelectV2Data {
  kernels::SelectShape shape;
  DataType type = DataType::kFloat32;
};

int32_t aligned_dim(const Shape& s, int32_t d, int32_t rank) {
  const int32_t i = d - (rank - s.rank);
  return i >= 0 ? s.dims[i] : 1;
}

Status prepare_select_v2(PrepareContext& ctx) {
  if (ctx.input_count() != 3 || !ctx.has_input(0) || !ctx.has_input(1) || !ctx.has_input(2) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 3 inputs (condition, x, y) and 1 output");
  const Tensor c = ctx.input(0);
  const Tensor x = ctx.input(1);
  const Tensor y = ctx.input(2);
  const Tensor out = ctx.output(0);
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({c.type, x.type, y.type}, out.type)));
  auto* data = ctx.allocate_persistent_array<SelectV2Data>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = SelectV2Data();
  data->type = out.type;
  kernels::SelectShape& s = data->shape;
  // TFLite runs single-element tensors of any ranks as one element.
  const bool single =
      c.shape.elements() == 1 && x.shape.elements() == 1 && y.shape.elements() == 1 && out.shape.elements() == 1;
  if (!single) {
    s.rank = out.shape.rank;
    if (s.rank > kernels::kMaxBroadcastRank)
      return ctx.error(StatusCode::kUnsupported, "output rank %d: broadcasting goes up to rank %d", s.rank,
                       kernels::kMaxBroadcastRank);
    if (c.shape.rank > s.rank || x.shape.rank > s.rank || y.shape.rank > s.rank)
      return ctx.error(StatusCode::kInvalidModel, "output rank %d below input ranks %d, %d and %d", s.rank,
                       c.shape.rank, x.shape.rank, y.shape.rank);
    for (int32_t d = 0; d < s.rank; ++d) {
      s.out[d] = out.shape.dims[d];
      s.condition[d] = aligned_dim(c.shape, d, s.rank);
      s.x[d] = aligned_dim(x.shape, d, s.rank);
      s.y[d] = aligned_dim(y.shape, d, s.rank);
      const int32_t lo = std::min({s.condition[d], s.x[d], s.y[d]});
      // A dimension of 0 broadcasts only with 1 (TFLite's CheckBroadcastShape).
      const int32_t hi = lo == 0 ? 0 : std::max({s.condition[d], s.x[d], s.y[d]});
      const bool fits = (s.condition[d] == 1 || s.condition[d] == hi) && (s.x[d] == 1 || s.x[d] == hi) &&
                        (s.y[d] == 1 || s.y[d] == hi);
      if (!fits || s.out[d] != hi)
        return ctx.error(StatusCode::kInvalidModel, "dimension %d: %d, %d and %d cannot broadcast to %d", d,
                         s.condition[d], s.x[d], s.y[d], s.out[d]);
    }
  }
  ctx.node().op_data = data;
  return Status::ok();
}

template <typename T>
void run_select(const EvalContext& ctx, const SelectV2Data& d) {
  ctx.kernel<kernels::SelectV2Fn<T>>()(d.shape, ctx.input(0).data_as<const bool>(), ctx.input(1).data_as<const T>(),
                                       ctx.input(2).data_as<const T>(), ctx.output(0).data_as<T>());
}

void eval_select_v2(const EvalContext& ctx) {
  const SelectV2Data& d = *ctx.data<SelectV2Data>();
  switch (d.type) {
    case DataType::kFloat32:
      run_select<float>(ctx, d);
      break;
    case DataType::kInt8:
      run_select<int8_t>(ctx, d);
      break;
    case DataType::kInt16:
      run_select<int16_t>(ctx, d);
      break;
    default:  // no kernel is registered for another type
      break;
  }
}

void describe_select_v2(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const SelectV2Data*>(node.op_data);
  describe_text(buffer, size, "%s, rank %d", data_type_name(d->type), static_cast<int>(d->shape.rank));
}

}  // namespace

const OpRegistration kSelectV2Op = {123,     "SELECT_V2",       2, prepare_select_v2, eval_select_v2,
                                    nullptr, describe_select_v2};

}  // namespace tinyinfer
