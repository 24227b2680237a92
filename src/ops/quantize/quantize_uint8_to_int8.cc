// Reference QUANTIZE uint8 -> int8 (requantize), per tensor.
#include <cstdint>

#include "ops/quantize/quantize.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void requantize_uint8_to_int8(const RequantizeParams& p, int64_t count, const uint8_t* input, int8_t* output) {
  requantize(p, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    quantize_uint8_to_int8,
    {&kQuantizeOp, "quantize_uint8_to_int8", KernelChoice::kReference, signature({DataType::kUInt8}, kI8),
     kernel_entry<kernels::RequantizeFn<uint8_t, int8_t>, kernels::reference::requantize_uint8_to_int8>(), nullptr});

}  // namespace tinyinfer
