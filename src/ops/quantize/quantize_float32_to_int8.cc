// Reference QUANTIZE float32 -> int8, per tensor.
#include <cstdint>

#include "ops/quantize/quantize.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void quantize(float scale, int32_t zero_point, int64_t count, const float* input, int8_t* output) {
  affine_quantize(scale, zero_point, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(quantize_float32_to_int8,
                      {&kQuantizeOp, "quantize_float32_to_int8", KernelChoice::kReference, signature({kF32}, kI8),
                       kernel_entry<kernels::QuantizeFn, kernels::reference::quantize>(), nullptr});

}  // namespace tinyinfer
