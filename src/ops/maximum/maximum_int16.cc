// Reference MAXIMUM int16 with broadcasting (a > b ? a : b, as TFLite writes it).
#include "ops/maximum/maximum.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void maximum_int16(const BinaryParams& /*params*/, const BroadcastShape& shape, const int16_t* input1,
                   const int16_t* input2, int16_t* output) {
  binary_broadcast(shape, input1, input2, output, [&](int16_t a, int16_t b) { return a > b ? a : b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(maximum_int16,
                      {&kMaximumOp, "maximum_int16", KernelChoice::kReference, signature({kI16, kI16}, kI16),
                       kernel_entry<kernels::BinaryFn<int16_t>, kernels::reference::maximum_int16>(), nullptr});

}  // namespace tinyinfer
