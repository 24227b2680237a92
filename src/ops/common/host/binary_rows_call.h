// What a host SIMD binary kernel hands its per-target code (the rows of the
// broadcast, the tensors and the op's parameters), and the portable entry
// that plans the rows or declines.
#pragma once

#include "ops/common/host/broadcast_rows.h"
#include "ops/common/kernel_types.h"

namespace tinyinfer::kernels::host {

template <typename T, typename Params>
struct BinaryRowsCall {
  const BroadcastRows* rows;
  const T* input1;
  const T* input2;
  T* output;
  const Params* params;
};

template <typename T, typename Params>
using BinaryRowsFn = void (*)(const BinaryRowsCall<T, Params>& call);

// Runs `rows_fn` (an op's per-target row walk, as HWY_DYNAMIC_DISPATCH picks
// it) over the broadcast; false when the broadcast has no rows worth the
// vector loop (plan_broadcast_rows): the caller then runs its reference kernel.
template <typename T, typename Params>
bool run_binary_rows(BinaryRowsFn<T, Params> rows_fn, const Params& params, const BroadcastShape& shape,
                     const T* input1, const T* input2, T* output) {
  BroadcastRows rows;
  if (!plan_broadcast_rows(shape, &rows)) return false;
  rows_fn(BinaryRowsCall<T, Params>{&rows, input1, input2, output, &params});
  return true;
}

}  // namespace tinyinfer::kernels::host
