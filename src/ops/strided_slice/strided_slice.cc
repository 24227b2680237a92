// STRIDED_SLICE (TFLite op versions 1-8): inputs (input, begin, end,
// strides), constant. Per axis TFLite's rules: negative indices count from
// the end, start/end are clamped to the axis (stride < 0: [-1, size - 1]),
// begin_mask / end_mask take the whole axis, `offset` makes end relative to
// begin, shrink_axis_mask keeps one element and drops the axis. Axes past
// the given indices (begin shorter than the rank) are taken whole, as
// TFLite pads the indices. ellipsis_mask and new_axis_mask are refused
// (TFLite Micro ignores them). The slice is a strided view of the input,
// copied run by run.
#include "ops/strided_slice/strided_slice.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

struct StridedSliceData {
  kernels::StridedCopy copy;
};

int64_t clamp(int64_t v, int64_t lo, int64_t hi) { return v < lo ? lo : (v > hi ? hi : v); }

Status prepare_strided_slice(PrepareContext& ctx) {
  if (ctx.input_count() != 4 || !ctx.has_input(0) || !ctx.has_input(1) || !ctx.has_input(2) || !ctx.has_input(3) ||
      ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 4 inputs (input, begin, end, strides) and 1 output");
  const auto* opt = format::options_as<fb::StridedSliceOptions>(ctx.info(), fb::BuiltinOptions::StridedSliceOptions);
  const int32_t begin_mask = opt ? opt->begin_mask() : 0;
  const int32_t end_mask = opt ? opt->end_mask() : 0;
  const int32_t shrink_mask = opt ? opt->shrink_axis_mask() : 0;
  const bool offset = opt ? opt->offset() : false;
  if (opt != nullptr && (opt->ellipsis_mask() != 0 || opt->new_axis_mask() != 0))
    return ctx.error(StatusCode::kUnsupported, "ellipsis_mask %d / new_axis_mask %d not supported (0 only)",
                     static_cast<int>(opt->ellipsis_mask()), static_cast<int>(opt->new_axis_mask()));
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const int32_t rank = input.shape.rank;
  int64_t begin[kMaxRank] = {}, end[kMaxRank] = {}, strides[kMaxRank] = {};
  int32_t nb = 0, ne = 0, ns = 0;
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(1), "begin", kMaxRank, begin, &nb));
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(2), "end", kMaxRank, end, &ne));
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(3), "strides", kMaxRank, strides, &ns));
  if (nb != ne || nb != ns || nb > rank)
    return ctx.error(StatusCode::kInvalidModel, "begin, end and strides have %d, %d and %d entries for rank %d",
                     static_cast<int>(nb), static_cast<int>(ne), static_cast<int>(ns), static_cast<int>(rank));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));

  auto* data = ctx.allocate_persistent_array<StridedSliceData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = StridedSliceData();
  int64_t in_strides[kMaxRank] = {};
  move_strides(input.shape, in_strides);
  kernels::StridedCopy& c = data->copy;
  c.rank = rank;
  Shape want;
  for (int32_t d = 0; d < rank; ++d) {
    const int64_t size = input.shape.dims[d];
    int64_t start = 0, stop = size, stride = 1;
    bool shrink = false;
    if (d < nb) {
      stride = strides[d];
      if (stride == 0) return ctx.error(StatusCode::kInvalidModel, "stride of axis %d is 0", static_cast<int>(d));
      shrink = (shrink_mask & (1 << d)) != 0;
      start = begin[d] < 0 ? begin[d] + size : begin[d];
      start = stride > 0 ? clamp(start, 0, size) : clamp(start, -1, size - 1);
      if ((begin_mask & (1 << d)) != 0) start = stride > 0 ? 0 : size - 1;
      if (shrink) {
        stop = start >= size ? start : start + 1;
      } else {
        stop = offset ? end[d] + start : end[d];
        if (stop < 0) stop += size;
        stop = stride > 0 ? clamp(stop, 0, size) : clamp(stop, -1, size - 1);
        if ((end_mask & (1 << d)) != 0) stop = stride > 0 ? size : -1;
      }
    }
    int64_t n = 0;
    if (stride > 0 && stop > start) n = (stop - start + stride - 1) / stride;
    if (stride < 0 && start > stop) n = (start - stop - stride - 1) / -stride;
    if (shrink && n != 1)
      return ctx.error(StatusCode::kInvalidModel, "shrink axis %d selects %d elements, not 1", static_cast<int>(d),
                       static_cast<int>(n));
    if (!shrink) want.dims[want.rank++] = static_cast<int32_t>(n);
    c.dims[d] = static_cast<int32_t>(n);
    c.strides[d] = stride * in_strides[d];
    if (n > 0) c.offset += start * in_strides[d];
  }
  if (rank == 0) c.dims[0] = 1;
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  move_simplify(&c);
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_strided_slice(const EvalContext& ctx) {
  ctx.kernel<kernels::StridedSliceFn>()(ctx.data<StridedSliceData>()->copy, ctx.input(0).data, ctx.output(0).data);
}

}  // namespace

const OpRegistration kStridedSliceOp = {45,      "STRIDED_SLICE",      8, prepare_strided_slice, eval_strided_slice,
                                        nullptr, describe_shape_change};

}  // namespace tinyinfer
