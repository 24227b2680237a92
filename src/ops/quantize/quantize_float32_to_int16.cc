// Reference QUANTIZE float32 -> int16, per tensor.
#include <cstdint>

#include "ops/quantize/quantize.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void quantize_int16(float scale, int32_t zero_point, int64_t count, const float* input, int16_t* output) {
  affine_quantize(scale, zero_point, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(quantize_float32_to_int16,
                      {&kQuantizeOp, "quantize_float32_to_int16", KernelChoice::kReference, signature({kF32}, kI16),
                       kernel_entry<kernels::QuantizeFloatFn<int16_t>, kernels::reference::quantize_int16>(), nullptr});

}  // namespace tinyinfer
