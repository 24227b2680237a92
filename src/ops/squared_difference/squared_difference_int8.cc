// Reference SQUARED_DIFFERENCE int8 with broadcasting: TFLite's rescale of both
// inputs, squared difference, requantize, clamp.
#include "ops/squared_difference/squared_difference.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void squared_difference_int8(const BinaryParams& params, const BroadcastShape& shape, const int8_t* input1,
                             const int8_t* input2, int8_t* output) {
  squared_difference_quantized(params, shape, input1, input2, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(squared_difference_int8,
                      {&kSquaredDifferenceOp, "squared_difference_int8", KernelChoice::kReference,
                       signature({kI8, kI8}, kI8),
                       kernel_entry<kernels::BinaryFn<int8_t>, kernels::reference::squared_difference_int8>(),
                       nullptr});

}  // namespace tinyinfer
