#include "ops/common/move_params.h"

#include <cmath>
#include <cstdio>

#include "ops/common/op_params.h"

namespace tinyinfer {

Status move_resolve_axis(const PrepareContext& ctx, int64_t axis, int32_t rank, const char* role, int32_t* resolved) {
  if (axis < -rank || axis >= rank)
    return ctx.error(StatusCode::kInvalidModel, "%s %d out of range for rank %d (valid: [%d, %d))", role,
                     static_cast<int>(axis), static_cast<int>(rank), static_cast<int>(-rank), static_cast<int>(rank));
  *resolved = static_cast<int32_t>(axis < 0 ? axis + rank : axis);
  return Status::ok();
}

Status move_read_ints(const PrepareContext& ctx, const Tensor& t, const char* role, int32_t max_count, int64_t* values,
                      int32_t* count) {
  if (t.type != DataType::kInt32 && t.type != DataType::kInt64)
    return ctx.error(StatusCode::kUnsupported, "%s of type %s not supported (int32, int64)", role,
                     data_type_name(t.type));
  if (!t.is_constant || t.data == nullptr)
    return ctx.error(StatusCode::kUnsupported, "%s must be a constant tensor (output shapes are static)", role);
  const int64_t n = t.shape.elements();
  if (n > max_count)
    return ctx.error(StatusCode::kInvalidModel, "%s has %d values, at most %d expected", role, static_cast<int>(n),
                     static_cast<int>(max_count));
  for (int64_t i = 0; i < n; ++i)
    values[i] = t.type == DataType::kInt32 ? int64_t{t.data_as<const int32_t>()[i]} : t.data_as<const int64_t>()[i];
  *count = static_cast<int32_t>(n);
  return Status::ok();
}

Status move_check_shape(const PrepareContext& ctx, const Tensor& output, const Shape& want, const char* role) {
  if (output.shape == want) return Status::ok();
  char got[64], expected[64];
  format_shape(output.shape, got, sizeof(got));
  format_shape(want, expected, sizeof(expected));
  return ctx.error(StatusCode::kInvalidModel, "%s has shape [%s], the op produces [%s]", role, got, expected);
}

Status move_check_same_quant(const PrepareContext& ctx, const Tensor& input, const Tensor& output, const char* role) {
  if (input.type != DataType::kInt8 && input.type != DataType::kInt16) return Status::ok();
  const Quantization& a = input.quant;
  const Quantization& b = output.quant;
  if (a.per_channel() || b.per_channel())
    return ctx.error(StatusCode::kUnsupported, "%s: per-channel quantization not supported", role);
  if (a.scale() != b.scale() || a.zero_point() != b.zero_point()) {
    return ctx.error(StatusCode::kUnsupported,
                     "%s quantization (scale %g, zero point %d) differs from the output's (scale %g, zero point %d): "
                     "rescaling not supported",
                     role, static_cast<double>(a.scale()), static_cast<int>(a.zero_point()),
                     static_cast<double>(b.scale()), static_cast<int>(b.zero_point()));
  }
  return Status::ok();
}

void move_strides(const Shape& shape, int64_t* strides) {
  int64_t stride = 1;
  for (int32_t d = shape.rank - 1; d >= 0; --d) {
    strides[d] = stride;
    stride *= shape.dims[d];
  }
}

void move_simplify(kernels::StridedCopy* p) {
  kernels::StridedCopy s;
  s.offset = p->offset;
  s.rank = 0;
  bool empty = false;
  for (int32_t d = 0; d < p->rank; ++d) {
    if (p->dims[d] == 0) empty = true;
    if (p->dims[d] == 1) continue;  // contributes nothing but its offset (already in `offset`)
    if (s.rank > 0 && s.strides[s.rank - 1] == p->strides[d] * p->dims[d]) {
      // The previous dimension steps exactly over this one: one longer dimension.
      s.dims[s.rank - 1] *= p->dims[d];
      s.strides[s.rank - 1] = p->strides[d];
      continue;
    }
    s.dims[s.rank] = p->dims[d];
    s.strides[s.rank] = p->strides[d];
    ++s.rank;
  }
  if (s.rank == 0) {
    s.rank = 1;
    s.dims[0] = 1;
    s.strides[0] = 1;
  }
  if (empty) {
    s.rank = 1;
    s.dims[0] = 0;
    s.strides[0] = 1;
  }
  *p = s;
}

void move_simplify_pad(kernels::PadGeometry* p) {
  kernels::PadGeometry s;
  s.rank = 0;
  for (int32_t d = 0; d < p->rank; ++d) {
    const bool padded = p->before[d] != 0 || p->after[d] != 0;
    if (s.rank > 0 && !padded) {
      // An unpadded dimension folds into its outer neighbour: the outer
      // index alone decides whether a row is padding.
      const int32_t n = p->in_dims[d];
      s.in_dims[s.rank - 1] *= n;
      s.before[s.rank - 1] *= n;
      s.after[s.rank - 1] *= n;
      continue;
    }
    s.in_dims[s.rank] = p->in_dims[d];
    s.before[s.rank] = p->before[d];
    s.after[s.rank] = p->after[d];
    ++s.rank;
  }
  if (s.rank == 0) {
    s.rank = 1;
    s.in_dims[0] = 1;
  }
  *p = s;
}

Status move_read_paddings(const PrepareContext& ctx, const Tensor& paddings, int32_t rank, int64_t* pads) {
  int32_t count = 0;
  TI_RETURN_IF_ERROR(move_read_ints(ctx, paddings, "paddings", 2 * kMaxRank, pads, &count));
  if (paddings.shape.rank != 2 || paddings.shape.dims[0] != rank || paddings.shape.dims[1] != 2)
    return ctx.error(StatusCode::kInvalidModel, "paddings must have shape [%d, 2] (the input's rank)",
                     static_cast<int>(rank));
  return Status::ok();
}

Status move_read_axis(const PrepareContext& ctx, int32_t axis_input, int32_t rank, int32_t* axis) {
  int64_t value = 0;
  int32_t count = 0;
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(axis_input), "axis", 1, &value, &count));
  if (count != 1) return ctx.error(StatusCode::kInvalidModel, "axis must hold one value");
  return move_resolve_axis(ctx, value, rank, "axis", axis);
}

