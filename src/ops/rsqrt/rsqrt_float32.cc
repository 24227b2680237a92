// Reference RSQRT float32: out = 1 / sqrt(in) in float, as TFLite Micro's
// RsqrtEval (inf at 0, NaN below).
#include <cmath>
#include <cstdint>

#include "ops/rsqrt/rsqrt.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void rsqrt_float32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = 1.0f / std::sqrt(input[i]);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(rsqrt_float32,
                      {&kRsqrtOp, "rsqrt_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::UnaryFloatFn, kernels::reference::rsqrt_float32>(), nullptr});

}  // namespace tinyinfer
