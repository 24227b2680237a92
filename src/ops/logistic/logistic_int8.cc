// Reference LOGISTIC int8: input to Q4, gemmlowp's logistic in Q0.31, output
// in units of 1/256 with zero point -128.
#include "dsp/fixed_point.h"
#include "ops/common/activation_fixed_point.h"
#include "ops/logistic/logistic.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void logistic_int8(const SigmoidQuantParams& p, int64_t count, const int8_t* input, int8_t* output) {
  constexpr int kInputIntegerBits = 4;
  constexpr int kOutputIntegerBits = 8;
  for (int64_t i = 0; i < count; ++i) {
    const int32_t x = int32_t{input[i]} - p.input_zero_point;
    if (x <= -p.input_range_radius) {
      output[i] = -128;
    } else if (x >= p.input_range_radius) {
      output[i] = 127;
    } else {
      const int32_t x_q4 = quant::multiply_by_quantized_multiplier(x, p.input_multiplier, p.input_left_shift);
      const int32_t y_q0 = act::fixed_logistic<kInputIntegerBits>(x_q4);
      int32_t v = quant::rounding_divide_by_pot(y_q0, 31 - kOutputIntegerBits) - 128;
      v = v < -128 ? -128 : (v > 127 ? 127 : v);
      output[i] = static_cast<int8_t>(v);
    }
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(logistic_int8,
                      {&kLogisticOp, "logistic_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::LogisticInt8Fn, kernels::reference::logistic_int8>(), nullptr});

}  // namespace tinyinfer
