#include "ops/common/broadcast.h"

#include "runtime/node.h"

namespace tinyinfer {

Status prepare_broadcast(PrepareContext& ctx, const Tensor& a, const Tensor& b, const Tensor& out,
                         kernels::BroadcastShape* shape) {
  kernels::BroadcastShape& s = *shape;
  s.rank = out.shape.rank;
  if (s.rank > kernels::kMaxBroadcastRank)
    return ctx.error(StatusCode::kUnsupported, "output rank %d: broadcasting goes up to rank %d", s.rank,
                     kernels::kMaxBroadcastRank);
  if (a.shape.rank > s.rank || b.shape.rank > s.rank)
    return ctx.error(StatusCode::kInvalidModel, "output rank %d below input ranks %d and %d", s.rank, a.shape.rank,
                     b.shape.rank);
  for (int32_t d = 0; d < s.rank; ++d) {
    const int32_t ia = d - (s.rank - a.shape.rank);
    const int32_t ib = d - (s.rank - b.shape.rank);
    s.out[d] = out.shape.dims[d];
    s.in1[d] = ia >= 0 ? a.shape.dims[ia] : 1;
    s.in2[d] = ib >= 0 ? b.shape.dims[ib] : 1;
    const int32_t expected = s.in1[d] == 1 ? s.in2[d] : s.in1[d];
    if ((s.in1[d] != 1 && s.in2[d] != 1 && s.in1[d] != s.in2[d]) || s.out[d] != expected)
      return ctx.error(StatusCode::kInvalidModel, "dimension %d: %d and %d cannot broadcast to %d", d, s.in1[d],
                       s.in2[d], s.out[d]);
  }
  return Status::ok();
}

}  // namespace tinyinfer
