// Reference TANH int16 (TFLite Micro): tanh(x) = 2 * sigmoid(2x) - 1 read
// from the sigmoid table on a grid of 1/(24 * 2^8) per step, interpolated;
// the negative half mirrored.
#include <cstdlib>

#include "ops/common/activation_sigmoid_table.h"
#include "ops/tanh/tanh.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void tanh_int16(const SigmoidQuantParams& p, int64_t count, const int16_t* input, int16_t* output) {
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
    const uint32_t uh = abs_x >> 8;
    int32_t result;
    if (uh >= 255) {
      result = 0xFFFF << 8;
    } else {
      const uint32_t ua = act::kSigmoidTableU16[uh];
      const uint32_t ub = act::kSigmoidTableU16[uh + 1];
      const uint32_t ut = abs_x & 0xFFu;
      result = static_cast<int32_t>((ua << 8) + ut * (ub - ua));
    }
    result = x >= 0 ? (result - (1 << (14 + 9)) + (1 << (9 - 2))) : (-result + (1 << (14 + 9)) + (1 << (9 - 2)) - 1);
    result >>= (9 - 1);
    output[i] = static_cast<int16_t>(result);
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(tanh_int16, {&kTanhOp, "tanh_int16", KernelChoice::kReference, signature({kI16}, kI16),
                                   kernel_entry<kernels::TanhInt16Fn, kernels::reference::tanh_int16>(), nullptr});

}  // namespace tinyinfer
