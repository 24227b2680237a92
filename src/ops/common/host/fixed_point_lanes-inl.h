// Per-target vector twins of dsp/fixed_point.h (Highway, int32 lanes): the
// same results as the scalar functions lane for lane, so the int8 host SIMD
// kernels stay bit-exact with the reference kernels. Included once per
// target (hwy/foreach_target.h) through the op's kernel file.
#if defined(TINYINFER_OPS_COMMON_HOST_FIXED_POINT_LANES_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef TINYINFER_OPS_COMMON_HOST_FIXED_POINT_LANES_INL_H_
#undef TINYINFER_OPS_COMMON_HOST_FIXED_POINT_LANES_INL_H_
#else
#define TINYINFER_OPS_COMMON_HOST_FIXED_POINT_LANES_INL_H_
#endif

#include <cstdint>
#include <limits>

#include "dsp/fixed_point.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// (ab + nudge) / 2^31 truncated toward zero, ab the exact 64-bit product of
// the even int32 lanes of a and b (MulEven); the result in the even lanes.
template <class D64>
HWY_INLINE hn::Vec<D64> high_half_of_products(D64 d64, hn::Vec<D64> ab) {
  const auto zero = hn::Zero(d64);
  const auto nudge =
      hn::IfThenElse(hn::Lt(ab, zero), hn::Set(d64, int64_t{1} - (int64_t{1} << 30)), hn::Set(d64, int64_t{1} << 30));
  const auto x = hn::Add(ab, nudge);
  // An arithmetic shift floors; adding 2^31 - 1 first to negatives truncates.
  const auto biased = hn::IfThenElse(hn::Lt(x, zero), hn::Add(x, hn::Set(d64, (int64_t{1} << 31) - 1)), x);
  return hn::ShiftRight<31>(biased);
}

// quant::saturating_rounding_doubling_high_mul per int32 lane.
template <class D>
HWY_INLINE hn::Vec<D> saturating_rounding_doubling_high_mul_lanes(D d, hn::Vec<D> a, hn::Vec<D> b) {
#if HWY_TARGET == HWY_SCALAR
  // One lane, no wider vector to multiply into: the scalar function itself.
  return hn::Set(d, quant::saturating_rounding_doubling_high_mul(hn::GetLane(a), hn::GetLane(b)));
#else
  const hn::RepartitionToWide<D> d64;
  const auto even = high_half_of_products(d64, hn::MulEven(a, b));
  // The odd lanes moved down into the even positions, multiplied the same way.
  const auto a_odd = hn::BitCast(d, hn::ShiftRight<32>(hn::BitCast(d64, a)));
  const auto b_odd = hn::BitCast(d, hn::ShiftRight<32>(hn::BitCast(d64, b)));
  const auto odd = high_half_of_products(d64, hn::MulEven(a_odd, b_odd));
  const auto product = hn::OddEven(hn::BitCast(d, hn::ShiftLeft<32>(odd)), hn::BitCast(d, even));
  const auto int_min = hn::Set(d, std::numeric_limits<int32_t>::min());
  const auto overflow = hn::And(hn::Eq(a, int_min), hn::Eq(b, int_min));
  return hn::IfThenElse(overflow, hn::Set(d, std::numeric_limits<int32_t>::max()), product);
#endif
}

// quant::rounding_divide_by_pot per int32 lane (exponent in [0, 31]).
template <class D>
HWY_INLINE hn::Vec<D> rounding_divide_by_pot_lanes(D d, hn::Vec<D> x, int exponent) {
  const auto mask = hn::Set(d, static_cast<int32_t>((int64_t{1} << exponent) - 1));
  const auto one = hn::Set(d, 1);
  const auto remainder = hn::And(x, mask);
  const auto threshold = hn::Add(hn::ShiftRight<1>(mask), hn::IfThenElseZero(hn::Lt(x, hn::Zero(d)), one));
  return hn::Add(hn::ShiftRightSame(x, exponent), hn::IfThenElseZero(hn::Gt(remainder, threshold), one));
}

// quant::multiply_by_quantized_multiplier per int32 lane (the left shift
// wraps as the scalar one does).
template <class D>
HWY_INLINE hn::Vec<D> multiply_by_quantized_multiplier_lanes(D d, hn::Vec<D> x, int32_t multiplier, int32_t shift) {
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  const auto shifted = hn::ShiftLeftSame(x, left_shift);
  return rounding_divide_by_pot_lanes(
      d, saturating_rounding_doubling_high_mul_lanes(d, shifted, hn::Set(d, multiplier)), right_shift);
}

// The rescale of the quantized ADD and SUB inputs: (q + offset) << left_shift,
// times multiplier * 2^shift (reference::rescale_input).
template <class D>
HWY_INLINE hn::Vec<D> rescale_input_lanes(D d, hn::Vec<D> q, int32_t offset, int32_t left_shift, int32_t multiplier,
                                          int32_t shift) {
  return multiply_by_quantized_multiplier_lanes(d, hn::ShiftLeftSame(hn::Add(q, hn::Set(d, offset)), left_shift),
                                                multiplier, shift);
}

// TFLite's quantized ADD (kSubtract false) and SUB: both inputs rescaled to
// a common scale, summed or subtracted, requantized to the output, plus its
// zero point (before the activation clamp). Params: AddInt8Params or
// BinaryParams (the same field names).
template <bool kSubtract, class D, class Params>
HWY_INLINE hn::Vec<D> add_sub_requantized_lanes(D d, hn::Vec<D> a, hn::Vec<D> b, const Params& p) {
  const auto scaled1 = rescale_input_lanes(d, a, p.input1_offset, p.left_shift, p.input1_multiplier, p.input1_shift);
  const auto scaled2 = rescale_input_lanes(d, b, p.input2_offset, p.left_shift, p.input2_multiplier, p.input2_shift);
  const auto raw = kSubtract ? hn::Sub(scaled1, scaled2) : hn::Add(scaled1, scaled2);
  return hn::Add(multiply_by_quantized_multiplier_lanes(d, raw, p.output_multiplier, p.output_shift),
                 hn::Set(d, p.output_offset));
}

// int8 lanes from an op's int32 function: Op has `using Params` (with
// act_min / act_max) and `V operator()(D d, V a, V b, const Params&) const`
// returning the requantized value before the activation clamp; the inputs
// arrive widened to int32, the result is clamped and narrowed back.
template <class Op>
struct Int8Lanes {
  using T = int8_t;
  using Params = typename Op::Params;
  using Tag = hn::ScalableTag<int32_t>;  // one int32 lane per element
  template <class D>
  static size_t lanes(D d) {
    return hn::Lanes(d);
  }
  template <class D>
  HWY_INLINE void operator()(D d, const int8_t* a, const int8_t* b, int8_t* out, const Params& p) const {
    const hn::Rebind<int8_t, D> d8;
    auto q = Op()(d, hn::PromoteTo(d, hn::LoadU(d8, a)), hn::PromoteTo(d, hn::LoadU(d8, b)), p);
    q = hn::Min(hn::Max(q, hn::Set(d, p.act_min)), hn::Set(d, p.act_max));
    hn::StoreU(hn::DemoteTo(d8, q), d8, out);
  }
};

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // include guard toggled per target
