// Per-target walk of the host SIMD binary kernels (Highway): the rows of a
// broadcast (broadcast_rows.h), each through whole vectors and its tail
// through zero-padded vector-sized buffers, so every element goes through
// the same instructions. An op brings the lanes: a `Lanes` type with
//   using T = <element type>; using Params = <its parameter block>;
//   template <class D> void operator()(D d, const T* a, const T* b, T* out,
//                                      const Params& p) const;   // one vector (Lanes(d) elements)
//   template <class D> static size_t lanes(D d);   // elements per call
// where `a` / `b` point at one element repeated (kRepeat) or at contiguous ones.
// Included once per target (hwy/foreach_target.h) by the op's kernel file.
#if defined(TINYINFER_OPS_COMMON_HOST_BINARY_ROWS_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef TINYINFER_OPS_COMMON_HOST_BINARY_ROWS_INL_H_
#undef TINYINFER_OPS_COMMON_HOST_BINARY_ROWS_INL_H_
#else
#define TINYINFER_OPS_COMMON_HOST_BINARY_ROWS_INL_H_
#endif

#include <algorithm>
#include <cstring>

#include "hwy/highway.h"
#include "ops/common/host/binary_rows_call.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// One row of `length` outputs. A repeated input is passed as a vector's
// worth of copies of its element, so the lanes load it like any other.
template <class Lanes, bool kRepeat1, bool kRepeat2>
HWY_INLINE void binary_row(const Lanes& lanes_op, const typename Lanes::Params& params, const typename Lanes::T* a,
                           const typename Lanes::T* b, typename Lanes::T* out, int64_t length) {
  using T = typename Lanes::T;
  constexpr size_t kMaxLanes = HWY_MAX_BYTES;  // elements: enough for any lane type
  const typename Lanes::Tag d;
  const size_t step = Lanes::lanes(d);
  HWY_ALIGN T a_repeated[kMaxLanes], b_repeated[kMaxLanes];
  if (kRepeat1) std::fill(a_repeated, a_repeated + step, a[0]);
  if (kRepeat2) std::fill(b_repeated, b_repeated + step, b[0]);
  const auto n = static_cast<size_t>(length);
  size_t i = 0;
  for (; i + step <= n; i += step)
    lanes_op(d, kRepeat1 ? a_repeated : a + i, kRepeat2 ? b_repeated : b + i, out + i, params);
  if (i == n) return;
  // The tail through zero-padded buffers (the output may alias an input).
  HWY_ALIGN T a_tail[kMaxLanes] = {}, b_tail[kMaxLanes] = {}, out_tail[kMaxLanes];
  const size_t rest = n - i;
  std::memcpy(a_tail, kRepeat1 ? a_repeated : a + i, rest * sizeof(T));
  std::memcpy(b_tail, kRepeat2 ? b_repeated : b + i, rest * sizeof(T));
  lanes_op(d, a_tail, b_tail, out_tail, params);
  std::memcpy(out + i, out_tail, rest * sizeof(T));
}

template <class Lanes, bool kRepeat1, bool kRepeat2>
HWY_INLINE void binary_walk(const BinaryRowsCall<typename Lanes::T, typename Lanes::Params>& call) {
  const Lanes lanes_op;
  for_each_row(*call.rows, [&](int64_t offset1, int64_t offset2, int64_t out_offset) {
    binary_row<Lanes, kRepeat1, kRepeat2>(lanes_op, *call.params, call.input1 + offset1, call.input2 + offset2,
                                          call.output + out_offset, call.rows->row_length);
  });
}

// The whole broadcast for an op's lanes.
template <class Lanes>
HWY_INLINE void binary_rows(const BinaryRowsCall<typename Lanes::T, typename Lanes::Params>& call) {
  if (call.rows->input1_repeats)
    binary_walk<Lanes, true, false>(call);
  else if (call.rows->input2_repeats)
    binary_walk<Lanes, false, true>(call);
  else
    binary_walk<Lanes, false, false>(call);
}

// ---- float32 ----

// x < lo ? lo : (x > hi ? hi : x), lane by lane (NaN stays NaN, -0 stays -0), as the reference clamps.
template <class V>
HWY_INLINE V clamp_lanes(V x, V lo, V hi) {
  return hn::IfThenElse(hn::Lt(x, lo), lo, hn::IfThenElse(hn::Gt(x, hi), hi, x));
}

// float32 lanes from an op's vector function: Op has `static constexpr bool
// kClamps` (its fused activation) and `V operator()(V a, V b) const`.
template <class Op>
struct FloatLanes {
  using T = float;
  using Params = FloatClamp;
  using Tag = hn::ScalableTag<float>;
  template <class D>
  static size_t lanes(D d) {
    return hn::Lanes(d);
  }
  template <class D>
  HWY_INLINE void operator()(D d, const float* a, const float* b, float* out, const FloatClamp& clamp) const {
    auto result = Op()(hn::LoadU(d, a), hn::LoadU(d, b));
    if (Op::kClamps) result = clamp_lanes(result, hn::Set(d, clamp.min), hn::Set(d, clamp.max));
    hn::StoreU(result, d, out);
  }
};

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // include guard toggled per target
