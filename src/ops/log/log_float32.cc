// Reference LOG float32: out = ln(in) (NaN below zero, -inf at zero) (std::log in float, as TFLite Micro's LogEval).
#include <cmath>
#include <cstdint>

#include "ops/log/log.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void log_float32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = std::log(input[i]);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(log_float32, {&kLogOp, "log_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                    kernel_entry<kernels::UnaryFloatFn, kernels::reference::log_float32>(), nullptr});

}  // namespace tinyinfer
