// Reference QUANTIZE int8 -> int16 (requantize), per tensor.
#include <cstdint>

#include "ops/quantize/quantize.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void requantize_int8_to_int16(const RequantizeParams& p, int64_t count, const int8_t* input, int16_t* output) {
  requantize(p, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    quantize_int8_to_int16,
    {&kQuantizeOp, "quantize_int8_to_int16", KernelChoice::kReference, signature({kI8}, kI16),
     kernel_entry<kernels::RequantizeFn<int8_t, int16_t>, kernels::reference::requantize_int8_to_int16>(), nullptr});

}  // namespace tinyinfer
