// Reference MAXIMUM float32 with broadcasting (a > b ? a : b, as TFLite writes it).
#include "ops/maximum/maximum.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void maximum_float(const BinaryParams& /*params*/, const BroadcastShape& shape, const float* input1,
                   const float* input2, float* output) {
  binary_broadcast(shape, input1, input2, output, [&](float a, float b) { return a > b ? a : b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(maximum_float32,
                      {&kMaximumOp, "maximum_float32", KernelChoice::kReference, signature({kF32, kF32}, kF32),
                       kernel_entry<kernels::BinaryFn<float>, kernels::reference::maximum_float>(), nullptr});

}  // namespace tinyinfer
