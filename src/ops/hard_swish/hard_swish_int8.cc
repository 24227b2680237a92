// Reference HARD_SWISH int8: TFLite's fixed-point steps in int16.
#include <cstdint>
#include <limits>

#include "ops/common/activation_fixed_point.h"
#include "ops/hard_swish/hard_swish.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

namespace {

// value * 2^amount saturated to int16.
int16_t saturating_left_shift_16(int16_t value, int amount) {
  int64_t r = static_cast<int64_t>(value) * (int64_t{1} << amount);
  r = r > std::numeric_limits<int16_t>::max() ? std::numeric_limits<int16_t>::max() : r;
  r = r < std::numeric_limits<int16_t>::min() ? std::numeric_limits<int16_t>::min() : r;
  return static_cast<int16_t>(r);
}

// TFLite's non-rounding int16 doubling high multiply (truncates toward 0).
int16_t saturating_doubling_high_mul_16(int16_t a, int16_t b) {
  if (a == b && a == std::numeric_limits<int16_t>::min()) return std::numeric_limits<int16_t>::max();
  return static_cast<int16_t>((int32_t{a} * int32_t{b}) / (1 << 15));
}

}  // namespace

void hard_swish_int8(const HardSwishInt8Params& p, int64_t count, const int8_t* input, int8_t* output) {
  for (int64_t i = 0; i < count; ++i) {
    const auto x = static_cast<int16_t>(int32_t{input[i]} - p.input_zero_point);
    const auto x_hires = static_cast<int16_t>(x * (1 << 7));
    const int16_t x_preshift_output = act::saturating_rounding_doubling_high_mul_16(x_hires, p.output_multiplier);
    // (x + 3) / 6 mapped to [-1, 1] in Q15 ...
    int16_t reluish = x_hires;
    if (p.reluish_multiplier_exponent > 0)
      reluish = saturating_left_shift_16(reluish, p.reluish_multiplier_exponent - 1);
    reluish = act::saturating_rounding_doubling_high_mul_16(reluish, p.reluish_multiplier);
    if (p.reluish_multiplier_exponent > 0) reluish = saturating_left_shift_16(reluish, 1);
    if (p.reluish_multiplier_exponent < 0)
      reluish = act::rounding_divide_by_pot_16(reluish, -p.reluish_multiplier_exponent);
    // ... then to [0, 1].
    reluish = static_cast<int16_t>((int32_t{reluish} + (1 << 15)) >> 1);
    const int16_t preshift_output = saturating_doubling_high_mul_16(reluish, x_preshift_output);
    auto out = act::rounding_divide_by_pot_16(preshift_output, -p.output_multiplier_exponent);
    out = static_cast<int16_t>(out + p.output_zero_point);  // wraps in int16 as TFLite's
    int32_t v = out;
    v = v > 127 ? 127 : (v < -128 ? -128 : v);
    output[i] = static_cast<int8_t>(v);
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(hard_swish_int8,
                      {&kHardSwishOp, "hard_swish_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::HardSwishInt8Fn, kernels::reference::hard_swish_int8>(), nullptr});

}  // namespace tinyinfer
