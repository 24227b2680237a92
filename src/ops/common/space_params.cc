#include "ops/common/space_params.h"

#include "ops/common/index_params.h"
#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {

Status space_prepare_block_view(PrepareContext& ctx, int32_t block, bool to_space) {
  TI_RETURN_IF_ERROR(index_check_io(ctx, 1, "input"));
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  if (input.shape.rank != 4)
    return ctx.error(StatusCode::kUnsupported, "input of rank %d (only 4: NHWC)", static_cast<int>(input.shape.rank));
  if (block < 1)
    return ctx.error(StatusCode::kInvalidModel, "block_size %d (must be 1 or more)", static_cast<int>(block));
  const kernels::Dims4 in = nhwc(input.shape);
  Shape want = input.shape;
  if (to_space) {
    if (in.c % (block * block) != 0)
      return ctx.error(StatusCode::kInvalidModel, "depth %d is not a multiple of block_size^2 (%d)",
                       static_cast<int>(in.c), static_cast<int>(block * block));
    want.dims[1] = in.h * block;
    want.dims[2] = in.w * block;
    want.dims[3] = in.c / (block * block);
  } else {
    if (in.h % block != 0 || in.w % block != 0)
      return ctx.error(StatusCode::kInvalidModel, "height %d and width %d must be multiples of block_size %d",
                       static_cast<int>(in.h), static_cast<int>(in.w), static_cast<int>(block));
    want.dims[1] = in.h / block;
    want.dims[2] = in.w / block;
    want.dims[3] = in.c * block * block;
  }
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  auto* c = ctx.allocate_persistent_array<kernels::StridedCopy>(1);
  if (c == nullptr) return ctx.arena_exhausted();
  *c = kernels::StridedCopy();
  c->rank = 6;
  const int64_t row = int64_t{in.w} * in.c;
  const int64_t image = row * in.h;
  if (to_space) {
    // Output [n, h, bh, w, bw, c] reads input [n, h, w, (bh * block + bw) * depth + c].
    const int32_t depth = want.dims[3];
    const int32_t dims[6] = {in.n, in.h, block, in.w, block, depth};
    const int64_t strides[6] = {image, row, int64_t{block} * depth, in.c, depth, 1};
    for (int32_t d = 0; d < 6; ++d) {
      c->dims[d] = dims[d];
      c->strides[d] = strides[d];
    }
  } else {
    // Output [n, h, w, bh, bw, c] reads input [n, h * block + bh, w * block + bw, c].
    const int32_t dims[6] = {in.n, want.dims[1], want.dims[2], block, block, in.c};
    const int64_t strides[6] = {image, row * block, int64_t{in.c} * block, row, in.c, 1};
    for (int32_t d = 0; d < 6; ++d) {
      c->dims[d] = dims[d];
      c->strides[d] = strides[d];
    }
  }
  move_simplify(c);
  ctx.node().op_data = c;
  return Status::ok();
}

namespace {

// Reads block_shape and the crops or paddings into `g` (3-D: width block 1).
Status read_batch_params(PrepareContext& ctx, int32_t rank, const char* amounts, kernels::SpaceBatchGeometry* g,
                         int64_t* after_h, int64_t* after_w) {
  int64_t block[2] = {1, 1};
  int64_t pads[4] = {0, 0, 0, 0};
  int32_t block_count = 0, pad_count = 0;
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(1), "block_shape", 2, block, &block_count));
  TI_RETURN_IF_ERROR(move_read_ints(ctx, ctx.input(2), amounts, 4, pads, &pad_count));
  const int32_t spatial = rank - 2;
  if (block_count != spatial || pad_count != 2 * spatial)
    return ctx.error(StatusCode::kInvalidModel, "block_shape needs %d entries and %s %d for an input of rank %d",
                     static_cast<int>(spatial), amounts, static_cast<int>(2 * spatial), static_cast<int>(rank));
  for (int32_t i = 0; i < 2; ++i)
    if (block[i] < 1 || block[i] > 65536)
      return ctx.error(StatusCode::kInvalidModel, "block_shape entry %d is %lld", static_cast<int>(i),
                       static_cast<long long>(block[i]));
  for (int32_t i = 0; i < 4; ++i)
    if (pads[i] < 0 || pads[i] > 65536)
      return ctx.error(StatusCode::kInvalidModel, "%s entry %d is %lld", amounts, static_cast<int>(i),
                       static_cast<long long>(pads[i]));
  g->block_h = static_cast<int32_t>(block[0]);
  g->block_w = static_cast<int32_t>(block[1]);
  g->top = static_cast<int32_t>(pads[0]);
  g->left = static_cast<int32_t>(pads[2]);
  *after_h = pads[1];
  *after_w = pads[3];
  return Status::ok();
}

// NHWC dims of a rank-3 (NHC: width 1) or rank-4 shape.
kernels::Dims4 nhwc_of(const Shape& s) {
  if (s.rank == 3) return kernels::Dims4{s.dims[0], s.dims[1], 1, s.dims[2]};
  return nhwc(s);
}

}  // namespace

