// Reference DEQUANTIZE int8 -> float32, per tensor.
#include <cstdint>

#include "ops/dequantize/dequantize.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void dequantize(float scale, int32_t zero_point, int64_t count, const int8_t* input, float* output) {
  // The product in double, rounded once to float, as TFLite's Dequantize.
  const double scale_d = static_cast<double>(scale);
  for (int64_t i = 0; i < count; ++i) {
    output[i] = static_cast<float>(scale_d * (int32_t{input[i]} - zero_point));
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(dequantize_int8_to_float32,
                      {&kDequantizeOp, "dequantize_int8_to_float32", KernelChoice::kReference, signature({kI8}, kF32),
                       kernel_entry<kernels::DequantizeFn, kernels::reference::dequantize>(), nullptr});

}  // namespace tinyinfer
