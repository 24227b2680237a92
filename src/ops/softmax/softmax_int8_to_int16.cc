// Reference SOFTMAX int8 -> int16 (output scale 1/65536, zero point -32768).
#include <cstdint>

#include "ops/softmax/softmax.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void softmax_int8_to_int16(const SoftmaxInt8Params& params, int32_t rows, int32_t depth, const int8_t* input,
                           int16_t* output) {
  softmax_from_int8(params, rows, depth, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(softmax_int8_to_int16,
                      {&kSoftmaxOp, "softmax_int8_to_int16", KernelChoice::kReference, signature({kI8}, kI16),
                       kernel_entry<kernels::SoftmaxFromInt8Fn<int16_t>, kernels::reference::softmax_int8_to_int16>(),
                       nullptr});

}  // namespace tinyinfer