Status space_prepare_batch(PrepareContext& ctx, bool to_space) {
  const char* amounts = to_space ? "crops" : "paddings";
  TI_RETURN_IF_ERROR(index_check_io(ctx, 3, to_space ? "input, block_shape, crops" : "input, block_shape, paddings"));
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const int32_t rank = input.shape.rank;
  if (rank != 3 && rank != 4)
    return ctx.error(StatusCode::kUnsupported, "input of rank %d (3 or 4)", static_cast<int>(rank));
  kernels::SpaceBatchGeometry g;
  int64_t after_h = 0, after_w = 0;
  TI_RETURN_IF_ERROR(read_batch_params(ctx, rank, amounts, &g, &after_h, &after_w));
  g.in = nhwc_of(input.shape);
  const int64_t blocks = int64_t{g.block_h} * g.block_w;
  int64_t n = 0, h = 0, w = 0;
  if (to_space) {
    if (g.in.n % blocks != 0)
      return ctx.error(StatusCode::kInvalidModel, "batch %d is not a multiple of the block's %lld elements",
                       static_cast<int>(g.in.n), static_cast<long long>(blocks));
    n = g.in.n / blocks;
    h = int64_t{g.in.h} * g.block_h - g.top - after_h;
    w = int64_t{g.in.w} * g.block_w - g.left - after_w;
  } else {
    const int64_t ph = g.in.h + g.top + after_h;
    const int64_t pw = g.in.w + g.left + after_w;
    if (ph % g.block_h != 0 || pw % g.block_w != 0)
      return ctx.error(StatusCode::kInvalidModel, "padded height %lld and width %lld must be multiples of the block",
                       static_cast<long long>(ph), static_cast<long long>(pw));
    n = g.in.n * blocks;
    h = ph / g.block_h;
    w = pw / g.block_w;
  }
  if (h < 0 || w < 0 || n > INT32_MAX || h > INT32_MAX || w > INT32_MAX)
    return ctx.error(StatusCode::kInvalidModel, "%s leave no valid output", amounts);
  g.out = kernels::Dims4{static_cast<int32_t>(n), static_cast<int32_t>(h), static_cast<int32_t>(w), g.in.c};
  Shape want = input.shape;
  want.dims[0] = g.out.n;
  want.dims[1] = g.out.h;
  if (rank == 4) want.dims[2] = g.out.w;
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  auto* data = ctx.allocate_persistent_array<kernels::SpaceBatchGeometry>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = g;
  ctx.node().op_data = data;
  return Status::ok();
}

Status space_prepare_resize(PrepareContext& ctx, bool align_corners, bool half_pixel_centers) {
  TI_RETURN_IF_ERROR(index_check_io(ctx, 2, "input, size"));
  const Tensor input = ctx.input(0);
  const Tensor size = ctx.input(1);
  const Tensor output = ctx.output(0);
  if (input.shape.rank != 4)
    return ctx.error(StatusCode::kUnsupported, "input of rank %d (only 4: NHWC)", static_cast<int>(input.shape.rank));
  if (input.shape.dims[1] < 1 || input.shape.dims[2] < 1)
    return ctx.error(StatusCode::kInvalidModel, "input height and width must be 1 or more");
  if (size.type != DataType::kInt32)
    return ctx.error(StatusCode::kUnsupported, "size of type %s not supported (int32)", data_type_name(size.type));
  int64_t hw[2] = {0, 0};
  int32_t count = 0;
  TI_RETURN_IF_ERROR(move_read_ints(ctx, size, "size", 2, hw, &count));
  if (count != 2 || size.shape.rank != 1)
    return ctx.error(StatusCode::kInvalidModel, "size must be 1-D with 2 entries (height, width)");
  // Positions are computed in 1/1024 units in int32: keep sizes well inside.
  constexpr int64_t kMaxSize = 1 << 20;
  if (hw[0] < 1 || hw[1] < 1 || hw[0] > kMaxSize || hw[1] > kMaxSize || input.shape.dims[1] > kMaxSize ||
      input.shape.dims[2] > kMaxSize)
    return ctx.error(StatusCode::kUnsupported, "sizes must lie in [1, %d]", static_cast<int>(kMaxSize));
  kernels::ResizeGeometry g;
  g.in = nhwc(input.shape);
  g.out_h = static_cast<int32_t>(hw[0]);
  g.out_w = static_cast<int32_t>(hw[1]);
  g.align_corners = align_corners;
  g.half_pixel_centers = half_pixel_centers;
  Shape want = input.shape;
  want.dims[1] = g.out_h;
  want.dims[2] = g.out_w;
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));
  auto* data = ctx.allocate_persistent_array<kernels::ResizeGeometry>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = g;
  ctx.node().op_data = data;
  return Status::ok();
}

}  // namespace tinyinfer
