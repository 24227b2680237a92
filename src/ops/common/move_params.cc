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

}  // namespace tinyinfer
