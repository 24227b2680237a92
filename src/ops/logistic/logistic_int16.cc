// Reference LOGISTIC int16 (TFLite Micro): the input rescaled onto a grid of
// 1/(24 * 2^9) per step over [0, 10.6], linear interpolation in the sigmoid
// table, the negative half mirrored as 1 - sigmoid(|x|).
#include <cstdlib>

#include "ops/common/activation_sigmoid_table.h"
#include "ops/logistic/logistic.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void logistic_int16(const SigmoidQuantParams& p, int64_t count, const int16_t* input, int16_t* output) {
  int32_t multiplier = p.input_multiplier;
  int32_t shift = p.input_left_shift;
  if (multiplier == 0) {  // power-of-two scale
    multiplier = 3 << shift;
    shift = 0;
  }
  const int32_t round = shift > 0 ? 1 << (shift - 1) : 0;
  for (int64_t i = 0; i < count; ++i) {
    const int32_t x = (int32_t{input[i]} * multiplier + round) >> shift;
    const auto abs_x = static_cast<uint32_t>(std::abs(x));
    const uint32_t uh = abs_x >> 9;
    uint32_t result;
    if (uh >= 255) {
      result = 0x7FFFu << 10;
    } else {
      const uint32_t ua = act::kSigmoidTableU16[uh];
      const uint32_t ub = act::kSigmoidTableU16[uh + 1];
      const uint32_t ut = abs_x & 0x1FFu;
      result = (ua << 9) + ut * (ub - ua);
    }
    result = x >= 0 ? (result + (1u << 9)) : ((1u << (16 + 9)) - result + (1u << 9) - 1);
    result >>= 10;
    output[i] = static_cast<int16_t>(result);
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(logistic_int16,
                      {&kLogisticOp, "logistic_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::LogisticInt16Fn, kernels::reference::logistic_int16>(), nullptr});

}  // namespace tinyinfer
