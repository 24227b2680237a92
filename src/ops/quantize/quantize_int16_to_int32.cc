// Reference QUANTIZE int16 -> int32 (requantize), per tensor.
#include <cstdint>

#include "ops/quantize/quantize.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void requantize_int16_to_int32(const RequantizeParams& p, int64_t count, const int16_t* input, int32_t* output) {
  requantize(p, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    quantize_int16_to_int32,
    {&kQuantizeOp, "quantize_int16_to_int32", KernelChoice::kReference, signature({kI16}, kI32),
     kernel_entry<kernels::RequantizeFn<int16_t, int32_t>, kernels::reference::requantize_int16_to_int32>(), nullptr});

}  // namespace tinyinfer
