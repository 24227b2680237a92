// Reference SUB int8 with broadcasting: TFLite's rescale of both inputs to a
// common scale, difference, requantize, clamp.
#include "ops/sub/sub.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void sub_int8(const BinaryParams& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output) {
  sub_quantized(params, shape, input1, input2, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(sub_int8, {&kSubOp, "sub_int8", KernelChoice::kReference, signature({kI8, kI8}, kI8),
                                 kernel_entry<kernels::BinaryFn<int8_t>, kernels::reference::sub_int8>(), nullptr});

}  // namespace tinyinfer
