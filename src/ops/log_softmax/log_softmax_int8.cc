// Reference LOG_SOFTMAX int8 (TFLite's LogSoftmaxQuantized).
#include <cstdint>
#include <limits>

#include "dsp/fixed_point.h"
#include "dsp/softmax_fixed_point.h"
#include "ops/common/activation_fixed_point.h"
#include "ops/log_softmax/log_softmax.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void log_softmax_int8(const LogSoftmaxInt8Params& p, int32_t rows, int32_t depth, const int8_t* input, int8_t* output) {
  constexpr int kInputIntegerBits = 5;
  constexpr int kAccumulationIntegerBits = 12;
  constexpr int kOutputIntegerBits = 4;
  for (int32_t r = 0; r < rows; ++r) {
    const int8_t* in = input + int64_t{r} * depth;
    int8_t* out = output + int64_t{r} * depth;
    int32_t max_in_row = -128;
    for (int32_t c = 0; c < depth; ++c) max_in_row = in[c] > max_in_row ? in[c] : max_in_row;

    int32_t sum_of_exps = 0;  // Q12
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = int32_t{in[c]} - max_in_row;
      if (diff >= p.diff_min) {
        const int32_t diff_q5 = quant::multiply_by_quantized_multiplier(diff, p.input_multiplier, p.input_left_shift);
        sum_of_exps = quant::fixed_add(sum_of_exps, quant::rescale<kAccumulationIntegerBits, 0>(
                                                        quant::exp_on_negative_values<kInputIntegerBits>(diff_q5)));
      }
    }
    const int32_t log_sum_q5 =
        act::log_x_for_x_greater_than_or_equal_to_1<kInputIntegerBits, kAccumulationIntegerBits>(sum_of_exps);
    // Differences at or below log(sum) - 32 (in input units) give -128.
    const int32_t shifted_log_sum = quant::fixed_add(log_sum_q5, std::numeric_limits<int32_t>::min());
    const int32_t reverse =
        quant::multiply_by_quantized_multiplier(shifted_log_sum, p.reverse_scaling_divisor, p.reverse_scaling_shift);
    const int32_t adjusted_diff_min = p.diff_min - 1 > reverse ? p.diff_min - 1 : reverse;
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = int32_t{in[c]} - max_in_row;
      if (diff > adjusted_diff_min) {
        const int32_t diff_q5 = quant::multiply_by_quantized_multiplier(diff, p.input_multiplier, p.input_left_shift);
        int32_t v = quant::rounding_divide_by_pot(quant::fixed_sub(diff_q5, log_sum_q5),
                                                  31 - kInputIntegerBits - kOutputIntegerBits) +
                    127;
        v = v > 127 ? 127 : (v < -128 ? -128 : v);
        out[c] = static_cast<int8_t>(v);
      } else {
        out[c] = -128;
      }
    }
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(log_softmax_int8,
                      {&kLogSoftmaxOp, "log_softmax_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::LogSoftmaxInt8Fn, kernels::reference::log_softmax_int8>(), nullptr});

}  // namespace tinyinfer
