// e^x in Highway lanes for every float, as std::exp gives it within Highway's
// 1 ULP: Highway's Exp holds up to x = 104 and turns a NaN into 0, so lanes
// above the largest float whose e^x is finite give +inf and NaNs pass
// through. Shared by the EXP and LOGISTIC host variants; included once per
// target (hwy/foreach_target.h) by the op's kernel file.
#if defined(TINYINFER_OPS_COMMON_HOST_EXP_LANES_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef TINYINFER_OPS_COMMON_HOST_EXP_LANES_INL_H_
#undef TINYINFER_OPS_COMMON_HOST_EXP_LANES_INL_H_
#else
#define TINYINFER_OPS_COMMON_HOST_EXP_LANES_INL_H_
#endif

#include "hwy/contrib/math/math-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

template <class D, class V>
HWY_INLINE V exp_lanes(D d, V x) {
  const V largest_finite_input = hn::Set(d, 88.72283172607421875f);  // 0x42b17217: e^x < FLT_MAX
  const V y = hn::IfThenElse(hn::Gt(x, largest_finite_input), hn::Inf(d), hn::Exp(d, x));
  return hn::IfThenElse(hn::IsNaN(x), x, y);
}

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // include guard toggled per target
