// BATCH_TO_SPACE_ND (TFLite op versions 1-4): inputs (input, block_shape,
// crops), constant int32 parameters (the output shape is static); a rank-4
// NHWC input (rank 3: NHC, one spatial dimension) of batch n * bh * bw
// becomes [n, h * bh - crop_top - crop_bottom, w * bw - crop_left -
// crop_right, c]: input batch (i * bw + j) * n + b fills the output pixels
// at offset (i, j) of each block.
#include "ops/batch_to_space_nd/batch_to_space_nd.h"

#include "ops/common/index_params.h"
#include "ops/common/op_params.h"
#include "ops/common/space_params.h"

namespace tinyinfer {
namespace {

Status prepare_batch_to_space_nd(PrepareContext& ctx) { return space_prepare_batch(ctx, true); }

void eval_batch_to_space_nd(const EvalContext& ctx) {
  ctx.kernel<kernels::BatchToSpaceNdFn>()(*ctx.data<kernels::SpaceBatchGeometry>(), ctx.input(0).data,
                                          ctx.output(0).data);
}

}  // namespace

const OpRegistration kBatchToSpaceNdOp = {
    37, "BATCH_TO_SPACE_ND", 4, prepare_batch_to_space_nd, eval_batch_to_space_nd, nullptr, describe_shape_change};

}  // namespace tinyinfer
