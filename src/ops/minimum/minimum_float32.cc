// Reference MINIMUM float32 with broadcasting (a < b ? a : b, as TFLite writes it).
#include "ops/minimum/minimum.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void minimum_float(const BinaryParams& /*params*/, const BroadcastShape& shape, const float* input1,
                   const float* input2, float* output) {
  binary_broadcast(shape, input1, input2, output, [&](float a, float b) { return a < b ? a : b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(minimum_float32,
                      {&kMinimumOp, "minimum_float32", KernelChoice::kReference, signature({kF32, kF32}, kF32),
                       kernel_entry<kernels::BinaryFn<float>, kernels::reference::minimum_float>(), nullptr});

}  // namespace tinyinfer