int64_t* move_prepare_runs(PrepareContext& ctx, int32_t count, const Shape& shape, int32_t axis) {
  auto* data = ctx.allocate_persistent_array<RunsData>(1);
  auto* runs = ctx.allocate_persistent_array<int64_t>(static_cast<std::size_t>(count));
  auto* tensors = ctx.allocate_persistent_array<void*>(static_cast<std::size_t>(count));
  if (data == nullptr || runs == nullptr || tensors == nullptr) return nullptr;
  int64_t outer = 1;
  for (int32_t d = 0; d < axis; ++d) outer *= shape.dims[d];
  *data = RunsData();
  data->runs.outer = outer;
  data->runs.count = count;
  data->runs.runs = runs;
  data->tensors = tensors;
  data->axis = axis;
  ctx.node().op_data = data;
  return runs;
}

Status move_prepare_even_split(PrepareContext& ctx, const Tensor& input, int32_t axis, const Shape& want) {
  const int32_t n = ctx.output_count();
  for (int32_t i = 0; i < n; ++i) {
    const Tensor out = ctx.output(i);
    if (out.type != input.type)
      return ctx.error(StatusCode::kInvalidModel, "output %d is %s, the input is %s", static_cast<int>(i),
                       data_type_name(out.type), data_type_name(input.type));
    TI_RETURN_IF_ERROR(move_check_shape(ctx, out, want, "output"));
  }
  // Per outer row the input holds dims[axis] * inner elements, cut in n.
  int64_t row = 1;
  for (int32_t d = axis; d < input.shape.rank; ++d) row *= input.shape.dims[d];
  int64_t* runs = move_prepare_runs(ctx, n, input.shape, axis);
  if (runs == nullptr) return ctx.arena_exhausted();
  for (int32_t i = 0; i < n; ++i) runs[i] = row / n;
  return Status::ok();
}

void move_eval_join(const EvalContext& ctx) {
  RunsData& d = *ctx.data<RunsData>();
  for (int32_t i = 0; i < d.runs.count; ++i) d.tensors[i] = ctx.input(i).data;
  ctx.kernel<kernels::MoveConcatFn>()(d.runs, d.tensors, ctx.output(0).data);
}

void move_eval_split(const EvalContext& ctx, int32_t source) {
  RunsData& d = *ctx.data<RunsData>();
  for (int32_t i = 0; i < d.runs.count; ++i) d.tensors[i] = ctx.output(i).data;
  ctx.kernel<kernels::MoveSplitFn>()(d.runs, ctx.input(source).data, d.tensors);
}

namespace {

void describe_runs(const Node& node, const char* role, char* buffer, std::size_t size) {
  const auto* d = static_cast<const RunsData*>(node.op_data);
  describe_text(buffer, size, "%d %s, axis %d", static_cast<int>(d->runs.count), role, static_cast<int>(d->axis));
}

}  // namespace

void move_describe_join(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  describe_runs(node, "inputs", buffer, size);
}

void move_describe_split(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  describe_runs(node, "outputs", buffer, size);
}

}  // namespace tinyinfer
