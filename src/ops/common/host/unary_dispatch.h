// The run-time dispatch tail of a host SIMD unary float kernel file
// (src/ops/<op>/host/): exports the file's per-target map function and defines
// the kernel its TINYINFER_KERNEL_LIST names. Used after `#if HWY_ONCE`; the
// list stays in the op's file, where the kernel-table scanner reads it.
#pragma once

#include <cstdint>

#include "hwy/highway.h"

#define TINYINFER_HOST_UNARY_FLOAT_DISPATCH(per_target_map, kernel) \
  namespace tinyinfer::kernels::host {                              \
  HWY_EXPORT(per_target_map);                                       \
  void kernel(int64_t count, const float* input, float* output) {   \
    HWY_DYNAMIC_DISPATCH(per_target_map)(count, input, output);     \
  }                                                                 \
  }  // namespace tinyinfer::kernels::host
