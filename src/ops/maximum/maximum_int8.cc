// Reference MAXIMUM int8 with broadcasting (a > b ? a : b, as TFLite writes it).
#include "ops/maximum/maximum.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void maximum_int8(const BinaryParams& /*params*/, const BroadcastShape& shape, const int8_t* input1,
                  const int8_t* input2, int8_t* output) {
  binary_broadcast(shape, input1, input2, output, [&](int8_t a, int8_t b) { return a > b ? a : b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(maximum_int8,
                      {&kMaximumOp, "maximum_int8", KernelChoice::kReference, signature({kI8, kI8}, kI8),
                       kernel_entry<kernels::BinaryFn<int8_t>, kernels::reference::maximum_int8>(), nullptr});

}  // namespace tinyinfer
