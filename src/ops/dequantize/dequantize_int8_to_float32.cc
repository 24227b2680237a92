// Reference DEQUANTIZE int8 -> float32, per tensor.
#include <cstdint>

#include "ops/dequantize/dequantize.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void dequantize(float scale, int32_t zero_point, int64_t count, const int8_t* input, float* output) {
  affine_dequantize(scale, zero_point, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(dequantize_int8_to_float32,
                      {&kDequantizeOp, "dequantize_int8_to_float32", KernelChoice::kReference, signature({kI8}, kF32),
                       kernel_entry<kernels::DequantizeFn, kernels::reference::dequantize>(), nullptr});

}  // namespace tinyinfer
