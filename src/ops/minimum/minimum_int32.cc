// Reference MINIMUM int32 with broadcasting (a < b ? a : b, as TFLite writes it).
#include "ops/minimum/minimum.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void minimum_int32(const BinaryParams& /*params*/, const BroadcastShape& shape, const int32_t* input1,
                   const int32_t* input2, int32_t* output) {
  binary_broadcast(shape, input1, input2, output, [&](int32_t a, int32_t b) { return a < b ? a : b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(minimum_int32,
                      {&kMinimumOp, "minimum_int32", KernelChoice::kReference, signature({kI32, kI32}, kI32),
                       kernel_entry<kernels::BinaryFn<int32_t>, kernels::reference::minimum_int32>(), nullptr});

}  // namespace tinyinfer
