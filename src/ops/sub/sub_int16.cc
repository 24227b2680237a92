// Reference SUB int16 with broadcasting: TFLite's rescale of both inputs to a
// common scale, difference, requantize, clamp.
#include "ops/sub/sub.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void sub_int16(const BinaryParams& params, const BroadcastShape& shape, const int16_t* input1, const int16_t* input2,
               int16_t* output) {
  sub_quantized(params, shape, input1, input2, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(sub_int16, {&kSubOp, "sub_int16", KernelChoice::kReference, signature({kI16, kI16}, kI16),
                                  kernel_entry<kernels::BinaryFn<int16_t>, kernels::reference::sub_int16>(), nullptr});

}  // namespace tinyinfer
