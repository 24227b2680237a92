// SOFTMAX: its kernel types and kernels.
#pragma once

#include <limits>

#include "dsp/fixed_point.h"
#include "dsp/softmax_fixed_point.h"
#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSoftmaxOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- Softmax over the last dimension (rows x depth) ----
struct SoftmaxInt8Params {
  int32_t input_multiplier = 0;  // beta * input_scale in Q(31-5), TFLite's PreprocessSoftmaxScaling
  int32_t input_left_shift = 0;
  int32_t diff_min = 0;  // differences below this give exp = 0
};
// int16 -> int16 (zero points 0, output scale 1/32768): TFLite's table
// softmax. The differences to the row's maximum, scaled so that [-65535, 0]
// covers [-10, 0], go through an exp table; the row sum, normalised, through a
// 1/(1 + x) table (both 513-entry tables built at prepare, ops/common/q16_int16_lut.h).
struct SoftmaxInt16Params {
  int32_t input_multiplier = 0;  // input_scale * beta / (10 / 65535) as QuantizeMultiplier
  int32_t input_shift = 0;
  const int16_t* exp_lut = nullptr;
  const int16_t* one_over_one_plus_x_lut = nullptr;
};
using SoftmaxFloatFn = void (*)(float beta, int32_t rows, int32_t depth, const float* input, float* output);
// Output int8 with scale 1/256 and zero point -128, as the TFLite spec fixes
// (int16 output: scale 1/65536, zero point -32768).
template <typename Out>
using SoftmaxFromInt8Fn = void (*)(const SoftmaxInt8Params& params, int32_t rows, int32_t depth, const int8_t* input,
                                   Out* output);
using SoftmaxInt8Fn = SoftmaxFromInt8Fn<int8_t>;
using SoftmaxInt16Fn = void (*)(const SoftmaxInt16Params& params, int32_t rows, int32_t depth, const int16_t* input,
                                int16_t* output);

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void softmax_float(float beta, int32_t rows, int32_t depth, const float* input, float* output);
void softmax_int8(const SoftmaxInt8Params& params, int32_t rows, int32_t depth, const int8_t* input, int8_t* output);
void softmax_int8_to_int16(const SoftmaxInt8Params& params, int32_t rows, int32_t depth, const int8_t* input,
                           int16_t* output);
void softmax_int16(const SoftmaxInt16Params& params, int32_t rows, int32_t depth, const int16_t* input,
                   int16_t* output);

// x / 2^exponent rounded half away from zero, for any exponent >= 0. From
// 32 on, |x| < 2^31 makes the quotient < 1/2, so it rounds to 0. (TFLite
// shifts an int32 by >= 32 there, undefined behaviour, reached once the sum of
// exps is >= 512, i.e. only for rows of 512+ near-equal values.)
inline int32_t softmax_divide_by_pot_any(int32_t x, int exponent) {
  return exponent >= 32 ? 0 : quant::rounding_divide_by_pot(x, exponent);
}

// TFLite's reference softmax of int8 input: exp of the scaled differences in
// gemmlowp fixed point, sum in Q12.19, one reciprocal per row, output
// q = exp * (1/sum) * 2^bits(Out) + lowest(Out).
template <typename Out>
void softmax_from_int8(const SoftmaxInt8Params& params, int32_t rows, int32_t depth, const int8_t* input, Out* output) {
  constexpr int kDiffBits = quant::kSoftmaxScaledDiffIntegerBits;
  constexpr int kAccumBits = quant::kSoftmaxAccumulationIntegerBits;
  constexpr int kOutputBits = 8 * sizeof(Out);
  constexpr int32_t kLowest = std::numeric_limits<Out>::lowest();
  constexpr int32_t kHighest = std::numeric_limits<Out>::max();
  // (x - max) * beta * input_scale as a Q5.26 raw value.
  const auto scaled_difference = [&](int32_t diff) {
    return quant::multiply_by_quantized_multiplier(diff, params.input_multiplier, params.input_left_shift);
  };
  for (int32_t row = 0; row < rows; ++row) {
    const int8_t* in = input + int64_t{row} * depth;
    Out* out = output + int64_t{row} * depth;
    int32_t max_in_row = -128;
    for (int32_t c = 0; c < depth; ++c) max_in_row = in[c] > max_in_row ? in[c] : max_in_row;

    int32_t sum_of_exps = 0;  // Q12.19
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = int32_t{in[c]} - max_in_row;
      if (diff >= params.diff_min) {
        const int32_t exp_q0 = quant::exp_on_negative_values<kDiffBits>(scaled_difference(diff));
        sum_of_exps = quant::fixed_add(sum_of_exps, quant::rescale<kAccumBits, 0>(exp_q0));
      }
    }

    int num_bits_over_unit = 0;
    const int32_t shifted_scale = quant::softmax_reciprocal(sum_of_exps, kAccumBits, &num_bits_over_unit);

    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = int32_t{in[c]} - max_in_row;
      if (diff >= params.diff_min) {
        const int32_t exp_q0 = quant::exp_on_negative_values<kDiffBits>(scaled_difference(diff));
        // exp / sum in Q0.31, brought down to units of 2^-bits(Out).
        const int32_t unsaturated =
            softmax_divide_by_pot_any(quant::fixed_mul(shifted_scale, exp_q0), num_bits_over_unit + 31 - kOutputBits);
        int32_t q = unsaturated + kLowest;
        q = q < kLowest ? kLowest : (q > kHighest ? kHighest : q);
        out[c] = static_cast<Out>(q);
      } else {
        out[c] = static_cast<Out>(kLowest);
      }
    }
  }
}
}  // namespace reference

}  // namespace tinyinfer::kernels

namespace tinyinfer::quant {

// Prepare-time parameters of the int8 softmax from beta and the input scale
// (TFLite's PreprocessSoftmaxScaling + CalculateInputRadius). TFLite requires
// beta * input_scale * 2^26 > 1 (left shift >= 0) and aborts otherwise; here
// a smaller product keeps its negative shift (the kernel then shifts right)
// and diff_min admits every int8 difference.
void prepare_softmax_int8(double beta, double input_scale, kernels::SoftmaxInt8Params* params);

}  // namespace tinyinfer::quant
