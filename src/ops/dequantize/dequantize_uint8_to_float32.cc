// Reference DEQUANTIZE uint8 -> float32, per tensor.
#include <cstdint>

#include "ops/dequantize/dequantize.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void dequantize_uint8(float scale, int32_t zero_point, int64_t count, const uint8_t* input, float* output) {
  affine_dequantize(scale, zero_point, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(dequantize_uint8_to_float32,
                      {&kDequantizeOp, "dequantize_uint8_to_float32", KernelChoice::kReference,
                       signature({DataType::kUInt8}, kF32),
                       kernel_entry<kernels::DequantizeFromFn<uint8_t>, kernels::reference::dequantize_uint8>(),
                       nullptr});

}  // namespace tinyinfer
