// Reference SOFTMAX int8 (output scale 1/256, zero point -128).
#include <cstdint>

#include "ops/softmax/softmax.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void softmax_int8(const SoftmaxInt8Params& params, int32_t rows, int32_t depth, const int8_t* input, int8_t* output) {
  softmax_from_int8(params, rows, depth, input, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(softmax_int8,
                      {&kSoftmaxOp, "softmax_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::SoftmaxInt8Fn, kernels::reference::softmax_int8>(), nullptr});

}  // namespace tinyinfer
