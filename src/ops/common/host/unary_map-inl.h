// Per-target walk of the host SIMD unary float kernels (Highway): whole
// vectors, then the tail through a zero-padded vector-sized buffer, so every
// element goes through the same instructions. An op brings the lanes:
//   struct Op { template <class D, class V> V operator()(D d, V v) const; };
// Included once per target (hwy/foreach_target.h) by the op's kernel file.
#if defined(TINYINFER_OPS_COMMON_HOST_UNARY_MAP_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef TINYINFER_OPS_COMMON_HOST_UNARY_MAP_INL_H_
#undef TINYINFER_OPS_COMMON_HOST_UNARY_MAP_INL_H_
#else
#define TINYINFER_OPS_COMMON_HOST_UNARY_MAP_INL_H_
#endif

#include <cstdint>
#include <cstring>

#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// output[i] = op(input[i]) for i < count; output may be input.
template <class Op>
HWY_INLINE void unary_float_map(int64_t count, const float* input, float* output) {
  const hn::ScalableTag<float> d;
  const Op op;
  const size_t step = hn::Lanes(d);
  const auto n = static_cast<size_t>(count);
  size_t i = 0;
  for (; i + step <= n; i += step) hn::StoreU(op(d, hn::LoadU(d, input + i)), d, output + i);
  if (i == n) return;
  HWY_ALIGN float tail[HWY_MAX_BYTES / sizeof(float)] = {};
  const size_t rest = n - i;
  std::memcpy(tail, input + i, rest * sizeof(float));
  hn::Store(op(d, hn::Load(d, tail)), d, tail);
  std::memcpy(output + i, tail, rest * sizeof(float));
}

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // include guard toggled per target
