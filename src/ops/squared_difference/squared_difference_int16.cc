// Reference SQUARED_DIFFERENCE int16 with broadcasting: TFLite's rescale of both
// inputs, squared difference, requantize, clamp.
#include "ops/squared_difference/squared_difference.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void squared_difference_int16(const BinaryParams& params, const BroadcastShape& shape, const int16_t* input1,
                              const int16_t* input2, int16_t* output) {
  squared_difference_quantized(params, shape, input1, input2, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(squared_difference_int16,
                      {&kSquaredDifferenceOp, "squared_difference_int16", KernelChoice::kReference,
                       signature({kI16, kI16}, kI16),
                       kernel_entry<kernels::BinaryFn<int16_t>, kernels::reference::squared_difference_int16>(),
                       nullptr});

}  // namespace tinyinfer
