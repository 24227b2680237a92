// Reference QUANTIZE int32 -> int16 (requantize), per tensor.
#include <cstdint>

#include "ops/quantize/quantize.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void requantize_int32_to_int16(const RequantizeParams& p, int64_t count, const int32_t* input, int16_t* output) {
  requantize(p, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    quantize_int32_to_int16,
    {&kQuantizeOp, "quantize_int32_to_int16", KernelChoice::kReference, signature({kI32}, kI16),
     kernel_entry<kernels::RequantizeFn<int32_t, int16_t>, kernels::reference::requantize_int32_to_int16>(), nullptr});

}  // namespace tinyinfer
