// Reference MINIMUM int64 with broadcasting (a < b ? a : b, as TFLite writes it).
#include "ops/minimum/minimum.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void minimum_int64(const BinaryParams& /*params*/, const BroadcastShape& shape, const int64_t* input1,
                   const int64_t* input2, int64_t* output) {
  binary_broadcast(shape, input1, input2, output, [&](int64_t a, int64_t b) { return a < b ? a : b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(minimum_int64,
                      {&kMinimumOp, "minimum_int64", KernelChoice::kReference, signature({kI64, kI64}, kI64),
                       kernel_entry<kernels::BinaryFn<int64_t>, kernels::reference::minimum_int64>(), nullptr});

}  // namespace tinyinfer
