// Reference DEQUANTIZE int16 -> float32, per tensor.
#include <cstdint>

#include "ops/dequantize/dequantize.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void dequantize_int16(float scale, int32_t zero_point, int64_t count, const int16_t* input, float* output) {
  affine_dequantize(scale, zero_point, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(dequantize_int16_to_float32,
                      {&kDequantizeOp, "dequantize_int16_to_float32", KernelChoice::kReference, signature({kI16}, kF32),
                       kernel_entry<kernels::DequantizeFromFn<int16_t>, kernels::reference::dequantize_int16>(),
                       nullptr});

}  // namespace tinyinfer
