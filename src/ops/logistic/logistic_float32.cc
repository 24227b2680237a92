// Reference LOGISTIC float32 (TFLite's cut-offs: 1 above ~16.6, exp(x)
// below -9 where 1 / (1 + exp(-x)) loses precision).
#include <cmath>

#include "ops/logistic/logistic.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void logistic_float(int64_t count, const float* input, float* output) {
  constexpr float kCutoffUpper = 16.619047164916992188f;
  constexpr float kCutoffLower = -9.0f;
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    float r;
    if (x > kCutoffUpper)
      r = 1.0f;
    else if (x < kCutoffLower)
      r = std::exp(x);
    else
      r = 1.0f / (1.0f + std::exp(-x));
    output[i] = r;
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(logistic_float32,
                      {&kLogisticOp, "logistic_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::LogisticFloatFn, kernels::reference::logistic_float>(), nullptr});

}  // namespace tinyinfer
