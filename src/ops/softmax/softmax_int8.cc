// Reference SOFTMAX int8 (output scale 1/256, zero point -128).
#include <cstdint>

#include "dsp/fixed_point.h"
#include "dsp/softmax_fixed_point.h"
#include "ops/softmax/softmax.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

namespace {

// (x - max) * beta * input_scale as a Q5.26 raw value.
int32_t scaled_difference(int32_t diff, const SoftmaxInt8Params& params) {
  return quant::multiply_by_quantized_multiplier(diff, params.input_multiplier, params.input_left_shift);
}

// x / 2^exponent rounded half away from zero, for any exponent >= 0. From
// 32 on, |x| < 2^31 makes the quotient < 1/2, so it rounds to 0. (TFLite
// shifts an int32 by >= 32 there, undefined behaviour, reached once the sum of
// exps is >= 512, i.e. only for rows of 512+ near-equal values.)
int32_t divide_by_pot_any(int32_t x, int exponent) {
  return exponent >= 32 ? 0 : quant::rounding_divide_by_pot(x, exponent);
}

}  // namespace

// TFLite's reference quantized softmax: exp of the scaled differences in
// gemmlowp fixed point, sum in Q12.19, one reciprocal per row, output
// q = exp * (1/sum) * 256 - 128.
void softmax_int8(const SoftmaxInt8Params& params, int32_t rows, int32_t depth, const int8_t* input, int8_t* output) {
  constexpr int kDiffBits = quant::kSoftmaxScaledDiffIntegerBits;
  constexpr int kAccumBits = quant::kSoftmaxAccumulationIntegerBits;
  constexpr int kOutputBits = 8;
  for (int32_t row = 0; row < rows; ++row) {
    const int8_t* in = input + int64_t{row} * depth;
    int8_t* out = output + int64_t{row} * depth;
    int32_t max_in_row = -128;
    for (int32_t c = 0; c < depth; ++c) max_in_row = in[c] > max_in_row ? in[c] : max_in_row;

    int32_t sum_of_exps = 0;  // Q12.19
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = int32_t{in[c]} - max_in_row;
      if (diff >= params.diff_min) {
        const int32_t exp_q0 = quant::exp_on_negative_values<kDiffBits>(scaled_difference(diff, params));
        sum_of_exps = quant::fixed_add(sum_of_exps, quant::rescale<kAccumBits, 0>(exp_q0));
      }
    }

    int num_bits_over_unit = 0;
    const int32_t shifted_scale = quant::softmax_reciprocal(sum_of_exps, kAccumBits, &num_bits_over_unit);

    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = int32_t{in[c]} - max_in_row;
      if (diff >= params.diff_min) {
        const int32_t exp_q0 = quant::exp_on_negative_values<kDiffBits>(scaled_difference(diff, params));
        // exp / sum in Q0.31, brought down to units of 1/256.
        const int32_t unsaturated =
            divide_by_pot_any(quant::fixed_mul(shifted_scale, exp_q0), num_bits_over_unit + 31 - kOutputBits);
        int32_t q = unsaturated - 128;
        q = q < -128 ? -128 : (q > 127 ? 127 : q);
        out[c] = static_cast<int8_t>(q);
      } else {
        out[c] = -128;
      }
    }
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(softmax_int8,
                      {&kSoftmaxOp, "softmax_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::SoftmaxInt8Fn, kernels::reference::softmax_int8>(), nullptr});

}  // namespace tinyinfer
