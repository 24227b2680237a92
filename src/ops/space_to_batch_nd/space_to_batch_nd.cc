// SPACE_TO_BATCH_ND (TFLite op versions 1-4): inputs (input, block_shape,
// paddings), constant int32 parameters (the output shape is static); a
// rank-4 NHWC input (rank 3: NHC) is padded, then each block offset (i, j)
// becomes batch entries (i * bw + j) * n + b of [n * bh * bw, padded h / bh,
// padded w / bw, c]. Padding is zero bytes for every type, as TFLite Micro
// fills it (not the int8 zero point, unlike TFLite).
#include "ops/space_to_batch_nd/space_to_batch_nd.h"

#include "ops/common/index_params.h"
#include "ops/common/op_params.h"
#include "ops/common/space_params.h"

namespace tinyinfer {
namespace {

Status prepare_space_to_batch_nd(PrepareContext& ctx) { return space_prepare_batch(ctx, false); }

void eval_space_to_batch_nd(const EvalContext& ctx) {
  ctx.kernel<kernels::SpaceToBatchNdFn>()(*ctx.data<kernels::SpaceBatchGeometry>(), ctx.input(0).data,
                                          ctx.output(0).data);
}

}  // namespace

const OpRegistration kSpaceToBatchNdOp = {
    38, "SPACE_TO_BATCH_ND", 4, prepare_space_to_batch_nd, eval_space_to_batch_nd, nullptr, describe_shape_change};

}  // namespace tinyinfer
