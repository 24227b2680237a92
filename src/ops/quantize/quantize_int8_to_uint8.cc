// Reference QUANTIZE int8 -> uint8 (requantize), per tensor.
#include <cstdint>

#include "ops/quantize/quantize.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void requantize_int8_to_uint8(const RequantizeParams& p, int64_t count, const int8_t* input, uint8_t* output) {
  requantize(p, count, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    quantize_int8_to_uint8,
    {&kQuantizeOp, "quantize_int8_to_uint8", KernelChoice::kReference, signature({kI8}, DataType::kUInt8),
     kernel_entry<kernels::RequantizeFn<int8_t, uint8_t>, kernels::reference::requantize_int8_to_uint8>(), nullptr});

}  // namespace tinyinfer
