// Reference ABS int16: quantized per tensor with zero points 0 (abs.h:
// TFLite's AbsEvalQuantized), or on raw integers when unquantized.
#include <cstdint>

#include "ops/abs/abs.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void abs_int16(const UnaryQuantParams& params, int64_t count, const int16_t* input, int16_t* output) {
  if (!params.quantized) {
    // std::abs in int, narrowed back: |-32768| wraps to -32768 as in TFLite.
    for (int64_t i = 0; i < count; ++i) {
      const int32_t value = input[i] < 0 ? -int32_t{input[i]} : int32_t{input[i]};
      output[i] = static_cast<int16_t>(static_cast<uint16_t>(value));
    }
    return;
  }
  for (int64_t i = 0; i < count; ++i) output[i] = abs_quantized_value<int16_t>(params, input[i]);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(abs_int16, {&kAbsOp, "abs_int16", KernelChoice::kReference, signature({kI16}, kI16),
                                  kernel_entry<kernels::UnaryInt16Fn, kernels::reference::abs_int16>(), nullptr});

}  // namespace tinyinfer
