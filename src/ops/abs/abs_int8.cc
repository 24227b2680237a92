// Reference ABS int8, quantized per tensor (abs.h: TFLite's AbsEvalQuantized).
#include <cstdint>

#include "ops/abs/abs.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void abs_int8(const UnaryQuantParams& params, int64_t count, const int8_t* input, int8_t* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = abs_quantized_value<int8_t>(params, input[i]);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(abs_int8, {&kAbsOp, "abs_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                 kernel_entry<kernels::UnaryInt8Fn, kernels::reference::abs_int8>(), nullptr});

}  // namespace tinyinfer
