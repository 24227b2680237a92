// SLICE (TFLite op versions 1-6): inputs (input, begin, size); the box
// [begin, begin + size) of the input (size -1: to the end of the
// dimension), copied as a strided view, whole runs at a time.
#include "ops/slice/slice.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

struct SliceData {
  kernels::StridedCopy copy;
};

Status prepare_slice(PrepareContext& ctx) {
  if (ctx.input_count() != 3 || !ctx.has_input(0) || !ctx.has_input(1) || !ctx.has_input(2) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 3 inputs (input, begin, size) and 1 output");
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const int32_t rank = input.shape.rank;
  int64_t begin[kMaxRank] = {}, size[kMaxRank] = {};
  int32_t begin_count = 0, size_count = 0;
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(1), "begin", kMaxRank, begin, &begin_count));
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(2), "size", kMaxRank, size, &size_count));
  if (begin_count != rank || size_count != rank)
    return ctx.error(StatusCode::kInvalidModel, "begin and size need %d entries (the input's rank), have %d and %d",
                     static_cast<int>(rank), static_cast<int>(begin_count), static_cast<int>(size_count));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  auto* data = ctx.allocate_persistent_array<SliceData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = SliceData();
  int64_t strides[kMaxRank] = {};
  move_strides(input.shape, strides);
  Shape want;
  want.rank = rank;
  kernels::StridedCopy& c = data->copy;
  c.rank = rank;
  for (int32_t d = 0; d < rank; ++d) {
    const int64_t dim = input.shape.dims[d];
    const int64_t n = size[d] == -1 ? dim - begin[d] : size[d];
    if (begin[d] < 0 || n < 0 || begin[d] + n > dim)
      return ctx.error(StatusCode::kInvalidModel, "dimension %d of size %d: begin %d, size %d out of range",
                       static_cast<int>(d), static_cast<int>(dim), static_cast<int>(begin[d]),
                       static_cast<int>(size[d]));
    want.dims[d] = static_cast<int32_t>(n);
    c.dims[d] = static_cast<int32_t>(n);
    c.strides[d] = strides[d];
    c.offset += begin[d] * strides[d];
  }
  if (rank == 0) c.dims[0] = 1;
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  move_simplify(&c);
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_slice(const EvalContext& ctx) {
  ctx.kernel<kernels::SliceFn>()(ctx.data<SliceData>()->copy, ctx.input(0).data, ctx.output(0).data);
}

}  // namespace

const OpRegistration kSliceOp = {65, "SLICE", 6, prepare_slice, eval_slice, nullptr, describe_shape_change};

}  // namespace tinyinfer
