// MIRROR_PAD (TFLite op versions 1-3): inputs (input, paddings [rank, 2]);
// the padding mirrors the input at each border, REFLECT without the edge
// element (paddings < size), SYMMETRIC with it (paddings <= size). The
// trailing unpadded dimensions move as whole blocks.
#include "ops/mirror_pad/mirror_pad.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

struct MirrorPadData {
  kernels::MirrorPadGeometry geometry;
};

Status prepare_mirror_pad(PrepareContext& ctx) {
  if (ctx.input_count() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2 inputs (input, paddings) and 1 output");
  const auto* opt = format::options_as<fb::MirrorPadOptions>(ctx.info(), fb::BuiltinOptions::MirrorPadOptions);
  const bool reflect = opt == nullptr || opt->mode() == fb::MirrorPadMode::REFLECT;
  const Tensor input = ctx.input(0);
  const Tensor output = ctx.output(0);
  const Tensor paddings = ctx.input(1);
  const int32_t rank = input.shape.rank;
  int64_t pads[2 * kMaxRank] = {};
  TI_RETURN_IF_ERROR(move_read_paddings(ctx, paddings, rank, pads));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({input.type}, output.type)));

  auto* data = ctx.allocate_persistent_array<MirrorPadData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = MirrorPadData();
  kernels::MirrorPadGeometry& g = data->geometry;
  g.offset = reflect ? 1 : 0;
  Shape want;
  want.rank = rank;
  int32_t last_padded = -1;
  for (int32_t d = 0; d < rank; ++d) {
    const int64_t before = pads[2 * d], after = pads[2 * d + 1];
    const int64_t limit = input.shape.dims[d] - g.offset;
    if (before < 0 || after < 0 || before > limit || after > limit)
      return ctx.error(StatusCode::kInvalidModel, "paddings of dimension %d (%d, %d) must be in [0, %d] for %s mode",
                       static_cast<int>(d), static_cast<int>(before), static_cast<int>(after),
                       static_cast<int>(limit < 0 ? 0 : limit), reflect ? "REFLECT" : "SYMMETRIC");
    if (before != 0 || after != 0) last_padded = d;
    g.pad.in_dims[d] = input.shape.dims[d];
    g.pad.before[d] = static_cast<int32_t>(before);
    g.pad.after[d] = static_cast<int32_t>(after);
    want.dims[d] = static_cast<int32_t>(input.shape.dims[d] + before + after);
  }
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, want, "output"));
  // The dimensions after the last padded one are copied as one block.
  g.block = 1;
  for (int32_t d = last_padded + 1; d < rank; ++d) g.block *= input.shape.dims[d];
  g.pad.rank = last_padded + 1;
  if (last_padded < 0) {
    g.pad.rank = 1;
    g.pad.in_dims[0] = 1;
    g.pad.before[0] = 0;
    g.pad.after[0] = 0;
  }
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_mirror_pad(const EvalContext& ctx) {
  ctx.kernel<kernels::MirrorPadFn>()(ctx.data<MirrorPadData>()->geometry, ctx.input(0).data, ctx.output(0).data);
}

void describe_mirror_pad(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const auto* d = static_cast<const MirrorPadData*>(node.op_data);
  describe_text(buffer, size, "%s", d->geometry.offset != 0 ? "REFLECT" : "SYMMETRIC");
}

}  // namespace

const OpRegistration kMirrorPadOp = {100,     "MIRROR_PAD",       3, prepare_mirror_pad, eval_mirror_pad,
                                     nullptr, describe_mirror_pad};

}  // namespace tinyinfer
