// Reductions: shared preparation and dispatch (reduce_params.h).
#include "ops/common/reduce_params.h"

#include <cmath>

#include "dsp/fixed_point.h"
#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

// Axis lists may repeat entries; more than this many is not a real model.
constexpr int32_t kMaxAxisEntries = 16;

Status check_per_tensor(const PrepareContext& ctx, const Tensor& t, const char* role) {
  if (!t.quant.is_quantized() || t.quant.per_channel())
    return ctx.error(StatusCode::kUnsupported, "%s tensor '%s' is %s: needs one scale and zero point", role, t.name,
                     data_type_name(t.type));
  const float scale = t.quant.scale();
  if (!std::isfinite(scale) || !(scale > 0.0f))
    return ctx.error(StatusCode::kInvalidModel, "%s tensor '%s' has scale %g (must be finite and positive)", role,
                     t.name, static_cast<double>(scale));
  return Status::ok();
}

Status prepare_quant(const PrepareContext& ctx, const Tensor& input, const Tensor& output, ReduceQuant quant,
                     kernels::ReduceParams* p) {
  if (input.type != DataType::kInt8 && input.type != DataType::kInt16) return Status::ok();
  if (quant == ReduceQuant::kSameQuant) return move_check_same_quant(ctx, input, output, "input");
  if (quant == ReduceQuant::kNone) return Status::ok();
  TI_RETURN_IF_ERROR(check_per_tensor(ctx, input, "input"));
  TI_RETURN_IF_ERROR(check_per_tensor(ctx, output, "output"));
  int shift = 0;
  quant::quantize_multiplier(static_cast<double>(input.quant.scale()) / static_cast<double>(output.quant.scale()),
                             &p->multiplier, &shift);
  p->shift = shift;
  if (quant == ReduceQuant::kMean) fold_mean_count(p->count, &p->multiplier, &p->shift);
  p->input_zero_point = input.quant.zero_point();
  p->output_zero_point = output.quant.zero_point();
  return Status::ok();
}

}  // namespace

// Folds 1/count into the sum's multiplier the way TFLite's quantized mean
// does: a left shift by floor(log2(count)) (at most 32, and at most what
// keeps the final shift >= -31) before the integer division, so little
// precision is lost.
void fold_mean_count(int64_t count, int32_t* multiplier, int32_t* shift) {
  if (count <= 0) return;
  int32_t bits = 0;
  while ((count >> (bits + 1)) != 0) ++bits;
  if (bits > 32) bits = 32;
  if (bits > 31 + *shift) bits = 31 + *shift;
  *multiplier = static_cast<int32_t>((static_cast<int64_t>(*multiplier) << bits) / count);
  *shift -= bits;
}

// Fills p's geometry: size-1 dimensions dropped, neighbours of the same kind
// (reduced / kept) merged, output steps from the innermost kept dimension out.
void build_reduce_geometry(const Shape& in, const bool* reduced, kernels::ReduceParams* p) {
  bool kinds[kMaxRank] = {};
  int32_t r = 0;
  for (int32_t d = 0; d < in.rank; ++d) {
    const int32_t n = in.dims[d];
    if (reduced[d]) p->count *= n;
    if (n == 0) p->empty = true;
    if (n == 1) continue;
    if (r > 0 && kinds[r - 1] == reduced[d]) {
      p->dims[r - 1] *= n;
      continue;
    }
    p->dims[r] = n;
    kinds[r] = reduced[d];
    ++r;
  }
  if (r == 0) {
    p->dims[0] = 1;
    kinds[0] = true;
    r = 1;
  }
  p->rank = r;
  int64_t stride = 1;
  for (int32_t d = r - 1; d >= 0; --d) {
    p->out_strides[d] = kinds[d] ? 0 : stride;
    if (!kinds[d]) stride *= p->dims[d];
  }
  if (p->empty) p->count = 0;
}

Status prepare_reduce(PrepareContext& ctx, ReduceQuant quant) {
  if (ctx.input_count() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2 inputs (input, axis) and 1 output");
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const auto* opt = format::options_as<fb::ReducerOptions>(ctx.info(), fb::BuiltinOptions::ReducerOptions);
  const bool keep_dims = opt != nullptr && opt->keep_dims();
  int64_t axes[kMaxAxisEntries] = {};
  int32_t count = 0;
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(1), "axis", kMaxAxisEntries, axes, &count));
  const int32_t rank = input.shape.rank;
  bool reduced[kMaxRank] = {};
  // A scalar input ignores its axes (TFLite: nothing to reduce).
  for (int32_t i = 0; i < count && rank > 0; ++i) {
    int32_t axis = 0;
    TI_RETURN_IF_ERROR(move_resolve_axis(ctx, axes[i], rank, "axis", &axis));
    reduced[axis] = true;
  }
  Shape want;
  for (int32_t d = 0; d < rank; ++d)
    if (!reduced[d] || keep_dims) want.dims[want.rank++] = reduced[d] ? 1 : input.shape.dims[d];
  // TFLite (Micro) reads only the output's element count, so a keep_dims
  // shape written without the unit dimensions (or the reverse) still runs.
  if (output.shape.elements() != want.elements()) TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));

  auto* data = ctx.allocate_persistent_array<ReduceData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = ReduceData();
  data->keep_dims = keep_dims;
  for (int32_t d = 0; d < rank; ++d)
    if (reduced[d]) data->axes[data->axis_count++] = static_cast<int8_t>(d);
  kernels::ReduceParams& p = data->params;
  build_reduce_geometry(input.shape, reduced, &p);
  p.outputs = want.elements();
  TI_RETURN_IF_ERROR(prepare_quant(ctx, input, output, quant, &p));
  kernels::ScratchQuery query;
  query.out = kernels::Dims4{1, 1, 1, static_cast<int32_t>(p.outputs)};
  ctx.request_scratch(ctx.kernel_scratch_bytes(query));
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_reduce(const EvalContext& ctx) {
  ctx.kernel<kernels::ReduceFn>()(ctx.data<ReduceData>()->params, ctx.input(0).data, ctx.output(0).data,
                                  ctx.node.scratch);
}

int64_t reduce_macs(const Node& node, const TensorSlot* tensors) { return tensors[node.inputs[0]].elements(); }

void describe_reduce(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const ReduceData*>(node.op_data);
  char axes[3 * kMaxRank + 1] = "";
  std::size_t used = 0;
  for (int32_t i = 0; i < d->axis_count; ++i) {
    axes[used++] = static_cast<char>('0' + d->axes[i]);
    if (i + 1 < d->axis_count) axes[used++] = ',';
  }
  axes[used] = '\0';
  describe_text(buffer, size, "axes %s%s", d->axis_count > 0 ? axes : "none", d->keep_dims ? " keep_dims" : "");
}

}  // namespace tinyinfer
